package dev.bosun.runtime.internal.time;

import dev.bosun.runtime.ManualClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs actions at instants of a clock: through the clock's alarms for a {@link ManualClock}, else
 * on one daemon thread. Actions should be short (they usually hand work to a scheduler).
 */
public abstract class Timers implements AutoCloseable {

  /** A scheduled action. */
  public interface Timer {
    /** Cancels the action if it has not run. */
    void cancel();
  }

  /** Returns timers for a clock. */
  public static Timers forClock(Clock clock, String threadName) {
    if (clock instanceof ManualClock manual) {
      return new Manual(manual);
    }
    return new Threaded(clock, threadName);
  }

  /** Returns the clock. */
  public abstract Clock clock();

  /** Runs {@code action} at {@code at} (or soon after). */
  public abstract Timer at(Instant at, Runnable action);

  /** Runs {@code action} after {@code delay}. */
  public Timer after(Duration delay, Runnable action) {
    return at(clock().instant().plus(delay), action);
  }

  /** Stops the timer thread, if any; scheduled actions no longer run. */
  @Override
  public abstract void close();

  private static final class Manual extends Timers {
    private final ManualClock clock;

    Manual(ManualClock clock) {
      this.clock = clock;
    }

    @Override
    public Clock clock() {
      return clock;
    }

    @Override
    public Timer at(Instant at, Runnable action) {
      ManualClock.Alarm alarm = clock.schedule(at, action);
      return alarm::cancel;
    }

    @Override
    public void close() {}
  }

  private static final class Threaded extends Timers {
    private final Clock clock;
    private final ScheduledExecutorService executor;

    Threaded(Clock clock, String threadName) {
      this.clock = clock;
      ScheduledThreadPoolExecutor pool =
          new ScheduledThreadPoolExecutor(
              1,
              runnable -> {
                Thread thread = new Thread(runnable, threadName);
                thread.setDaemon(true);
                return thread;
              });
      pool.setRemoveOnCancelPolicy(true);
      pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
      this.executor = pool;
    }

    @Override
    public Clock clock() {
      return clock;
    }

    @Override
    public Timer at(Instant at, Runnable action) {
      long delay = Math.max(0, at.toEpochMilli() - clock.millis());
      try {
        ScheduledFuture<?> future = executor.schedule(action, delay, TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
      } catch (java.util.concurrent.RejectedExecutionException closed) {
        return () -> {};
      }
    }

    @Override
    public void close() {
      executor.shutdownNow();
    }
  }
}
