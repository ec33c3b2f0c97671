package dev.bosun.runtime.store;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An atomic transaction: comparisons on keys' modification revisions, then puts and deletes that
 * are applied only if every comparison holds.
 *
 * <pre>{@code
 * Txn txn = Txn.builder()
 *     .ifModRevision("m/app/etcd", 17)      // unchanged since revision 17
 *     .ifAbsent("m/unit/etcd/3")            // does not exist
 *     .put("m/unit/etcd/3", json)
 *     .delete("m/unit/etcd/2")
 *     .build();
 * TxnResult result = store.commit(txn);
 * }</pre>
 *
 * @param compares the comparisons, all of which must hold
 * @param puts the puts
 * @param deletes the keys to delete (deleting an absent key does nothing)
 */
public record Txn(List<Compare> compares, List<Put> puts, List<String> deletes) {

  /**
   * Copies the lists and checks that no key is written twice.
   *
   * @throws IllegalArgumentException when a key is put or deleted more than once
   */
  public Txn {
    compares = List.copyOf(compares);
    puts = List.copyOf(puts);
    deletes = List.copyOf(deletes);
    Set<String> written = new HashSet<>();
    for (Put put : puts) {
      if (!written.add(put.key())) {
        throw new IllegalArgumentException("key " + put.key() + " is written twice in a txn");
      }
    }
    for (String key : deletes) {
      if (!written.add(key)) {
        throw new IllegalArgumentException("key " + key + " is written twice in a txn");
      }
    }
  }

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether the transaction writes nothing. */
  public boolean isReadOnly() {
    return puts.isEmpty() && deletes.isEmpty();
  }

  /**
   * A comparison: the key's modification revision must equal {@code modRevision} (0: the key must
   * be absent).
   *
   * @param key the key
   * @param modRevision the expected modification revision, or 0 for "absent"
   */
  public record Compare(String key, long modRevision) {
    /** Checks the components. */
    public Compare {
      requireNonNull(key, "key");
      if (modRevision < 0) {
        throw new IllegalArgumentException("revision must be 0 or more, got " + modRevision);
      }
    }
  }

  /**
   * A put.
   *
   * @param key the key
   * @param value the value; the store takes ownership of the array
   * @param lease the lease to attach the key to, or 0 for none
   */
  public record Put(String key, byte[] value, long lease) {
    /** Checks the components. */
    public Put {
      requireNonNull(key, "key");
      requireNonNull(value, "value");
    }
  }

  /** Builds a {@link Txn}. */
  public static final class Builder {
    private final List<Compare> compares = new ArrayList<>();
    private final List<Put> puts = new ArrayList<>();
    private final List<String> deletes = new ArrayList<>();

    private Builder() {}

    /** Requires the key's modification revision to be {@code modRevision} (0: absent). */
    public Builder ifModRevision(String key, long modRevision) {
      compares.add(new Compare(key, modRevision));
      return this;
    }

    /** Requires the key to be absent. */
    public Builder ifAbsent(String key) {
      return ifModRevision(key, 0);
    }

    /** Puts a value. */
    public Builder put(String key, byte[] value) {
      puts.add(new Put(key, value, 0));
      return this;
    }

    /** Puts a UTF-8 string. */
    public Builder put(String key, String value) {
      return put(key, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Puts a value attached to a lease. */
    public Builder put(String key, byte[] value, long lease) {
      puts.add(new Put(key, value, lease));
      return this;
    }

    /** Deletes a key. */
    public Builder delete(String key) {
      deletes.add(requireNonNull(key, "key"));
      return this;
    }

    /** Whether nothing has been added. */
    public boolean isEmpty() {
      return compares.isEmpty() && puts.isEmpty() && deletes.isEmpty();
    }

    /**
     * Returns the transaction.
     *
     * @throws IllegalArgumentException when a key is written twice
     */
    public Txn build() {
      return new Txn(compares, puts, deletes);
    }
  }
}
