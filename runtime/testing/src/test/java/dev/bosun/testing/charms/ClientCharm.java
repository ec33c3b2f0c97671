package dev.bosun.testing.charms;

import dev.bosun.charm.HandlerCharm;
import dev.bosun.charm.HookContext;
import dev.bosun.charm.Status;
import dev.bosun.charm.event.RelationChanged;

/** The requirer of the whole-model tests: quiet unless its configuration says otherwise. */
public final class ClientCharm extends HandlerCharm {

  @Override
  protected void onConfigChanged(HookContext ctx) {
    if (ctx.config().string("greeting").equals("write-app-data")) {
      ctx.relations("db").forEach(db -> db.applicationData().put("x", "y"));
    }
  }

  @Override
  protected void onStart(HookContext ctx) {
    ctx.status().unit(Status.active("ready"));
  }

  @Override
  protected void onRelationChanged(HookContext ctx, RelationChanged event) {
    if (event.endpoint().equals("db") && event.isApplicationChange()) {
      ctx.relation(event)
          .remoteApplicationData()
          .get("value")
          .ifPresent(value -> ctx.status().unit(Status.active("got " + value)));
    }
  }
}
