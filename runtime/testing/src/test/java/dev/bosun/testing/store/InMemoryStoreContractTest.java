package dev.bosun.testing.store;

import dev.bosun.runtime.store.InMemoryStore;
import dev.bosun.runtime.store.Store;
import java.time.Clock;

/** The in-memory store keeps the store contract, its leases on a manual clock. */
class InMemoryStoreContractTest extends StoreContract {

  @Override
  protected Store newStore(Clock clock, int historyLimit) {
    return new InMemoryStore(clock, historyLimit);
  }
}
