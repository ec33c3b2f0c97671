package dev.bosun.store.sqlite;

import dev.bosun.runtime.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Group commit: writes from many threads share SQLite transactions. A writer queues its operation
 * ({@link #submit}) and, now or later, waits for it ({@link #await}): whoever waits and gets the
 * write lock (the leader) drains the queue, up to {@link #MAX_BATCH} operations in queue order, and
 * runs them in one transaction, so one disk sync acknowledges them all. The others park: the leader
 * wakes the waiter of every operation of its batch when the batch is done, and on leaving wakes one
 * parked waiter, the longest parked, to lead the next batch (waking them all would have all but one
 * find the lock taken and park again: two context switches each per batch, for nothing). A waiter
 * woken to lead whose operation turns out done passes the wake-up on. A lone writer pays no
 * hand-off: it leads a batch of one on its own thread. An operation queued but not yet waited for
 * is committed by the next leader all the same; its writer finds it done.
 */
final class GroupCommit {
  /** The most operations one transaction applies. */
  static final int MAX_BATCH = 256;

  private final ReentrantLock lock = new ReentrantLock();
  private final ConcurrentLinkedQueue<WriteOp<?>> queue = new ConcurrentLinkedQueue<>();

  /** The threads parked in {@link #await} until the lock is free or their operation is done. */
  private final ConcurrentLinkedQueue<Thread> waiting = new ConcurrentLinkedQueue<>();

  private final Consumer<List<WriteOp<?>>> runBatch;

  /**
   * @param runBatch runs a batch in one transaction and completes every operation in it; called
   *     with the lock held
   */
  GroupCommit(Consumer<List<WriteOp<?>>> runBatch) {
    this.runBatch = runBatch;
  }

  /** Runs an operation in the next batch and returns its result (or throws its failure). */
  <T> T run(WriteOp<T> op) {
    submit(op);
    return await(op);
  }

  /**
   * Queues an operation for a batch, behind every operation queued before it; the calling thread
   * must {@link #await} it (a leader may run it in a batch before then).
   */
  void submit(WriteOp<?> op) {
    op.waitOn(Thread.currentThread());
    op.queuedAt(System.nanoTime());
    queue.add(op);
  }

  /**
   * Waits until a {@link #submit submitted} operation is done, leading batches while the lock is
   * free, and returns its result (or throws its failure). Any one thread may wait for it, not
   * necessarily the one that submitted it.
   */
  <T> T await(WriteOp<T> op) {
    // Woken when the operation is done: whoever waits for it now.
    op.waitOn(Thread.currentThread());
    Thread self = Thread.currentThread();
    boolean interrupted = false;
    while (!op.isDone()) {
      if (lock.tryLock()) {
        try {
          if (!op.isDone()) {
            runSafely(drain());
          }
        } finally {
          unlockAndHandOver();
        }
        continue;
      }
      // Registered before looking at the lock again, so a leader that leaves after the look
      // sees this thread and wakes it to lead the next batch.
      waiting.add(self);
      try {
        if (!op.isDone() && lock.isLocked()) {
          LockSupport.park(this);
        }
      } finally {
        waiting.remove(self);
      }
      // A write is not abandoned half way: note an interrupt, wait on, and restore it.
      interrupted |= Thread.interrupted();
    }
    if (!queue.isEmpty() && !lock.isLocked()) {
      // Done by another's batch, and perhaps woken to lead the next one: pass that on.
      wakeNextLeader();
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return op.outcome();
  }

  /** Runs {@code action} while no batch runs. */
  <T> T exclusively(Supplier<T> action) {
    lock.lock();
    try {
      return action.get();
    } finally {
      unlockAndHandOver();
    }
  }

  /**
   * Releases the lock and wakes the longest parked waiter to lead the next batch. A waiter
   * registers before it looks at the lock, so one that failed to get it is either registered by now
   * (and some waiter is woken here; each one woken either leads, and wakes the next on leaving, or
   * finds its operation done and passes the wake-up on) or finds the lock free.
   */
  private void unlockAndHandOver() {
    lock.unlock();
    wakeNextLeader();
  }

  /** Wakes the longest parked waiter, if any, to try the lock. */
  private void wakeNextLeader() {
    Thread next = waiting.peek();
    if (next != null) {
      LockSupport.unpark(next);
    }
  }

  /**
   * Runs one batch of what is queued if the oldest operation has waited {@code lingerNanos} or
   * longer and no batch is running. A writer may queue an operation and go on working before it
   * waits for it; this commits such an operation while no one waits, so it does not linger in the
   * queue (called now and then by a thread of the store).
   */
  void flushQueued(long lingerNanos) {
    WriteOp<?> oldest = queue.peek();
    if (oldest == null
        || System.nanoTime() - oldest.queuedNanos() < lingerNanos
        || !lock.tryLock()) {
      return;
    }
    try {
      runSafely(drain());
    } finally {
      unlockAndHandOver();
    }
  }

  /**
   * Runs every queued operation, in batches, with {@code runBatch} instead of the runner given at
   * construction (the store commits them while it closes); call it from {@link #exclusively}.
   */
  void runQueued(Consumer<List<WriteOp<?>>> runBatch) {
    if (!lock.isHeldByCurrentThread()) {
      throw new IllegalStateException("runQueued runs inside exclusively");
    }
    while (!queue.isEmpty()) {
      runSafely(drain(), runBatch);
    }
  }

  /** Returns how many operations wait for a batch. */
  int queued() {
    return queue.size();
  }

  /**
   * Runs a batch; if the runner itself breaks, fails what it left undone, so no writer waits for an
   * outcome that never comes.
   */
  private void runSafely(List<WriteOp<?>> batch) {
    runSafely(batch, runBatch);
  }

  private static void runSafely(List<WriteOp<?>> batch, Consumer<List<WriteOp<?>>> runner) {
    try {
      runner.accept(batch);
    } catch (RuntimeException | Error e) {
      for (WriteOp<?> op : batch) {
        if (!op.isDone()) {
          op.fail(new StoreException("the group commit failed: " + e, e));
        }
      }
      if (e instanceof Error) {
        throw e;
      }
    }
  }

  private List<WriteOp<?>> drain() {
    List<WriteOp<?>> batch = new ArrayList<>(Math.min(MAX_BATCH, queue.size() + 1));
    WriteOp<?> next;
    while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
      batch.add(next);
    }
    return batch;
  }
}
