package dev.bosun.charms.etcd;

import dev.bosun.charm.HookContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The {@code etcd} resource: an etcd binary, or a release tarball ({@code .tar.gz}) holding one,
 * which is unpacked once under {@code var/lib/etcd-resource/} on the machine.
 */
final class Resources {
  static final String UNPACKED = "var/lib/etcd-resource";

  private Resources() {}

  /**
   * Returns the etcd program of the resource.
   *
   * @throws EtcdException when the resource is neither an executable nor a tarball with {@code
   *     etcd} in it
   */
  static Path etcdBinary(HookContext ctx, Path resource) {
    String file = resource.getFileName().toString();
    if (!(file.endsWith(".tar.gz") || file.endsWith(".tgz"))) {
      if (!Files.isExecutable(resource)) {
        throw new EtcdException(
            "resource",
            "the etcd resource "
                + resource
                + " is not executable; attach the etcd binary or a release .tar.gz",
            null);
      }
      return resource;
    }
    Path directory = ctx.machine().path(UNPACKED);
    Optional<Path> found = find(directory);
    if (found.isPresent()) {
      return found.get();
    }
    try {
      Files.createDirectories(directory);
      Process tar =
          new ProcessBuilder("tar", "-xzf", resource.toString(), "-C", directory.toString())
              .redirectErrorStream(true)
              .start();
      String output = new String(tar.getInputStream().readAllBytes());
      if (!tar.waitFor(60, TimeUnit.SECONDS) || tar.exitValue() != 0) {
        throw new EtcdException(
            "resource",
            "cannot unpack the etcd resource " + resource + ": " + output.strip(),
            null);
      }
    } catch (IOException e) {
      throw new EtcdException("resource", "cannot unpack the etcd resource: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EtcdException("resource", "interrupted while unpacking the etcd resource", e);
    }
    return find(directory)
        .orElseThrow(
            () ->
                new EtcdException(
                    "resource",
                    "the etcd resource " + resource + " has no executable named etcd",
                    null));
  }

  private static Optional<Path> find(Path directory) {
    if (!Files.isDirectory(directory)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.walk(directory, 3)) {
      return files
          .filter(p -> p.getFileName().toString().equals("etcd") && Files.isRegularFile(p))
          .filter(Files::isExecutable)
          .findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
