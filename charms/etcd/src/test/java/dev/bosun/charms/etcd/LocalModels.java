package dev.bosun.charms.etcd;

import dev.bosun.runtime.Runtime;
import dev.bosun.runtime.store.Store;
import dev.bosun.runtime.substrate.local.LocalSubstrate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** What the etcd integration tests and benchmark share about the real models they deploy. */
final class LocalModels {
  private LocalModels() {}

  /**
   * Closes a model's runtime, releases every machine (which stops every service the test started),
   * closes the substrate and store, then deletes the model's directory; parts never opened (null)
   * are skipped.
   */
  static void tearDown(Runtime runtime, LocalSubstrate substrate, Store store, Path directory)
      throws IOException {
    try {
      if (runtime != null) {
        runtime.close();
      }
      if (substrate != null) {
        for (String machine : substrate.machineIds()) {
          substrate.release(machine);
        }
        substrate.close();
      }
      if (store != null) {
        store.close();
      }
    } finally {
      try (Stream<Path> files = Files.walk(directory)) {
        for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
    }
  }
}
