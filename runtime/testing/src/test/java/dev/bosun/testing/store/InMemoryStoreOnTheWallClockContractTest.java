package dev.bosun.testing.store;

import java.time.Duration;

/**
 * The in-memory store keeps the store contract with its leases on the system clock: proves the
 * suite's wall-clock mode, the one etcd and ZooKeeper backends will use.
 */
class InMemoryStoreOnTheWallClockContractTest extends InMemoryStoreContractTest {

  @Override
  protected ContractClock newContractClock() {
    return ContractClock.wall(Duration.ofSeconds(1));
  }
}
