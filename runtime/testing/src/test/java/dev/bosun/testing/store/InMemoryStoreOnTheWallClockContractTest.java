package dev.bosun.testing.store;

import dev.bosun.runtime.store.InMemoryStore;
import dev.bosun.runtime.store.Store;
import java.time.Clock;
import java.time.Duration;

/**
 * The in-memory store keeps the store contract with its leases on the system clock: proves the
 * suite's wall-clock mode, the one etcd and ZooKeeper backends will use.
 */
class InMemoryStoreOnTheWallClockContractTest extends StoreContract {

  @Override
  protected ContractClock newContractClock() {
    return ContractClock.wall(Duration.ofSeconds(1));
  }

  @Override
  protected Store newStore(Clock clock, int historyLimit) {
    return new InMemoryStore(clock, historyLimit);
  }
}
