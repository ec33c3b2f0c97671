package dev.bosun.charm.spi;

import dev.bosun.charm.Charm;

/**
 * Runs one hook of a charm over a backend: makes a fresh charm instance, builds the context, calls
 * {@link Charm#handle} and collects what it wrote. Runtimes call it; charms never do.
 *
 * <p>The call runs on the caller's thread and reads the backend only during the call. While the
 * charm runs, the SLF4J MDC holds {@code unit} and {@code hook} (previous values are restored
 * afterwards). Whatever the charm or its factory throws becomes the outcome's failure, except
 * {@link OutOfMemoryError} and {@link InternalError}, which propagate.
 */
public final class HookRunner {
  private HookRunner() {}

  /**
   * Runs the hook.
   *
   * @param backend the unit's view of the model
   * @return the outcome: the changes to commit, or the failure (writes discarded)
   */
  public static HookOutcome run(HookBackend backend) {
    return dev.bosun.charm.internal.HookExecution.run(backend);
  }
}
