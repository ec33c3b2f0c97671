package dev.bosun.examples.embedded;

import dev.bosun.charm.HookContext;
import dev.bosun.charm.ReconcilerCharm;
import dev.bosun.charm.Status;
import dev.bosun.charm.event.ActionEvent;
import dev.bosun.charm.relation.TypedRelation;
import dev.bosun.examples.embedded.Greetings.Greeting;
import dev.bosun.examples.embedded.Greetings.Visitor;
import java.util.ArrayList;
import java.util.List;

/**
 * Greets every visitor related to it: the leader publishes the greeting for all of them. An empty
 * greeting is a mistake it refuses (the hook fails, and the unit goes into error until resolved).
 */
// tag::greeter[]
public final class GreeterCharm implements ReconcilerCharm {
  @Override
  public void reconcile(HookContext ctx) {
    String word = ctx.config().string("greeting");
    if (word.isBlank()) {
      throw new IllegalArgumentException("the greeting must not be empty");
    }
    int greeted = 0;
    for (TypedRelation<Greeting, Visitor> visitors :
        ctx.relations("visitors", Greetings.GREETING.provider())) {
      List<String> names = new ArrayList<>();
      visitors.remoteUnits().values().forEach(visitor -> names.add(visitor.name()));
      names.sort(null);
      if (ctx.isLeader()) {
        visitors.publishApplication(new Greeting(word, names));
      }
      greeted += names.size();
    }
    ctx.status().unit(Status.active("greeting " + greeted + " visitors"));
  }

  @Override
  public void onAction(HookContext ctx, ActionEvent event) {
    ctx.action()
        .set(
            "message",
            ctx.config().string("greeting") + ", " + ctx.action().parameters().get("name"));
  }
}
// end::greeter[]
