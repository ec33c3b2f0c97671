package dev.bosun.testing.store;

import dev.bosun.runtime.store.Store;
import java.util.Optional;

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

  /**
   * Returns another client of {@link #store()} (closed after the test): another connection to the
   * same state, as a second process would open it — the same file for an embedded database, the
   * same cluster for a server. Empty when the backend has no such thing; the tests that need one
   * are then skipped.
   */
  default Optional<Store> secondClient() {
    return Optional.empty();
  }

  /**
   * Returns the largest value the backend stores, in bytes: 8 MiB unless the backend says less (an
   * etcd server accepts requests of up to 1.5 MiB unless started with {@code --max-request-bytes}).
   * The large-value tests use sizes up to this.
   */
  default int largestValueBytes() {
    return 8 * 1024 * 1024;
  }
}
