package dev.bosun.testing.store;

import static java.util.Objects.requireNonNull;

import dev.bosun.runtime.ManualClock;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The time the store contract's lease tests run on, and how long they wait for what a store does on
 * its own (deliver a watch, reap an expired lease).
 *
 * <ul>
 *   <li>{@link #manual()}: a {@link ManualClock} handed to the store. {@link #advance} moves it, so
 *       a lease expires exactly when the test says; leases live 60 s of manual time. For backends
 *       that take a {@link Clock} (in-memory, SQLite).
 *   <li>{@link #wall(Duration)}: the system clock, for backends that keep their own time (etcd,
 *       ZooKeeper). {@link #advance} lets real time pass, and the tests poll with a deadline for an
 *       expiry to show. Pick the shortest time to live the backend honours reliably, and long
 *       enough that a test thread stalled for a few hundred milliseconds does not miss a
 *       keep-alive.
 * </ul>
 *
 * <pre>{@code
 * class EtcdStoreContractTest extends StoreContract {
 *   protected ContractClock newContractClock() { return ContractClock.wall(Duration.ofSeconds(2)); }
 *   protected Store newStore(Clock clock, int historyLimit) { ... }
 * }
 * }</pre>
 */
public final class ContractClock {
  /** How long leases live in the tests on a manual clock. */
  public static final Duration MANUAL_TIME_TO_LIVE = Duration.ofSeconds(60);

  /** How long the tests wait, in real time, for a store to do something it should do at once. */
  public static final Duration PROMPT = Duration.ofSeconds(10);

  private final Clock clock;
  private final ManualClock manual;
  private final Duration timeToLive;

  private ContractClock(Clock clock, ManualClock manual, Duration timeToLive) {
    this.clock = clock;
    this.manual = manual;
    this.timeToLive = timeToLive;
  }

  /** Returns a manual clock: time moves only when a test advances it. */
  public static ContractClock manual() {
    ManualClock clock = new ManualClock();
    return new ContractClock(clock, clock, MANUAL_TIME_TO_LIVE);
  }

  /**
   * Returns the system clock, for backends that measure leases on their own time.
   *
   * @param timeToLive how long the leases the tests grant live; at least 100 ms
   * @throws IllegalArgumentException when the time to live is shorter than 100 ms
   */
  public static ContractClock wall(Duration timeToLive) {
    requireNonNull(timeToLive, "timeToLive");
    if (timeToLive.compareTo(Duration.ofMillis(100)) < 0) {
      throw new IllegalArgumentException(
          "a wall-clock time to live must be at least 100 ms, not " + timeToLive);
    }
    return new ContractClock(Clock.systemUTC(), null, timeToLive);
  }

  /** Returns the clock to hand to the store. */
  public Clock clock() {
    return clock;
  }

  /** Returns how long the leases the tests grant live. */
  public Duration timeToLive() {
    return timeToLive;
  }

  /** Whether time moves only when {@link #advance} is called. */
  public boolean isManual() {
    return manual != null;
  }

  /**
   * Lets time pass: moves a manual clock forward (running the alarms that fall due), or waits on
   * the wall clock.
   */
  public void advance(Duration duration) {
    requireNonNull(duration, "duration");
    if (manual != null) {
      manual.advance(duration);
      return;
    }
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while letting " + duration + " pass", e);
    }
  }

  /**
   * Returns how long to wait, in real time, for something the store does on its own time: {@link
   * #PROMPT} on a manual clock, {@link #PROMPT} plus twice the time to live on the wall clock.
   */
  public Duration awaitTimeout() {
    return manual != null ? PROMPT : PROMPT.plus(timeToLive.multipliedBy(2));
  }

  /**
   * Polls until {@code condition} holds, for at most {@link #awaitTimeout()}. On a manual clock it
   * advances the clock by zero between polls, so alarms the store scheduled for instants already
   * past still run.
   *
   * @throws AssertionError when the condition still does not hold at the deadline
   */
  public void await(String what, BooleanSupplier condition) {
    Eventually.await(
        what,
        awaitTimeout(),
        () -> {
          if (manual != null) {
            manual.advance(Duration.ZERO);
          }
          return condition.getAsBoolean();
        });
  }

  @Override
  public String toString() {
    return (manual != null ? "manual clock" : "wall clock") + ", leases live " + timeToLive;
  }
}
