package dev.bosun.benchmarks;

import dev.bosun.runtime.store.InMemoryStore;
import dev.bosun.runtime.store.Store;
import dev.bosun.store.sqlite.Durability;
import dev.bosun.store.sqlite.SqliteStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The store a runtime benchmark runs on: {@code in-memory}, {@code sqlite} (a new file in a
 * temporary directory, {@link Durability#POWER_LOSS}, the default) or {@code sqlite-process-crash}
 * ({@link Durability#PROCESS_CRASH}). Each {@link #open} makes a fresh, empty store; {@link
 * #cleanUp} closes the last one and deletes its files (call it after closing its runtime).
 */
final class BenchmarkStore {
  private final String kind;
  private Path directory;
  private Store current;

  private BenchmarkStore(String kind) {
    this.kind = kind;
  }

  /** Parses a store name. */
  static BenchmarkStore named(String kind) {
    String name = kind.toLowerCase(Locale.ROOT);
    if (!name.equals("in-memory")
        && !name.equals("sqlite")
        && !name.equals("sqlite-process-crash")) {
      throw new IllegalArgumentException(
          "unknown store \"" + kind + "\": use in-memory, sqlite or sqlite-process-crash");
    }
    return new BenchmarkStore(name);
  }

  /** The store's name. */
  String kind() {
    return kind;
  }

  /** Opens a fresh, empty store whose leases expire on {@code clock}. */
  Store open(Clock clock) {
    cleanUp();
    if (kind.equals("in-memory")) {
      current = new InMemoryStore(clock);
      return current;
    }
    try {
      directory = Files.createTempDirectory("bosun-bench-store");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Durability durability =
        kind.equals("sqlite") ? Durability.POWER_LOSS : Durability.PROCESS_CRASH;
    current =
        SqliteStore.builder(directory.resolve("model.db"))
            .clock(clock)
            .durability(durability)
            .open();
    return current;
  }

  /** The size of the store's files, in bytes (0 for the in-memory store). */
  long fileBytes() {
    if (directory == null) {
      return 0;
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.mapToLong(path -> path.toFile().length()).sum();
    } catch (IOException e) {
      return 0;
    }
  }

  /** Closes the last store opened and deletes its files. */
  void cleanUp() {
    if (current != null) {
      current.close();
      current = null;
    }
    if (directory == null) {
      return;
    }
    if (Boolean.getBoolean("bosun.keepStore")) {
      System.err.println("kept the store in " + directory);
      directory = null;
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    directory = null;
  }
}
