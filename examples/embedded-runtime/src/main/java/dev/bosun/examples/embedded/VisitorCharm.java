package dev.bosun.examples.embedded;

import dev.bosun.charm.HookContext;
import dev.bosun.charm.ReconcilerCharm;
import dev.bosun.charm.Status;
import dev.bosun.charm.relation.TypedRelation;
import dev.bosun.examples.embedded.Greetings.Greeting;
import dev.bosun.examples.embedded.Greetings.Visitor;
import java.util.Optional;

/** Visits a greeter: publishes its name, and shows the greeting once it is greeted by name. */
// tag::visitor[]
public final class VisitorCharm implements ReconcilerCharm {
  @Override
  public void reconcile(HookContext ctx) {
    Optional<TypedRelation<Visitor, Greeting>> greeter =
        ctx.relations("greeter", Greetings.GREETING.requirer()).stream().findFirst();
    if (greeter.isEmpty()) {
      ctx.status().unit(Status.blocked("needs a greeter"));
      return;
    }
    String name = ctx.unitName();
    greeter.get().publish(new Visitor(name));
    Optional<Greeting> greeting = greeter.get().remoteApplication();
    if (greeting.isPresent() && greeting.get().visitors().contains(name)) {
      ctx.status().unit(Status.active(greeting.get().word() + ", " + name + "!"));
    } else {
      ctx.status().unit(Status.waiting("waiting to be greeted"));
    }
  }
}
// end::visitor[]
