package dev.bosun.runtime.substrate.local;

import static org.assertj.core.api.Assertions.fail;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for what real processes do in their own time; fails after a generous deadline. */
final class Await {
  private static final long DEADLINE_MILLIS = 30_000;

  private Await() {}

  static void until(String what, BooleanSupplier condition) {
    long deadline = System.currentTimeMillis() + DEADLINE_MILLIS;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        fail("gave up waiting until " + what);
      }
      sleep(20);
    }
  }

  static <T> T value(String what, Supplier<T> supplier) {
    long deadline = System.currentTimeMillis() + DEADLINE_MILLIS;
    while (true) {
      T value = supplier.get();
      if (value != null) {
        return value;
      }
      if (System.currentTimeMillis() > deadline) {
        fail("gave up waiting for " + what);
      }
      sleep(20);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
