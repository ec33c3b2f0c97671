package dev.bosun.testing.store;

import dev.bosun.runtime.store.KeyValue;
import dev.bosun.runtime.store.Store;
import dev.bosun.runtime.store.Txn;
import dev.bosun.runtime.store.TxnResult;

/** Short ways to write and read in the contract's tests. */
final class Commits {
  private Commits() {}

  /**
   * Puts keys and values ({@code "a", "1", "b", "2"}) in one transaction and returns its revision.
   */
  static long put(Store store, String... keysAndValues) {
    Txn.Builder txn = Txn.builder();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      txn.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return succeeded(store.commit(txn.build()));
  }

  /** Deletes keys in one transaction and returns its revision. */
  static long delete(Store store, String... keys) {
    Txn.Builder txn = Txn.builder();
    for (String key : keys) {
      txn.delete(key);
    }
    return succeeded(store.commit(txn.build()));
  }

  /** Returns a key's value as a string, or {@code null} when it is absent. */
  static String value(Store store, String key) {
    return store.get(key).map(KeyValue::valueAsString).orElse(null);
  }

  private static long succeeded(TxnResult result) {
    if (!result.succeeded()) {
      throw new AssertionError("a transaction without comparisons failed: " + result);
    }
    return result.revision();
  }
}
