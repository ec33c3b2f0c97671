package dev.bosun.charm;

/**
 * A charm: the code that operates one application's units. Bosun creates a fresh instance for every
 * hook and calls {@link #handle} once, so a charm keeps no state in fields; state that must outlive
 * a hook goes in {@link HookContext#state()}.
 *
 * <p>Implement this interface directly and switch over {@code ctx.event()}, or use one of the two
 * first-class styles: {@link HandlerCharm} (a method per event) or {@link ReconcilerCharm} (one
 * holistic {@code reconcile(ctx)} for every event). Every write a hook makes — relation data, unit
 * state, status, ports — is buffered and committed atomically when {@code handle} returns; if it
 * throws, nothing is committed, the unit goes into error state and the hook is retried.
 *
 * <p>A charm class needs a public no-argument constructor, or a factory registered with its {@link
 * CharmDefinition}.
 */
@FunctionalInterface
public interface Charm {

  /**
   * Handles one event.
   *
   * @param ctx everything the hook may see and change
   * @throws RuntimeException to fail the hook: its writes are discarded and the unit goes into
   *     error with {@code hook failed: "<hook>"}
   */
  void handle(HookContext ctx);
}
