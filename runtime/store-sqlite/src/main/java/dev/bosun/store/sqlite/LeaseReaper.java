package dev.bosun.store.sqlite;

import dev.bosun.runtime.internal.time.Timers;
import dev.bosun.runtime.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes at the earliest lease deadline it has been told of, on the store's clock, and reaps the
 * expired leases (deleting their keys). With a {@link dev.bosun.runtime.ManualClock} it wakes when
 * the clock is advanced past the deadline, on the advancing thread; otherwise on a timer thread.
 * Deadlines move later when leases are kept alive: waking early only reaps nothing and sleeps until
 * the new earliest deadline.
 */
final class LeaseReaper implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LeaseReaper.class);

  private final Timers timers;
  private final LongSupplier reap;
  private final Duration retryDelay;
  private Timers.Timer timer;
  private long wakeAt = Queries.NO_DEADLINE;
  private boolean closed;

  /**
   * @param reap reaps the expired leases and returns the earliest deadline left
   * @param retryDelay how long to wait before trying again when reaping fails
   */
  LeaseReaper(Clock clock, String threadName, LongSupplier reap, Duration retryDelay) {
    this.timers = Timers.forClock(clock, threadName);
    this.reap = reap;
    this.retryDelay = retryDelay;
  }

  /** Makes sure the reaper wakes by {@code deadline} (epoch milliseconds on the store's clock). */
  synchronized void expect(long deadline) {
    if (closed || deadline == Queries.NO_DEADLINE || deadline >= wakeAt) {
      return;
    }
    if (timer != null) {
      timer.cancel();
    }
    wakeAt = deadline;
    timer = timers.at(Instant.ofEpochMilli(deadline), this::wake);
  }

  private void wake() {
    synchronized (this) {
      if (closed) {
        return;
      }
      timer = null;
      wakeAt = Queries.NO_DEADLINE;
    }
    long next;
    try {
      next = reap.getAsLong();
    } catch (StoreException e) {
      synchronized (this) {
        if (closed) {
          return;
        }
      }
      LOG.warn("cannot reap expired leases, trying again in {}: {}", retryDelay, e.getMessage());
      next = timers.clock().millis() + retryDelay.toMillis();
    }
    expect(next);
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (timer != null) {
      timer.cancel();
    }
    timers.close();
  }
}
