package dev.bosun.testing.store;

import dev.bosun.runtime.store.Store;

/**
 * What the parts of the store contract need from a test: the store under test and the time it runs
 * on. {@link StoreContract} implements it; a backend implements {@link StoreContract#newStore}.
 */
public interface StoreFixture {

  /** Returns the store under test: fresh and empty in every test, closed after it. */
  Store store();

  /**
   * Opens another fresh, empty store (closed after the test) that remembers the changes of only the
   * last {@code historyLimit} revisions for watches.
   */
  Store storeWithHistoryLimit(int historyLimit);

  /** Returns the time the stores of this test run on. */
  ContractClock contractClock();
}
