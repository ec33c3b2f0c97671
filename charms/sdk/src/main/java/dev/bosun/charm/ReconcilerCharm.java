package dev.bosun.charm;

import dev.bosun.charm.event.ActionEvent;

/**
 * A charm written as one holistic, level-triggered {@link #reconcile} that runs for every hook
 * event: it reads everything it needs from the context (configuration, relations, leadership) and
 * brings the unit to match, whatever event triggered it. Actions go to {@link #onAction}.
 *
 * <pre>{@code
 * public final class WebCharm implements ReconcilerCharm {
 *   @Override
 *   public void reconcile(HookContext ctx) {
 *     if (ctx.relations("db").isEmpty()) {
 *       ctx.status().unit(Status.blocked("needs a db relation"));
 *       return;
 *     }
 *     ctx.status().unit(Status.active("serving"));
 *   }
 * }
 * }</pre>
 */
public interface ReconcilerCharm extends Charm {

  /** Brings the unit to the state the context calls for; called for every hook event. */
  void reconcile(HookContext ctx);

  /**
   * Handles an action. The default fails the action with a message that the charm does not
   * implement it.
   */
  default void onAction(HookContext ctx, ActionEvent event) {
    ctx.action().fail("action \"" + event.name() + "\" is not implemented by this charm");
  }

  /** Sends actions to {@link #onAction} and every other event to {@link #reconcile}. */
  @Override
  default void handle(HookContext ctx) {
    if (ctx.event() instanceof ActionEvent action) {
      onAction(ctx, action);
    } else {
      reconcile(ctx);
    }
  }
}
