package dev.bosun.testcharms;

import dev.bosun.charm.HookContext;
import dev.bosun.charm.ReconcilerCharm;
import dev.bosun.charm.Relation;
import dev.bosun.charm.Status;
import java.util.List;

/**
 * The {@code counter} test charm: counts the greeter units it is related to on {@code greeting} and
 * reports the greeting their leader published; blocked without a greeter.
 */
public final class CounterCharm implements ReconcilerCharm {

  /** Creates the charm (the runtime instantiates it). */
  public CounterCharm() {}

  @Override
  public void reconcile(HookContext ctx) {
    List<Relation> relations = ctx.relations("greeting");
    if (relations.isEmpty()) {
      ctx.status().unit(Status.blocked("needs a greeter"));
      return;
    }
    int units = 0;
    String greeting = "";
    for (Relation relation : relations) {
      units += relation.units().size();
      greeting = relation.remoteApplicationData().get("greeting").orElse(greeting);
    }
    String label = ctx.config().string("label");
    ctx.status()
        .unit(
            Status.active(
                units + " " + label + (greeting.isEmpty() ? "" : " say \"" + greeting + "\"")));
  }
}
