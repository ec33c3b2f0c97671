package dev.bosun.store.sqlite;

import dev.bosun.testing.store.ContractClock;
import java.time.Duration;

/**
 * The SQLite store keeps the store contract with its leases on the system clock, reaped by its
 * timer thread as in production.
 */
class SqliteStoreOnTheWallClockContractTest extends SqliteStoreContractTest {

  @Override
  protected ContractClock newContractClock() {
    return ContractClock.wall(Duration.ofSeconds(1));
  }
}
