package dev.bosun.runtime.internal.engine;

import dev.bosun.charm.spi.HookBackend;
import dev.bosun.charm.spi.HookOutcome;
import dev.bosun.charm.spi.HookRunner;

/**
 * Runs one hook over a backend. The runtime uses {@link HookRunner#run}; tests may substitute a
 * scripted invoker.
 */
@FunctionalInterface
public interface HookInvoker {
  /** The production invoker: the charm SDK's {@link HookRunner}. */
  HookInvoker SDK = HookRunner::run;

  /** Runs the hook; a charm's exception is reported in the outcome, not thrown. */
  HookOutcome run(HookBackend backend);
}
