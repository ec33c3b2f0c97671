package com.example.hello;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.example.hello.Website.NoData;
import dev.bosun.charm.HookContext;
import dev.bosun.charm.ReconcilerCharm;
import dev.bosun.charm.Relation;
import dev.bosun.charm.Status;
import dev.bosun.charm.event.ActionEvent;
import dev.bosun.charm.event.Install;
import dev.bosun.charm.machine.ServiceSpec;
import dev.bosun.charm.relation.TypedRelation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Serves a greeting. Written as one reconcile that runs for every hook: it reads the configuration,
 * the cluster's id and its peers, and brings the unit to match, whatever the event.
 *
 * <ul>
 *   <li>The leader chooses a cluster id once and shares it in the peer relation's application bag;
 *       the other units wait for it.
 *   <li>Each unit renders {@code etc/hello/hello.conf}, runs the {@code hello} service, opens its
 *       port (closing any other) and publishes its address and port on {@code website}.
 *   <li>The {@code greet} action answers with the configured message.
 * </ul>
 */
public final class HelloCharm implements ReconcilerCharm {
  static final String CONFIG_FILE = "etc/hello/hello.conf";

  @Override
  public void reconcile(HookContext ctx) {
    if (ctx.event() instanceof Install) {
      ctx.status().unit(Status.maintenance("installing"));
      return;
    }
    Optional<String> clusterId = clusterId(ctx);
    if (clusterId.isEmpty()) {
      ctx.status().unit(Status.waiting("waiting for the leader to choose a cluster id"));
      return;
    }
    int port = (int) ctx.config().integer("port");
    List<String> peers = ctx.relation("cluster").map(r -> List.copyOf(r.units())).orElse(List.of());
    String conf =
        ctx.templates()
            .render(
                "hello.conf",
                Map.of(
                    "address", ctx.machine().address(),
                    "port", port,
                    "message", ctx.config().string("message"),
                    "cluster", clusterId.get(),
                    "peers", peers));
    ctx.machine().writeFile(CONFIG_FILE, conf.getBytes(UTF_8), 0644);
    ctx.machine().services().ensure(ServiceSpec.of("hello", "/usr/bin/hello", CONFIG_FILE));
    openOnly(ctx, port);
    for (TypedRelation<Website, NoData> website :
        ctx.relations("website", Website.HTTP.provider())) {
      website.publish(new Website(ctx.machine().address(), port));
    }
    ctx.status().unit(Status.active("serving on port " + port));
  }

  @Override
  public void onAction(HookContext ctx, ActionEvent event) {
    if (!event.name().equals("greet")) {
      ReconcilerCharm.super.onAction(ctx, event);
      return;
    }
    ctx.action()
        .set(
            "message",
            ctx.config().string("message") + ", " + ctx.action().parameters().get("name"));
  }

  /** Returns the cluster id; the leader chooses it when there is none yet. */
  private static Optional<String> clusterId(HookContext ctx) {
    Optional<Relation> cluster = ctx.relation("cluster");
    if (cluster.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> id = cluster.get().applicationData().get("cluster-id");
    if (id.isEmpty() && ctx.isLeader()) {
      String chosen = UUID.randomUUID().toString().substring(0, 8);
      cluster.get().applicationData().put("cluster-id", chosen);
      return Optional.of(chosen);
    }
    return id;
  }

  private static void openOnly(HookContext ctx, int port) {
    for (String opened : ctx.ports().opened()) {
      if (!opened.equals(port + "/tcp")) {
        String[] parts = opened.split("/");
        ctx.ports().close(Integer.parseInt(parts[0]), parts[1]);
      }
    }
    ctx.ports().open(port);
  }
}
