package dev.bosun.charm.internal;

import dev.bosun.charm.spi.HookBackend;
import dev.bosun.charm.spi.HookOutcome;

/** Runs one hook over a backend; implemented by the SDK work. */
public final class HookExecution {
  private HookExecution() {}

  /** Runs the hook. */
  public static HookOutcome run(HookBackend backend) {
    throw new UnsupportedOperationException("implemented by the SDK work");
  }
}
