package dev.bosun.runtime.substrate.local;

import java.time.Duration;

/**
 * The restart delays of one service: the initial delay after a first crash, doubling after every
 * crash up to the maximum, back to the initial delay when the service had run stably before it
 * crashed. Not thread-safe: used under the service's lock.
 */
final class Backoff {
  private final Duration initial;
  private final Duration maximum;
  private final Duration stableAfter;
  private Duration next;

  Backoff(Duration initial, Duration maximum, Duration stableAfter) {
    this.initial = initial;
    this.maximum = maximum;
    this.stableAfter = stableAfter;
    this.next = initial;
  }

  /**
   * Returns how long to wait before restarting a service that crashed after running for {@code
   * ranFor} (null when unknown, which does not count as stable).
   */
  Duration afterCrash(Duration ranFor) {
    if (ranFor != null && ranFor.compareTo(stableAfter) >= 0) {
      next = initial;
    }
    Duration delay = next;
    Duration doubled = delay.multipliedBy(2);
    next = doubled.compareTo(maximum) > 0 ? maximum : doubled;
    return delay;
  }
}
