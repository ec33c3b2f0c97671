package com.example.greeter;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.bosun.charm.HandlerCharm;
import dev.bosun.charm.HookContext;
import dev.bosun.charm.Relation;
import dev.bosun.charm.Status;
import dev.bosun.charm.event.ActionEvent;
import dev.bosun.charm.event.RelationJoined;
import dev.bosun.charm.machine.ServiceSpec;
import java.util.List;
import java.util.Map;

public final class GreeterCharm extends HandlerCharm {

  @Override
  protected void onInstall(HookContext ctx) {
    ctx.status().unit(Status.maintenance("installing"));
  }

  @Override
  protected void onConfigChanged(HookContext ctx) {
    configure(ctx);
  }

  @Override
  protected void onRelationJoined(HookContext ctx, RelationJoined event) {
    configure(ctx);
  }

  @Override
  protected void onAction(HookContext ctx, ActionEvent event) {
    if (!event.name().equals("greet")) {
      super.onAction(ctx, event); // fails the action: not implemented by this charm
      return;
    }
    String name = (String) ctx.action().parameters().get("name");
    ctx.action().set("message", ctx.config().string("greeting") + ", " + name);
  }

  private static void configure(HookContext ctx) {
    int port = (int) ctx.config().integer("port");
    List<String> peers = ctx.relation("cluster").map(r -> List.copyOf(r.units())).orElse(List.of());
    String conf =
        ctx.templates()
            .render(
                "greeter.conf",
                Map.of(
                    "address",
                    ctx.machine().address(),
                    "port",
                    port,
                    "greeting",
                    ctx.config().string("greeting"),
                    "peers",
                    peers));
    ctx.machine().writeFile("etc/greeter/greeter.conf", conf.getBytes(UTF_8), 0644);
    ctx.machine()
        .services()
        .ensure(
            ServiceSpec.of("greeter", "/usr/bin/greeter", "--config", "etc/greeter/greeter.conf"));
    ctx.ports().open(port);
    for (Relation website : ctx.relations("website")) {
      website.localUnitData().put("hostname", ctx.machine().address());
      website.localUnitData().put("port", Integer.toString(port));
    }
    ctx.status().unit(Status.active("greeting on port " + port));
  }
}
