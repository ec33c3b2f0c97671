package dev.bosun.runtime.substrate.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Test support: fast supervision settings, and cleaning up after a test so that no process is left
 * behind, whatever the test did.
 */
final class Machines {
  private Machines() {}

  /** A builder that supervises quickly: checks every 20 ms, restarts after 50 ms. */
  static LocalSubstrate.Builder fast(Path root) {
    return LocalSubstrate.builder(root)
        .checkInterval(Duration.ofMillis(20))
        .restartBackoff(Duration.ofMillis(50), Duration.ofMillis(400))
        .stopGracePeriod(Duration.ofSeconds(5));
  }

  /** The pid of a running service. */
  static long pid(LocalSubstrate substrate, String machine, String service) {
    return substrate
        .lookup(machine)
        .orElseThrow()
        .services()
        .status(service)
        .filter(status -> status.running())
        .orElseThrow(() -> new AssertionError(service + " is not running on " + machine))
        .pid();
  }

  static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(Processes::alive).orElse(false);
  }

  /** SIGKILL, as {@code kill -9}. */
  static void kill(long pid) {
    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
  }

  /**
   * Releases every machine recorded under {@code root} (stopping their services), then kills any
   * process still recorded there, and deletes the root.
   */
  static void cleanUp(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return;
    }
    List<ProcessIdentity> recorded = new ArrayList<>();
    for (ServiceRecord record : records(root)) {
      recorded.add(record.process());
    }
    try (LocalSubstrate substrate = fast(root).checkInterval(Duration.ofHours(1)).build()) {
      for (String id : substrate.machineIds()) {
        if (!id.contains("/") && substrate.lookup(id).isPresent()) {
          substrate.release(id);
        }
      }
    } catch (RuntimeException e) {
      // Fall back to killing what the records name.
    }
    Processes.terminate(recorded, Duration.ZERO);
    AtomicFiles.deleteTree(root);
  }

  static List<ServiceRecord> records(Path root) throws IOException {
    List<ServiceRecord> records = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return records;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file :
          files
              .filter(path -> path.getParent().endsWith("run/bosun/services"))
              .filter(path -> path.toString().endsWith(".json"))
              .toList()) {
        try {
          records.add(ServiceRecord.read(file));
        } catch (IOException e) {
          // Deleted meanwhile.
        }
      }
    }
    return records;
  }
}
