package dev.bosun.runtime.store;

import java.time.Duration;
import java.util.Optional;

/**
 * Where a model's state lives: a key-value store with revisions, atomic transactions, ordered
 * watches and leases, shaped so it can be backed by memory, SQLite, etcd or ZooKeeper.
 *
 * <p><b>Keys and values.</b> Keys are strings of {@code /}-separated segments ({@code
 * m/unit/etcd/0}); values are bytes (Bosun writes JSON documents). A store takes ownership of the
 * arrays it is given and the arrays it returns must not be modified.
 *
 * <p><b>Revisions.</b> The store has one revision counter, starting at 0 for an empty store. Every
 * transaction that changes something (and every lease expiry or revocation that deletes keys)
 * increments it by one; all its writes carry that revision. A transaction that changes nothing (it
 * only deletes absent keys) takes no revision, as in etcd. Each key records the revision that
 * created it and the one that last modified it ({@link KeyValue}).
 *
 * <p><b>Transactions.</b> {@link #commit} compares keys' modification revisions (0 meaning "the key
 * is absent"); if every comparison holds it applies all puts and deletes at one new revision,
 * otherwise nothing. Nothing calls back into the caller inside a transaction.
 *
 * <p><b>Watches.</b> {@link #watch} delivers the puts and deletes under a prefix in commit order,
 * each batch carrying its revision, starting from any revision the store still remembers; older
 * revisions may be compacted, and a watch from a compacted revision fails with {@link
 * CompactedException}.
 *
 * <p><b>Leases.</b> A lease has a time to live, measured by the store's clock; keys put with a
 * lease vanish (as deletes, in their own revision) when it expires or is revoked. {@link
 * #keepAlive} restarts the time to live.
 *
 * <p>Implementations are thread-safe. Failures of the store itself (unreachable, closed, corrupt)
 * are {@link StoreException}s.
 */
public interface Store extends AutoCloseable {

  /**
   * Returns a key's current value and revisions.
   *
   * @throws StoreException when the store fails
   */
  Optional<KeyValue> get(String key);

  /**
   * Returns every key that starts with {@code prefix}, sorted by the keys' UTF-8 bytes (that is, by
   * code point), as of one revision.
   *
   * @param prefix the prefix; {@code ""} for every key
   * @throws StoreException when the store fails
   */
  Range range(String prefix);

  /**
   * Returns the store's current revision.
   *
   * @throws StoreException when the store fails
   */
  long revision();

  /**
   * Applies a transaction: all of it or none of it.
   *
   * @return whether every comparison held (and the writes were applied), with the revision
   * @throws LeaseNotFoundException when a put names a lease that does not exist (nothing applied)
   * @throws StoreException when the store fails (nothing applied)
   */
  TxnResult commit(Txn txn);

  /**
   * Queues a transaction behind every transaction queued or committed before this call, and returns
   * at once; {@link PendingCommit#await} waits for its outcome. The outcome is exactly that of
   * calling {@link #commit} at the moment of queueing: queued transactions take effect one after
   * another in queue order, each one's comparisons evaluated against the writes of those before it.
   * A store may commit several queued transactions together (in one disk sync, for example), so a
   * caller that queues its transaction while holding a lock and waits after releasing it lets other
   * threads' transactions share the commit, in the order the lock gave.
   *
   * <pre>{@code
   * PendingCommit pending;
   * synchronized (model) {
   *   pending = store.queue(txn);   // ordered with every other writer of the model
   * }
   * TxnResult result = pending.await();
   * }</pre>
   *
   * <p>The default commits at once and returns the outcome.
   *
   * @return the queued transaction; call {@link PendingCommit#await} once, on any one thread
   * @throws LeaseNotFoundException when a put names a lease that does not exist (nothing applied),
   *     here or from {@code await}
   * @throws StoreException when the store fails (nothing applied), here or from {@code await}
   */
  default PendingCommit queue(Txn txn) {
    TxnResult result = commit(txn);
    return () -> result;
  }

  /** A transaction queued by {@link #queue}. */
  @FunctionalInterface
  interface PendingCommit {
    /**
     * Waits until the transaction is committed (or its comparisons failed) and returns the outcome,
     * as {@link Store#commit} would.
     *
     * @throws LeaseNotFoundException when a put names a lease that does not exist (nothing applied)
     * @throws StoreException when the store fails (nothing applied)
     */
    TxnResult await();
  }

  /**
   * Watches the keys under a prefix: delivers every put and delete with a revision of at least
   * {@code fromRevision}, one batch per revision, in revision order. Batches of one watch are
   * delivered one at a time, never while the store is inside a transaction, possibly on a thread of
   * the store's choosing.
   *
   * @param prefix the prefix of the keys to watch
   * @param fromRevision the first revision to deliver, at least 1; {@code revision() + 1} for
   *     changes from now on
   * @param listener receives the batches; it should return quickly and must not throw
   * @return the watch, to cancel it
   * @throws CompactedException when {@code fromRevision} is older than the oldest revision the
   *     store remembers
   * @throws StoreException when the store fails
   */
  Watch watch(String prefix, long fromRevision, WatchListener listener);

  /**
   * Grants a lease.
   *
   * @param timeToLive how long the lease lives without {@link #keepAlive}; at least one millisecond
   * @return the lease id, never 0
   * @throws StoreException when the store fails
   */
  long grantLease(Duration timeToLive);

  /**
   * Restarts a lease's time to live.
   *
   * @throws LeaseNotFoundException when the lease expired, was revoked or never existed
   * @throws StoreException when the store fails
   */
  void keepAlive(long leaseId);

  /**
   * Revokes a lease, deleting the keys attached to it; revoking a lease that does not exist does
   * nothing.
   *
   * @throws StoreException when the store fails
   */
  void revokeLease(long leaseId);

  /** Releases the store's resources; further calls fail with {@link StoreException}. */
  @Override
  void close();
}
