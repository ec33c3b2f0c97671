package dev.bosun.testing.store;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds or a real-time deadline passes. */
final class Eventually {
  private static final long POLL_NANOS = Duration.ofMillis(2).toNanos();

  private Eventually() {}

  /**
   * Returns once {@code condition} holds.
   *
   * @throws AssertionError when it still does not hold after {@code timeout}
   */
  static void await(String what, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("waited " + timeout + " in vain until " + what);
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
  }
}
