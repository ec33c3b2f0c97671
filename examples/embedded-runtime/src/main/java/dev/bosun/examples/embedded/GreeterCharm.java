package dev.bosun.examples.embedded;

import dev.bosun.charm.HookContext;
import dev.bosun.charm.ReconcilerCharm;
import dev.bosun.charm.Status;
import dev.bosun.charm.relation.TypedRelation;
import dev.bosun.examples.embedded.Greetings.Greeting;
import dev.bosun.examples.embedded.Greetings.Visitor;
import java.util.ArrayList;
import java.util.List;

/** Greets every visitor related to it: the leader publishes the greeting for all of them. */
// tag::greeter[]
public final class GreeterCharm implements ReconcilerCharm {
  @Override
  public void reconcile(HookContext ctx) {
    int greeted = 0;
    for (TypedRelation<Greeting, Visitor> visitors :
        ctx.relations("visitors", Greetings.GREETING.provider())) {
      List<String> names = new ArrayList<>();
      visitors.remoteUnits().values().forEach(visitor -> names.add(visitor.name()));
      names.sort(null);
      if (ctx.isLeader()) {
        visitors.publishApplication(new Greeting(ctx.config().string("greeting"), names));
      }
      greeted += names.size();
    }
    ctx.status().unit(Status.active("greeting " + greeted + " visitors"));
  }
}
// end::greeter[]
