package dev.bosun.testing.charms;

import dev.bosun.charm.HandlerCharm;
import dev.bosun.charm.HookContext;
import dev.bosun.charm.Status;
import dev.bosun.charm.event.ActionEvent;

/**
 * The provider of the whole-model tests: quiet unless told (it writes no relation data on its own,
 * so hook sequences are Juju's bare ones).
 */
public final class ServerCharm extends HandlerCharm {

  @Override
  protected void onConfigChanged(HookContext ctx) {
    if (ctx.config().string("mode").equals("broken")) {
      throw new IllegalStateException("mode is broken");
    }
  }

  @Override
  protected void onStart(HookContext ctx) {
    ctx.status().unit(Status.active("serving"));
  }

  @Override
  protected void onAction(HookContext ctx, ActionEvent event) {
    if (!event.name().equals("publish")) {
      super.onAction(ctx, event);
      return;
    }
    String value = (String) ctx.action().parameters().get("value");
    ctx.relations("db").forEach(db -> db.applicationData().put("value", value));
    ctx.action().set("published", value);
  }
}
