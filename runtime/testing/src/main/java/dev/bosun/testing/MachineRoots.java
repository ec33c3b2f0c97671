package dev.bosun.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Directories for the machines of charm contexts that were given none: a fresh path under {@code
 * java.io.tmpdir} per context, created only when a charm touches a file, and deleted when the JVM
 * exits.
 */
final class MachineRoots {
  private static final List<Path> ROOTS = new ArrayList<>();
  private static boolean hooked;

  private MachineRoots() {}

  /** Returns a new path that does not exist yet, to be deleted at exit if it gets created. */
  static synchronized Path fresh() {
    Path root = Path.of(System.getProperty("java.io.tmpdir"), "bosun-testing-" + UUID.randomUUID());
    ROOTS.add(root);
    if (!hooked) {
      Runtime.getRuntime().addShutdownHook(new Thread(MachineRoots::deleteAll, "bosun-testing"));
      hooked = true;
    }
    return root;
  }

  private static synchronized void deleteAll() {
    for (Path root : ROOTS) {
      if (!Files.exists(root)) {
        continue;
      }
      try (Stream<Path> paths = Files.walk(root)) {
        paths.sorted(Comparator.reverseOrder()).forEach(MachineRoots::delete);
      } catch (IOException | UncheckedIOException e) {
        // Best effort: a temporary directory left behind is harmless.
      }
    }
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // Best effort.
    }
  }
}
