package dev.bosun.benchmarks;

import dev.bosun.model.spec.ModelSpec;
import dev.bosun.runtime.Runtime;
import dev.bosun.runtime.SettleResult;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;

/**
 * Scale runs that take seconds each, printed as one line per run: {@code hub} (10,000 workers
 * related to a 3-unit hub, each with a subordinate: time to settle and hooks run), {@code peers}
 * (an application with a peer relation), {@code heap} (heap per idle unit after a settle).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.bosun.benchmarks.ScaleDriver hub 10000 2
 * java -cp benchmarks/target/benchmarks.jar dev.bosun.benchmarks.ScaleDriver peers 100 2
 * java -Xmx4g -cp benchmarks/target/benchmarks.jar dev.bosun.benchmarks.ScaleDriver heap 10000
 * java -cp benchmarks/target/benchmarks.jar dev.bosun.benchmarks.ScaleDriver hub 10000 2 1 sqlite
 * </pre>
 *
 * Arguments: the scenario, its size, the number of agent threads (0: deterministic mode), how many
 * times to repeat a settle, and the store: {@code in-memory} (the default), {@code sqlite} (a new
 * SQLite file in a temporary directory for each settle, {@code Durability.POWER_LOSS}) or {@code
 * sqlite-process-crash} ({@code Durability.PROCESS_CRASH}). {@code -Dbosun.hold=N} keeps the heap
 * run alive N seconds before closing, for a class histogram ({@code jcmd <pid>
 * GC.class_histogram}).
 */
public final class ScaleDriver {
  private ScaleDriver() {}

  /** Runs a scenario. */
  public static void main(String[] args) {
    String scenario = args.length > 0 ? args[0] : "hub";
    int size = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    int threads =
        args.length > 2
            ? Integer.parseInt(args[2])
            : java.lang.Runtime.getRuntime().availableProcessors();
    int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    BenchmarkStore store = BenchmarkStore.named(args.length > 4 ? args[4] : "in-memory");
    switch (scenario) {
      case "hub" -> {
        for (int i = 0; i < repeats; i++) {
          settle("hub", RuntimeModels.hub(size, true), threads, store);
        }
      }
      case "peers" -> {
        for (int i = 0; i < repeats; i++) {
          settle("peers", RuntimeModels.peers(size), threads, store);
        }
      }
      case "heap" -> heap(size, threads);
      default -> throw new IllegalArgumentException("unknown scenario " + scenario);
    }
  }

  private static void settle(String name, ModelSpec spec, int threads, BenchmarkStore store) {
    Runtime runtime = RuntimeModels.runtime(threads, store);
    try {
      IoCounters io = IoCounters.read();
      long cpuBefore = processCpuNanos();
      long start = System.nanoTime();
      runtime.apply(spec);
      long applied = System.nanoTime();
      SettleResult result = RuntimeModels.settle(runtime);
      long end = System.nanoTime();
      int units = runtime.status().units().size();
      report(
          "%s: %d units settled in %.2f s (apply %.0f ms), %d hooks, %.1f µs per hook, %d threads,"
              + " %s store (%.0f MB on disk)",
          name,
          units,
          (end - start) / 1e9,
          (applied - start) / 1e6,
          result.hooksRun(),
          (end - start) / 1e3 / result.hooksRun(),
          threads,
          store.kind(),
          store.fileBytes() / 1e6);
      long cpu = processCpuNanos() - cpuBefore;
      report(
          "%s: %.1f s of CPU (%.0f µs per hook), load average %.2f",
          name,
          cpu / 1e9,
          cpu / 1e3 / result.hooksRun(),
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      IoCounters written = IoCounters.read().minus(io);
      if (written.available()) {
        report(
            "%s: wrote %.0f MB (%.0f bytes per hook) in %d write calls (%.2f per hook), %.0f MB"
                + " to the disk",
            name,
            written.writtenBytes() / 1e6,
            written.writtenBytes() / (double) result.hooksRun(),
            written.writeCalls(),
            written.writeCalls() / (double) result.hooksRun(),
            written.diskBytes() / 1e6);
      }
    } finally {
      runtime.close();
      store.cleanUp();
    }
  }

  private static void heap(int size, int threads) {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    Runtime runtime = RuntimeModels.runtime(threads);
    runtime.apply(RuntimeModels.hub(3, true));
    RuntimeModels.settle(runtime);
    long before = usedAfterGc(memory);
    runtime.apply(RuntimeModels.hub(size, true));
    SettleResult result = RuntimeModels.settle(runtime);
    long after = usedAfterGc(memory);
    int units = runtime.status().units().size();
    int added = units - 9;
    report(
        "heap: %d units (%d workers with a sidecar each) added %.1f MB: %.0f bytes per idle unit,"
            + " %.0f bytes per worker with its sidecar; %d hooks",
        added,
        size - 3,
        (after - before) / 1e6,
        (after - before) / (double) added,
        (after - before) / (double) (size - 3),
        result.hooksRun());
    long hold = Long.getLong("bosun.hold", 0);
    if (hold > 0) {
      try {
        Thread.sleep(hold * 1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    runtime.close();
  }

  /** The CPU time of the whole process (every thread, JIT and GC included), in nanoseconds. */
  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }

  private static long usedAfterGc(MemoryMXBean memory) {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  /**
   * The process's write counters from {@code /proc/self/io} (Linux): bytes sent to the disk and
   * write system calls; deterministic enough to compare store layouts on a loaded machine.
   */
  private record IoCounters(boolean available, long writtenBytes, long diskBytes, long writeCalls) {
    static IoCounters read() {
      try {
        long written = 0;
        long bytes = 0;
        long calls = 0;
        for (String line :
            java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/io"))) {
          String[] parts = line.split(":\\s*");
          if (parts[0].equals("wchar")) {
            written = Long.parseLong(parts[1].trim());
          } else if (parts[0].equals("write_bytes")) {
            bytes = Long.parseLong(parts[1].trim());
          } else if (parts[0].equals("syscw")) {
            calls = Long.parseLong(parts[1].trim());
          }
        }
        return new IoCounters(true, written, bytes, calls);
      } catch (java.io.IOException | RuntimeException e) {
        return new IoCounters(false, 0, 0, 0);
      }
    }

    IoCounters minus(IoCounters before) {
      return new IoCounters(
          available && before.available,
          writtenBytes - before.writtenBytes,
          diskBytes - before.diskBytes,
          writeCalls - before.writeCalls);
    }
  }

  @SuppressWarnings("SystemOut")
  private static void report(String format, Object... args) {
    System.out.println(String.format(Locale.ROOT, format, args));
  }
}
