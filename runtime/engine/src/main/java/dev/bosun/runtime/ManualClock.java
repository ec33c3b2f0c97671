package dev.bosun.runtime;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.PriorityQueue;

/**
 * A clock that only moves when told to, for deterministic tests of everything Bosun times:
 * leadership leases, {@code update-status}, hook retry backoff, lease expiry in the in-memory
 * store.
 *
 * <p>Components that need a timer {@link #schedule} an alarm; {@link #advance} moves time forward
 * step by step, stopping at every alarm that falls due (in time order, alarms due at the same
 * instant in the order they were scheduled) and running it on the calling thread with the clock
 * reading exactly the alarm's time. So advancing five minutes in one call renews a 60 s lease every
 * 30 s on the way, just as real time would.
 *
 * <pre>{@code
 * ManualClock clock = new ManualClock();
 * Runtime runtime = Runtime.builder().clock(clock).settings(RuntimeSettings.deterministic(42))...;
 * clock.advance(Duration.ofMinutes(6));   // update-status falls due on every idle unit
 * runtime.awaitSettled(Duration.ofSeconds(5));
 * }</pre>
 *
 * <p>Thread-safe. Alarms run outside the clock's lock, so they may read the clock and schedule or
 * cancel alarms; an alarm scheduled during {@code advance} for an instant before the target runs in
 * the same call.
 */
public final class ManualClock extends Clock {
  /** The instant a clock created with {@link #ManualClock()} starts at: 2026-01-01T00:00:00Z. */
  public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

  private final Object lock = new Object();
  private final PriorityQueue<ScheduledAlarm> alarms = new PriorityQueue<>();
  private Instant now;
  private long sequence;

  /** Creates a clock reading {@link #DEFAULT_START}. */
  public ManualClock() {
    this(DEFAULT_START);
  }

  /** Creates a clock reading {@code start}. */
  public ManualClock(Instant start) {
    this.now = requireNonNull(start, "start");
  }

  /** A scheduled alarm; cancelling it stops it from running if it has not run yet. */
  public interface Alarm {
    /** Cancels the alarm; does nothing if it already ran or was cancelled. */
    void cancel();
  }

  @Override
  public Instant instant() {
    synchronized (lock) {
      return now;
    }
  }

  @Override
  public long millis() {
    return instant().toEpochMilli();
  }

  /** Returns UTC: a manual clock has no time zone of its own. */
  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /**
   * Returns a clock that reads this clock's instant in another zone (and shares its alarms through
   * this clock).
   */
  @Override
  public Clock withZone(ZoneId zone) {
    ManualClock source = this;
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return zone;
      }

      @Override
      public Clock withZone(ZoneId other) {
        return source.withZone(other);
      }

      @Override
      public Instant instant() {
        return source.instant();
      }
    };
  }

  /**
   * Moves the clock forward, running every alarm that falls due on the way, in time order.
   *
   * @param duration how far to move; zero runs the alarms already due
   * @throws IllegalArgumentException when the duration is negative
   */
  public void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("a manual clock only moves forward, not by " + duration);
    }
    Instant target;
    synchronized (lock) {
      target = now.plus(duration);
    }
    advanceTo(target);
  }

  /**
   * Moves the clock forward to an instant, running every alarm that falls due on the way.
   *
   * @throws IllegalArgumentException when the instant is before the clock's reading
   */
  public void advanceTo(Instant target) {
    requireNonNull(target, "target");
    while (true) {
      ScheduledAlarm due;
      synchronized (lock) {
        if (target.isBefore(now)) {
          throw new IllegalArgumentException(
              "a manual clock only moves forward: it reads " + now + ", not " + target);
        }
        ScheduledAlarm next = alarms.peek();
        if (next == null || next.at.isAfter(target)) {
          now = target;
          return;
        }
        alarms.poll();
        if (next.at.isAfter(now)) {
          now = next.at;
        }
        due = next;
      }
      if (!due.cancelled) {
        due.action.run();
      }
    }
  }

  /**
   * Schedules an action to run when the clock reaches an instant, during a later call to {@link
   * #advance} or {@link #advanceTo} on that caller's thread. An instant that is not after the
   * clock's reading runs at the next advance, even {@code advance(Duration.ZERO)}.
   *
   * @return the alarm, to cancel it
   */
  public Alarm schedule(Instant at, Runnable action) {
    requireNonNull(at, "at");
    requireNonNull(action, "action");
    synchronized (lock) {
      ScheduledAlarm alarm = new ScheduledAlarm(at, sequence++, action);
      alarms.add(alarm);
      return alarm;
    }
  }

  /** Returns how many alarms are scheduled and not yet run (cancelled ones included until due). */
  public int pendingAlarms() {
    synchronized (lock) {
      return (int) alarms.stream().filter(alarm -> !alarm.cancelled).count();
    }
  }

  @Override
  public String toString() {
    return "ManualClock[" + instant() + "]";
  }

  private static final class ScheduledAlarm implements Alarm, Comparable<ScheduledAlarm> {
    final Instant at;
    final long order;
    final Runnable action;
    volatile boolean cancelled;

    ScheduledAlarm(Instant at, long order, Runnable action) {
      this.at = at;
      this.order = order;
      this.action = action;
    }

    @Override
    public void cancel() {
      cancelled = true;
    }

    @Override
    public int compareTo(ScheduledAlarm other) {
      int byTime = at.compareTo(other.at);
      return byTime != 0 ? byTime : Long.compare(order, other.order);
    }
  }
}
