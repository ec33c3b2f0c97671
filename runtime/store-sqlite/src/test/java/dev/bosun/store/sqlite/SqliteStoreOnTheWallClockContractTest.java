package dev.bosun.store.sqlite;

import dev.bosun.runtime.store.Store;
import dev.bosun.testing.store.ContractClock;
import dev.bosun.testing.store.StoreContract;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite store keeps the store contract with its leases on the system clock, reaped by its
 * timer thread as in production.
 */
class SqliteStoreOnTheWallClockContractTest extends StoreContract {
  private final AtomicInteger files = new AtomicInteger();
  @TempDir Path directory;

  @Override
  protected ContractClock newContractClock() {
    return ContractClock.wall(Duration.ofSeconds(1));
  }

  @Override
  protected Store newStore(Clock clock, int historyLimit) {
    return SqliteStore.builder(directory.resolve("model-" + files.incrementAndGet() + ".db"))
        .clock(clock)
        .historyLimit(historyLimit)
        .open();
  }
}
