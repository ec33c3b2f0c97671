package dev.bosun.runtime.substrate.local;

import static java.util.Objects.requireNonNull;

import dev.bosun.model.spec.Names;
import dev.bosun.runtime.substrate.SubstrateException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Resource files attached to applications (Juju's {@code attach-resource}), kept durably in a
 * directory: {@code <directory>/<application>/<name>/<fingerprint>/<file name>} holds the content
 * under the name of the file attached, and {@code <directory>/<application>/<name>.properties} the
 * file's name, size and SHA-384 fingerprint. Writing the properties (atomically, after the content)
 * is what attaches: a crash leaves the old resource or the new one, never a mix; the previous
 * content is deleted afterwards. Thread-safe.
 *
 * <pre>{@code
 * ResourceStore resources = substrate.resources();
 * resources.attach("etcd", "etcd-binary", Path.of("/tmp/etcd"));
 * Path binary = resources.lookup("etcd", "etcd-binary").orElseThrow().path();
 * }</pre>
 */
public final class ResourceStore {
  private static final Pattern RESOURCE_NAME = Pattern.compile("[a-z][a-z0-9_-]*");
  private static final String METADATA = ".properties";

  private final Path directory;

  private ResourceStore(Path directory) {
    this.directory = directory;
  }

  /** Returns the store kept in {@code directory}, created when the first resource is attached. */
  public static ResourceStore open(Path directory) {
    return new ResourceStore(requireNonNull(directory, "directory").toAbsolutePath().normalize());
  }

  /** Returns the store's directory. */
  public Path directory() {
    return directory;
  }

  /**
   * Copies a file into the store as an application's resource, replacing what was attached under
   * that name.
   *
   * @return the stored resource
   * @throws IllegalArgumentException when the application or resource name is invalid
   * @throws SubstrateException when the file cannot be read or the store cannot be written
   */
  public synchronized AttachedResource attach(String application, String name, Path file) {
    Path folder = folder(application, name);
    requireNonNull(file, "file");
    if (!Files.isRegularFile(file)) {
      throw new SubstrateException(
          "",
          "cannot attach resource " + name + " to " + application + ": " + file + " is not a file");
    }
    String fileName = file.getFileName().toString();
    Path temporary = null;
    try {
      Files.createDirectories(folder);
      temporary = Files.createTempFile(folder, ".attach-", ".tmp");
      MessageDigest digest = MessageDigest.getInstance("SHA-384");
      long size;
      try (InputStream in = Files.newInputStream(file);
          OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), digest)) {
        size = in.transferTo(out);
      }
      if (AtomicFiles.POSIX) {
        // Keep the file's mode: an attached binary stays executable.
        Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(file));
      }
      String fingerprint = HexFormat.of().formatHex(digest.digest());
      Path content = folder.resolve(name).resolve(fingerprint).resolve(fileName);
      Files.createDirectories(content.getParent());
      move(temporary, content);
      Properties metadata = new Properties();
      metadata.setProperty("file-name", fileName);
      metadata.setProperty("size", Long.toString(size));
      metadata.setProperty("fingerprint", fingerprint);
      StringWriter text = new StringWriter();
      metadata.store(text, "resource " + name + " of " + application);
      AtomicFiles.write(
          folder.resolve(name + METADATA), text.toString().getBytes(StandardCharsets.UTF_8), 0644);
      deleteOthers(folder.resolve(name), fingerprint);
      return new AttachedResource(application, name, content, fileName, size, fingerprint);
    } catch (IOException e) {
      throw new SubstrateException(
          "",
          "cannot attach resource "
              + name
              + " to "
              + application
              + " from "
              + file
              + " in "
              + directory
              + ": "
              + e,
          e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-384 is missing from this JVM", e);
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException e) {
          // A stray temporary file is harmless.
        }
      }
    }
  }

  /**
   * Returns an application's resource, empty when none is attached under that name.
   *
   * @throws IllegalArgumentException when the application or resource name is invalid
   * @throws SubstrateException when the store cannot be read
   */
  public synchronized Optional<AttachedResource> lookup(String application, String name) {
    Path folder = folder(application, name);
    Path metadataFile = folder.resolve(name + METADATA);
    if (!Files.isRegularFile(metadataFile)) {
      return Optional.empty();
    }
    Properties metadata = new Properties();
    try (InputStream in = Files.newInputStream(metadataFile)) {
      metadata.load(in);
      String fileName = metadata.getProperty("file-name");
      String fingerprint = metadata.getProperty("fingerprint");
      String size = metadata.getProperty("size");
      if (fileName == null || fingerprint == null || size == null) {
        throw new IOException(metadataFile + " lacks file-name, fingerprint or size");
      }
      Path content = folder.resolve(name).resolve(fingerprint).resolve(fileName);
      if (!Files.isRegularFile(content)) {
        throw new IOException(content + " is missing");
      }
      return Optional.of(
          new AttachedResource(
              application, name, content, fileName, Long.parseLong(size), fingerprint));
    } catch (IOException | NumberFormatException | java.nio.file.InvalidPathException e) {
      throw new SubstrateException(
          "",
          "cannot read resource " + name + " of " + application + " in " + folder + ": " + e,
          e);
    }
  }

  /**
   * Returns every resource attached to an application, by name.
   *
   * @throws SubstrateException when the store cannot be read
   */
  public synchronized List<AttachedResource> list(String application) {
    Path folder = folder(application, "resource");
    List<String> names = new ArrayList<>();
    if (Files.isDirectory(folder)) {
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "*" + METADATA)) {
        for (Path entry : entries) {
          String file = entry.getFileName().toString();
          names.add(file.substring(0, file.length() - METADATA.length()));
        }
      } catch (IOException e) {
        throw new SubstrateException(
            "", "cannot list the resources of " + application + " in " + folder + ": " + e, e);
      }
    }
    names.sort(null);
    List<AttachedResource> resources = new ArrayList<>();
    for (String name : names) {
      if (RESOURCE_NAME.matcher(name).matches()) {
        lookup(application, name).ifPresent(resources::add);
      }
    }
    return resources;
  }

  /**
   * Deletes every resource of an application (when it is removed from the model); an application
   * without resources is fine.
   *
   * @throws SubstrateException when they cannot be deleted
   */
  public synchronized void detachAll(String application) {
    Path folder = folder(application, "resource");
    try {
      AtomicFiles.deleteTree(folder);
    } catch (IOException e) {
      throw new SubstrateException(
          "", "cannot delete the resources of " + application + " in " + folder + ": " + e, e);
    }
  }

  private Path folder(String application, String name) {
    requireNonNull(application, "application");
    requireNonNull(name, "name");
    if (!Names.isValidApplication(application)) {
      throw new IllegalArgumentException("invalid application name " + application);
    }
    if (!RESOURCE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("invalid resource name " + name);
    }
    return directory.resolve(application);
  }

  private static void deleteOthers(Path versions, String keep) throws IOException {
    List<Path> stale = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(versions)) {
      for (Path entry : entries) {
        if (!entry.getFileName().toString().equals(keep)) {
          stale.add(entry);
        }
      }
    }
    for (Path entry : stale) {
      AtomicFiles.deleteTree(entry);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
