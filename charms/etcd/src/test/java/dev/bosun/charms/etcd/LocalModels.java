package dev.bosun.charms.etcd;

import dev.bosun.charm.CharmCatalog;
import dev.bosun.runtime.Runtime;
import dev.bosun.runtime.RuntimeSettings;
import dev.bosun.runtime.store.Store;
import dev.bosun.runtime.substrate.local.LocalSubstrate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/** What the etcd integration tests and benchmark share about the real models they deploy. */
final class LocalModels {
  private LocalModels() {}

  /**
   * A runtime over the built-in charms with four agent threads and failed hooks retried after 0.5 s
   * (doubling to 5 s), plus whatever {@code settings} adds.
   */
  static Runtime runtime(
      Store store,
      LocalSubstrate substrate,
      java.util.function.UnaryOperator<RuntimeSettings.Builder> settings) {
    return Runtime.builder()
        .charms(CharmCatalog.discover(LocalModels.class.getClassLoader()))
        .store(store)
        .substrate(substrate)
        .settings(
            settings
                .apply(
                    RuntimeSettings.builder()
                        .threads(4)
                        .retryBackoff(Duration.ofMillis(500), Duration.ofSeconds(5), 2, 0.03))
                .build())
        .build();
  }

  /**
   * Closes a model's runtime, releases every machine (which stops every service the test started),
   * closes the substrate and store, then deletes the model's directory; parts never opened (null)
   * are skipped.
   */
  /**
   * With {@code -Dbosun.it.keepLogs=DIR}, copies the model's logs (every machine's {@code var/log})
   * under {@code DIR/<model directory name>}, so a failed run can be read afterwards: the teardown
   * calls it, and a test may call it when it fails (a released machine's logs are gone by the
   * teardown). A log copied earlier is replaced.
   */
  static void keepLogs(Path directory) throws IOException {
    String keep = System.getProperty("bosun.it.keepLogs", "");
    Path machines = directory.resolve("machines");
    if (keep.isBlank() || !Files.isDirectory(machines)) {
      return;
    }
    Path target = Path.of(keep).resolve(directory.getFileName());
    try (Stream<Path> files = Files.walk(machines)) {
      for (Path log : files.filter(p -> p.toString().contains("/var/log/")).toList()) {
        Path copy = target.resolve(machines.relativize(log));
        if (Files.isDirectory(log)) {
          Files.createDirectories(copy);
        } else {
          Files.createDirectories(copy.getParent());
          Files.copy(log, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  static void tearDown(Runtime runtime, LocalSubstrate substrate, Store store, Path directory)
      throws IOException {
    try {
      keepLogs(directory);
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
