package dev.bosun.store.sqlite;

import java.sql.SQLException;
import java.util.concurrent.locks.LockSupport;

/**
 * A write waiting for, or done by, a group commit. {@link #apply} runs inside the batch's
 * transaction; the result is published when the transaction has committed, or the failure when it
 * has not.
 *
 * @param <T> the result
 */
abstract class WriteOp<T> {
  private volatile boolean done;
  private volatile Thread waiter;
  private long queuedNanos;
  private T result;
  private RuntimeException failure;
  private T pending;
  private RuntimeException pendingFailure;

  /**
   * Applies the write inside the batch's transaction. A {@link RuntimeException} fails this write
   * alone; it must be thrown before the write changed anything. An {@link SQLException} fails the
   * whole batch.
   */
  abstract T apply(WriteTransaction txn) throws SQLException;

  /** Runs {@link #apply}, keeping its result or failure until the batch commits. */
  final void applyIn(WriteTransaction txn) throws SQLException {
    try {
      pending = apply(txn);
    } catch (RuntimeException e) {
      pendingFailure = e;
    }
  }

  /** Publishes the outcome of {@link #applyIn}: the batch committed. */
  final void committed() {
    result = pending;
    failure = pendingFailure;
    finish();
  }

  /** Fails the write: its batch did not commit. */
  final void fail(RuntimeException cause) {
    result = null;
    failure = cause;
    finish();
  }

  /** Notes when the operation was queued ({@link System#nanoTime}). */
  final void queuedAt(long nanos) {
    queuedNanos = nanos;
  }

  /** Returns when the operation was queued ({@link System#nanoTime}). */
  final long queuedNanos() {
    return queuedNanos;
  }

  /** Records the thread that waits for the outcome. */
  final void waitOn(Thread thread) {
    waiter = thread;
  }

  /** Returns the thread that waits for the outcome. */
  final Thread waiter() {
    return waiter;
  }

  private void finish() {
    done = true;
    Thread thread = waiter;
    if (thread != null) {
      LockSupport.unpark(thread);
    }
  }

  /** Whether the outcome is published. */
  final boolean isDone() {
    return done;
  }

  /** Returns the result, or throws the failure; call once {@link #isDone()}. */
  final T outcome() {
    if (failure != null) {
      throw failure;
    }
    return result;
  }
}
