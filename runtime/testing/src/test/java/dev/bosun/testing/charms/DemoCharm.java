package dev.bosun.testing.charms;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.bosun.charm.HandlerCharm;
import dev.bosun.charm.HookContext;
import dev.bosun.charm.Relation;
import dev.bosun.charm.Status;
import dev.bosun.charm.event.ActionEvent;
import dev.bosun.charm.event.RelationBroken;
import dev.bosun.charm.event.RelationChanged;
import dev.bosun.charm.event.RelationDeparted;
import dev.bosun.charm.event.RelationJoined;
import dev.bosun.charm.machine.ServiceSpec;
import java.util.Map;

/**
 * The charm the single-unit kit's tests run ({@code src/test/resources/charms/demo}): every hook
 * leaves a trace in the state the kit returns, so the tests can check what was committed.
 */
public final class DemoCharm extends HandlerCharm {

  @Override
  protected void onInstall(HookContext ctx) {
    ctx.state().set("installed", "yes");
    ctx.status().unit(Status.maintenance("installing"));
  }

  @Override
  protected void onConfigChanged(HookContext ctx) {
    long port = ctx.config().integer("port");
    String mode = ctx.config().string("mode");
    String conf =
        ctx.templates()
            .render(
                "demo.conf",
                Map.of("address", ctx.machine().address(), "port", port, "mode", mode));
    ctx.machine().writeFile("etc/demo/demo.conf", conf.getBytes(UTF_8), 0644);
    ctx.machine().services().ensure(ServiceSpec.of("demo", "/usr/bin/demo", "--port=" + port));
    ctx.ports().open((int) port);
    ctx.state().set("port", Long.toString(port));
    ctx.status().unit(Status.active("serving on " + port));
    if (mode.equals("boom")) {
      throw new IllegalStateException("mode boom: failing after writing");
    }
    if (mode.equals("app-write")) {
      ctx.relations("db")
          .forEach(db -> db.applicationData().put("database", "from-" + ctx.unitName()));
    }
  }

  @Override
  protected void onLeaderElected(HookContext ctx) {
    ctx.relation("cluster").ifPresent(c -> c.applicationData().put("token", "t-" + ctx.unitName()));
    ctx.status().application(Status.active("led by " + ctx.unitName()));
  }

  @Override
  protected void onUpdateStatus(HookContext ctx) {
    if (ctx.relations("db").isEmpty()) {
      ctx.status().unit(Status.blocked("needs a db relation"));
    }
  }

  @Override
  protected void onRelationJoined(HookContext ctx, RelationJoined event) {
    Relation relation = ctx.relation(event);
    if (event.endpoint().equals("db")) {
      relation.localUnitData().put("port", ctx.config().get("port").orElseThrow().toString());
      if (ctx.isLeader()) {
        relation.applicationData().put("database", "main");
      }
    }
    ctx.state().set("joined", event.remoteUnit() + " of " + event.remoteApplication());
    ctx.state().set("members", String.join(",", relation.units()));
  }

  @Override
  protected void onRelationChanged(HookContext ctx, RelationChanged event) {
    Relation relation = ctx.relation(event);
    if (event.endpoint().equals("cluster")) {
      relation.applicationData().get("token").ifPresent(token -> ctx.state().set("token", token));
      return;
    }
    if (event.isApplicationChange()) {
      relation
          .remoteApplicationData()
          .get("version")
          .ifPresent(version -> ctx.state().set("remote-version", version));
      return;
    }
    String user = relation.unitData(event.remoteUnit()).get("user").orElse("");
    relation.localUnitData().put("user", user);
    relation.localUnitData().remove("stale");
  }

  @Override
  protected void onRelationDeparted(HookContext ctx, RelationDeparted event) {
    Relation relation = ctx.relation(event);
    ctx.state()
        .set(
            "departed",
            event.remoteUnit()
                + " (departing "
                + event.departingUnit()
                + ") user="
                + relation.unitData(event.remoteUnit()).get("user").orElse("")
                + " members="
                + relation.units());
  }

  @Override
  protected void onRelationBroken(HookContext ctx, RelationBroken event) {
    ctx.state()
        .set(
            "broken",
            "live="
                + ctx.relations(event.endpoint()).size()
                + " members="
                + ctx.relation(event).units());
  }

  @Override
  protected void onAction(HookContext ctx, ActionEvent event) {
    switch (event.name()) {
      case "greet" -> {
        ctx.action().log("greeting");
        ctx.action()
            .set(
                "message",
                "Hello, "
                    + ctx.action().parameters().get("name")
                    + ctx.action().parameters().get("punctuation"));
      }
      case "explode" -> {
        ctx.action().log("about to explode");
        ctx.state().set("exploded", "yes");
        throw new IllegalStateException("kaboom");
      }
      case "refuse" -> {
        ctx.action().set("partial", "yes");
        ctx.state().set("refused", "yes");
        ctx.action().fail("refused politely");
      }
      default -> super.onAction(ctx, event);
    }
  }
}
