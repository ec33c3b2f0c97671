package dev.bosun.charm;

import dev.bosun.charm.event.ActionEvent;
import dev.bosun.charm.event.ConfigChanged;
import dev.bosun.charm.event.HookEvent;
import dev.bosun.charm.event.Install;
import dev.bosun.charm.event.LeaderElected;
import dev.bosun.charm.event.LeaderSettingsChanged;
import dev.bosun.charm.event.RelationBroken;
import dev.bosun.charm.event.RelationChanged;
import dev.bosun.charm.event.RelationCreated;
import dev.bosun.charm.event.RelationDeparted;
import dev.bosun.charm.event.RelationEvent;
import dev.bosun.charm.event.RelationJoined;
import dev.bosun.charm.event.Remove;
import dev.bosun.charm.event.Start;
import dev.bosun.charm.event.Stop;
import dev.bosun.charm.event.UpdateStatus;
import dev.bosun.charm.event.UpgradeCharm;

/**
 * A charm written as one handler method per event. Override the methods for the events the charm
 * cares about; the others do nothing. An action the charm does not handle fails with a clear
 * message.
 *
 * <pre>{@code
 * public final class EchoCharm extends HandlerCharm {
 *   @Override
 *   protected void onStart(HookContext ctx) {
 *     ctx.status().unit(Status.active("ready"));
 *   }
 *
 *   @Override
 *   protected void onRelationJoined(HookContext ctx, RelationJoined event) {
 *     ctx.relation(event).localUnitData().put("greeting", "hello " + event.remoteUnit());
 *   }
 * }
 * }</pre>
 */
public abstract class HandlerCharm implements Charm {

  /** Creates the charm. */
  protected HandlerCharm() {}

  /** Dispatches the event to the matching {@code on...} method. */
  @Override
  public final void handle(HookContext ctx) {
    HookEvent event = ctx.event();
    if (event instanceof RelationEvent relation) {
      dispatchRelation(ctx, relation);
    } else if (event instanceof ActionEvent action) {
      onAction(ctx, action);
    } else if (event instanceof Install) {
      onInstall(ctx);
    } else if (event instanceof Start) {
      onStart(ctx);
    } else if (event instanceof ConfigChanged) {
      onConfigChanged(ctx);
    } else if (event instanceof UpgradeCharm) {
      onUpgradeCharm(ctx);
    } else if (event instanceof UpdateStatus) {
      onUpdateStatus(ctx);
    } else if (event instanceof LeaderElected) {
      onLeaderElected(ctx);
    } else if (event instanceof LeaderSettingsChanged) {
      onLeaderSettingsChanged(ctx);
    } else if (event instanceof Stop) {
      onStop(ctx);
    } else if (event instanceof Remove) {
      onRemove(ctx);
    }
  }

  private void dispatchRelation(HookContext ctx, RelationEvent event) {
    if (event instanceof RelationCreated created) {
      onRelationCreated(ctx, created);
    } else if (event instanceof RelationJoined joined) {
      onRelationJoined(ctx, joined);
    } else if (event instanceof RelationChanged changed) {
      onRelationChanged(ctx, changed);
    } else if (event instanceof RelationDeparted departed) {
      onRelationDeparted(ctx, departed);
    } else if (event instanceof RelationBroken broken) {
      onRelationBroken(ctx, broken);
    }
  }

  /** Handles {@code install}. */
  protected void onInstall(HookContext ctx) {}

  /** Handles {@code start}. */
  protected void onStart(HookContext ctx) {}

  /** Handles {@code config-changed}. */
  protected void onConfigChanged(HookContext ctx) {}

  /** Handles {@code upgrade-charm}. */
  protected void onUpgradeCharm(HookContext ctx) {}

  /** Handles {@code update-status}. */
  protected void onUpdateStatus(HookContext ctx) {}

  /** Handles {@code leader-elected}. */
  protected void onLeaderElected(HookContext ctx) {}

  /** Handles {@code leader-settings-changed}. */
  protected void onLeaderSettingsChanged(HookContext ctx) {}

  /** Handles {@code stop}. */
  protected void onStop(HookContext ctx) {}

  /** Handles {@code remove}. */
  protected void onRemove(HookContext ctx) {}

  /** Handles {@code <endpoint>-relation-created}. */
  protected void onRelationCreated(HookContext ctx, RelationCreated event) {}

  /** Handles {@code <endpoint>-relation-joined}. */
  protected void onRelationJoined(HookContext ctx, RelationJoined event) {}

  /** Handles {@code <endpoint>-relation-changed}. */
  protected void onRelationChanged(HookContext ctx, RelationChanged event) {}

  /** Handles {@code <endpoint>-relation-departed}. */
  protected void onRelationDeparted(HookContext ctx, RelationDeparted event) {}

  /** Handles {@code <endpoint>-relation-broken}. */
  protected void onRelationBroken(HookContext ctx, RelationBroken event) {}

  /**
   * Handles an action. The default fails the action with {@code action "<name>" is not implemented
   * by this charm}; failing an action never puts the unit in error.
   */
  protected void onAction(HookContext ctx, ActionEvent event) {
    ctx.action().fail("action \"" + event.name() + "\" is not implemented by this charm");
  }
}
