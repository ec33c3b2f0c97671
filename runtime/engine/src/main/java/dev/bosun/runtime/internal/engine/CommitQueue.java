package dev.bosun.runtime.internal.engine;

import dev.bosun.runtime.store.Store;
import dev.bosun.runtime.store.StoreException;
import dev.bosun.runtime.store.Txn;
import dev.bosun.runtime.store.TxnResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's commits on their way to the store ({@link Store#queue}), in the order the engine
 * queued them, with the values they write readable before they are durable.
 *
 * <p>An agent's commits join when nothing comes between them: the results of a hook, queued as the
 * agent finishes it, are held back ({@code joinNext}) until the agent's next commit (the record
 * that its next hook is pending, in a unit running hook after hook) or anyone else's write,
 * whichever comes first. The joined commit is handed to the store as one transaction at the place
 * of the first: the unit's agent document and status history are written once instead of twice, and
 * the store's group commit has one operation less to apply. Nothing else was queued between the
 * two, so joining them changes no order: after a crash the store holds a prefix of the commits as
 * queued, with both or neither. Commits with comparisons never join.
 *
 * <p>A held commit is handed to the store when anyone waits for it or forgets it, before any other
 * commit or write ({@link #commit}, {@link #revokeLease}: the engine writes to the store only
 * through this queue), and when the engine closes ({@link #handOver}). Thread-safe.
 */
final class CommitQueue {
  /** Marks a key deleted by a commit in flight. */
  private static final byte[] DELETED = new byte[0];

  private final Store store;

  /**
   * The values written by commits queued and not yet awaited, by key; the same arrays the commits
   * hold, so a durable commit removes only its own.
   */
  private final ConcurrentHashMap<String, byte[]> inFlight = new ConcurrentHashMap<>();

  /** Guards {@link #held} and every commit's hand-over. */
  private final Object lock = new Object();

  /** The last commit queued, while it is held back for its owner's next commit to join. */
  private Queued held;

  CommitQueue(Store store) {
    this.store = store;
  }

  /**
   * Queues a commit behind every commit queued before it (call it under the engine's lock, so the
   * store applies commits in the order the lock gives) and returns at once.
   *
   * @param owner the agent whose commit it is; its next commit may join this one
   * @param joinNext whether to hold the commit back for the owner's next commit to join; when
   *     false, the commit (joined to the one held for the owner, if any) goes to the store now
   */
  Engine.Pending queue(Txn txn, Object owner, boolean joinNext) {
    List<Map.Entry<String, byte[]>> written =
        new ArrayList<>(txn.puts().size() + txn.deletes().size());
    for (Txn.Put put : txn.puts()) {
      written.add(Map.entry(put.key(), put.value()));
      inFlight.put(put.key(), put.value());
    }
    for (String key : txn.deletes()) {
      written.add(Map.entry(key, DELETED));
      inFlight.put(key, DELETED);
    }
    synchronized (lock) {
      Queued queued;
      if (held != null && held.owner == owner && held.joins(txn)) {
        queued = held;
        queued.join(txn, written);
      } else {
        handOverHeld();
        queued = new Queued(owner, txn, written);
        held = queued;
      }
      if (!joinNext) {
        handOverHeld();
      }
      return queued;
    }
  }

  /** Commits a transaction now, behind every commit queued before it (held ones included). */
  TxnResult commit(Txn txn) {
    handOver();
    return store.commit(txn);
  }

  /** Revokes a lease, deleting its keys, behind every commit queued before (held ones included). */
  void revokeLease(long lease) {
    handOver();
    store.revokeLease(lease);
  }

  /** Hands the held commit, if any, to the store. */
  void handOver() {
    synchronized (lock) {
      handOverHeld();
    }
  }

  /**
   * Returns the value the last queued and not yet durable commit writes at a key: {@code null} when
   * none does, an empty array marked by {@link #isDeleted} when it deletes the key.
   */
  byte[] inFlight(String key) {
    return inFlight.get(key);
  }

  /** Whether a value returned by {@link #inFlight} marks a deleted key. */
  static boolean isDeleted(byte[] value) {
    return value == DELETED;
  }

  private void handOverHeld() {
    if (held != null) {
      held.pending = store.queue(held.build());
      held = null;
    }
  }

  /** One transaction on its way to the store: a commit, or several joined. */
  private final class Queued implements Engine.Pending {
    private final Object owner;
    private final List<Txn> parts = new ArrayList<>(2);
    private final List<Map.Entry<String, byte[]>> written;

    /** The store's handle, once handed over; guarded by the queue's lock. */
    private Store.PendingCommit pending;

    Queued(Object owner, Txn txn, List<Map.Entry<String, byte[]>> written) {
      this.owner = owner;
      this.written = written;
      parts.add(txn);
    }

    /** Whether {@code txn} may join: neither it nor this commit has comparisons. */
    boolean joins(Txn txn) {
      return parts.get(0).compares().isEmpty() && txn.compares().isEmpty();
    }

    void join(Txn txn, List<Map.Entry<String, byte[]>> written) {
      parts.add(txn);
      this.written.addAll(written);
    }

    /**
     * The transaction: the one queued, or the joined ones' writes (without comparisons, as joined
     * commits have none), each key's last write kept.
     */
    Txn build() {
      if (parts.size() == 1) {
        return parts.get(0);
      }
      Map<String, Txn.Put> puts = new LinkedHashMap<>();
      Set<String> deletes = new LinkedHashSet<>();
      for (Txn part : parts) {
        for (Txn.Put put : part.puts()) {
          deletes.remove(put.key());
          puts.put(put.key(), put);
        }
        for (String key : part.deletes()) {
          puts.remove(key);
          deletes.add(key);
        }
      }
      Txn.Builder builder = Txn.builder();
      for (Txn.Put put : puts.values()) {
        builder.put(put.key(), put.value(), put.lease());
      }
      deletes.forEach(builder::delete);
      return builder.build();
    }

    private Store.PendingCommit handedOver() {
      synchronized (lock) {
        if (pending == null) {
          // Held back: it is the held commit.
          handOverHeld();
        }
        return pending;
      }
    }

    @Override
    public void await() {
      TxnResult result;
      try {
        result = handedOver().await();
      } finally {
        forget();
      }
      if (!result.succeeded()) {
        throw new StoreException(
            "a transaction's condition failed at revision "
                + result.revision()
                + ": another writer changed the model");
      }
    }

    /**
     * Durable, failed or abandoned (still committed, as any queued commit): the store answers for
     * these keys again, unless a later commit queued another value meanwhile.
     */
    @Override
    public void forget() {
      // Once handed over, nothing joins it any more.
      handedOver();
      for (Map.Entry<String, byte[]> write : written) {
        inFlight.remove(write.getKey(), write.getValue());
      }
    }
  }
}
