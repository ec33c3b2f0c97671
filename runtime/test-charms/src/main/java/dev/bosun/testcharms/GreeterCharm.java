package dev.bosun.testcharms;

import dev.bosun.charm.HookContext;
import dev.bosun.charm.ReconcilerCharm;
import dev.bosun.charm.Relation;
import dev.bosun.charm.Status;
import dev.bosun.charm.event.ActionEvent;
import dev.bosun.charm.event.Install;

/**
 * The {@code greeter} test charm: every unit reports the configured greeting, the leader publishes
 * it in the application bag of each {@code greeting} relation, and the {@code greet} action answers
 * with it. With {@code fail=true} every hook but {@code install} throws, so a unit lands in a hook
 * error that {@code bosun resolve} can clear. {@code hook-delay} (milliseconds) makes every hook
 * take that long, so tests can overlap other commands with a running hook. When the {@code payload}
 * resource is attached, the status reports its size.
 */
public final class GreeterCharm implements ReconcilerCharm {

  /** Creates the charm (the runtime instantiates it). */
  public GreeterCharm() {}

  @Override
  public void reconcile(HookContext ctx) {
    long delay = ctx.config().integer("hook-delay");
    if (delay > 0) {
      try {
        Thread.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted during hook-delay", e);
      }
    }
    if (ctx.event() instanceof Install) {
      ctx.status().unit(Status.maintenance("installing"));
      return;
    }
    if (ctx.config().bool("fail")) {
      throw new IllegalStateException("failing as configured (fail=true)");
    }
    String blocked = ctx.config().string("blocked");
    if (!blocked.isEmpty()) {
      ctx.status().unit(Status.blocked(blocked));
      return;
    }
    String greeting = ctx.config().string("greeting");
    if (ctx.isLeader()) {
      for (Relation relation : ctx.relations("greeting")) {
        relation.applicationData().put("greeting", greeting);
      }
    }
    String payload =
        ctx.resource("payload").map(path -> " (payload: " + size(path) + " bytes)").orElse("");
    ctx.status().unit(Status.active("greeting: " + greeting + payload));
  }

  private static long size(java.nio.file.Path path) {
    try {
      return java.nio.file.Files.size(path);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
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
            ctx.config().string("greeting") + ", " + ctx.action().parameters().get("name"));
  }
}
