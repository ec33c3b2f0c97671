package dev.bosun.testcharms;

import dev.bosun.charm.HookContext;
import dev.bosun.charm.ReconcilerCharm;
import dev.bosun.charm.Relation;
import dev.bosun.charm.Status;
import java.util.Optional;

/** The {@code sidecar} test charm: a subordinate that reports the principal it is attached to. */
public final class SidecarCharm implements ReconcilerCharm {

  /** Creates the charm (the runtime instantiates it). */
  public SidecarCharm() {}

  @Override
  public void reconcile(HookContext ctx) {
    Optional<Relation> host = ctx.relation("host");
    ctx.status()
        .unit(
            host.map(r -> Status.active("attached to " + r.remoteApplication()))
                .orElseGet(() -> Status.waiting("waiting for a principal")));
  }
}
