package dev.bosun.store.sqlite;

import dev.bosun.runtime.store.Store;
import dev.bosun.testing.store.StoreContract;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite store keeps the store contract, its leases on a manual clock; its second client is
 * another {@link SqliteStore} on the same file.
 */
class SqliteStoreContractTest extends StoreContract {
  private final AtomicInteger files = new AtomicInteger();
  @TempDir Path directory;

  @Override
  protected Store newStore(Clock clock, int historyLimit) {
    return SqliteStore.builder(directory.resolve("model-" + files.incrementAndGet() + ".db"))
        .clock(clock)
        .historyLimit(historyLimit)
        .open();
  }

  /** A second {@link SqliteStore} on the same file, as a second process would open it. */
  @Override
  protected Optional<Store> openAgain(Store store, Clock clock) {
    return Optional.of(
        SqliteStore.builder(((SqliteStore) store).file())
            .clock(clock)
            .historyLimit(HISTORY_LIMIT)
            .open());
  }
}
