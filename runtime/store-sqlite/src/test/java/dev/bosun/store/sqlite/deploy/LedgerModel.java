package dev.bosun.store.sqlite.deploy;

import dev.bosun.charm.CharmCatalog;
import dev.bosun.charm.CharmDefinition;
import dev.bosun.charm.CharmFiles;
import dev.bosun.charm.HookContext;
import dev.bosun.charm.ReconcilerCharm;
import dev.bosun.charm.Relation;
import dev.bosun.charm.RelationData;
import dev.bosun.charm.Status;
import dev.bosun.charm.UnitState;
import dev.bosun.charm.event.HookEvent;
import dev.bosun.charm.event.RelationChanged;
import dev.bosun.charm.event.RelationDeparted;
import dev.bosun.charm.event.RelationJoined;
import dev.bosun.model.charm.CharmMeta;
import dev.bosun.model.charm.Endpoint;
import dev.bosun.model.charm.Role;
import dev.bosun.model.spec.ModelSpec;
import dev.bosun.runtime.RuntimeSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The model {@link DeployKillIT} deploys, and its charm. Two charms share one implementation,
 * {@link LedgerCharm}: {@code ledger-server} provides {@code db} (interface {@code ledger}) and has
 * peers on {@code cluster}; {@code ledger-client} requires {@code db} and has peers on {@code
 * peers}. The model is a bundle of three applications: {@code server} (3 units), {@code web} (4
 * units) and {@code worker} (a number of units that grows from round to round), with {@code web}
 * and {@code worker} related to {@code server}.
 */
final class LedgerModel {
  /** Units of {@code server}. */
  static final int SERVERS = 3;

  /** Units of {@code web}. */
  static final int WEBS = 4;

  private LedgerModel() {}

  /**
   * The model with {@code workers} units of {@code worker}: 7 + {@code workers} units and five
   * relations (two regular ones and a peer relation per application).
   */
  static ModelSpec spec(int workers) {
    return ModelSpec.builder()
        .application("server", app -> app.charm("ledger-server").units(SERVERS))
        .application("web", app -> app.charm("ledger-client").units(WEBS))
        .application("worker", app -> app.charm("ledger-client").units(workers))
        .relate("web:db", "server:db")
        .relate("worker:db", "server:db")
        .build();
  }

  /**
   * The runtime settings of every run: two agent threads, short leadership leases (so a leader that
   * died with its process is replaced within seconds), fast retries of failed hooks (an interrupted
   * hook is one), and hook logs long enough to hold every hook of the test.
   */
  static RuntimeSettings settings() {
    return RuntimeSettings.builder()
        .threads(2)
        .leadership(Duration.ofSeconds(1), Duration.ofSeconds(3))
        .retryBackoff(Duration.ofMillis(200), Duration.ofSeconds(1), 2, 0)
        .historyLimits(1_000, 10_000)
        .build();
  }

  /** The two charms. */
  static CharmCatalog charms() {
    CharmMeta server =
        CharmMeta.builder("ledger-server")
            .provides(Endpoint.of("db", Role.PROVIDER, "ledger"))
            .peers(Endpoint.of("cluster", Role.PEER, "ledger-server-peers"))
            .build();
    CharmMeta client =
        CharmMeta.builder("ledger-client")
            .requires(Endpoint.of("db", Role.REQUIRER, "ledger"))
            .peers(Endpoint.of("peers", Role.PEER, "ledger-client-peers"))
            .build();
    return CharmCatalog.builder()
        .add(new CharmDefinition(server, LedgerCharm::new, NO_FILES))
        .add(new CharmDefinition(client, LedgerCharm::new, NO_FILES))
        .build();
  }

  /**
   * The trace of a hook as the hook log writes it ({@code HookRecord}): the hook's name, then the
   * remote unit of a unit-level relation hook.
   */
  static String trace(HookEvent event) {
    String remote = null;
    if (event instanceof RelationJoined joined) {
      remote = joined.remoteUnit();
    } else if (event instanceof RelationChanged changed) {
      remote = changed.remoteUnit();
    } else if (event instanceof RelationDeparted departed) {
      remote = departed.remoteUnit();
    }
    return remote == null ? event.hookName() : event.hookName() + " " + remote;
  }

  /**
   * Every hook, in one commit: counts itself in the unit's state ({@code hooks} = n) and logs its
   * trace as {@code hook.<n>}, sets the workload status to {@code committed <n> hooks}, and keeps
   * the relation data it publishes up to date — its name in its unit bag, the leader's endpoint in
   * the provider's application bag, and the endpoint a client connected to in the client's unit
   * bag. Relation data is written only when it changes, so the model settles.
   */
  static final class LedgerCharm implements ReconcilerCharm {
    @Override
    public void reconcile(HookContext ctx) {
      UnitState state = ctx.state();
      long n = state.get("hooks").map(Long::parseLong).orElse(0L) + 1;
      state.set("hooks", Long.toString(n));
      state.set("hook." + n, trace(ctx.event()));
      for (String endpoint : List.of("db", "cluster", "peers")) {
        for (Relation relation : relationsOf(ctx, endpoint)) {
          publish(ctx, relation);
        }
      }
      ctx.status().unit(Status.active("committed " + n + " hooks"));
    }

    private static List<Relation> relationsOf(HookContext ctx, String endpoint) {
      try {
        return ctx.relations(endpoint);
      } catch (IllegalArgumentException notAnEndpointOfThisCharm) {
        return List.of();
      }
    }

    private static void publish(HookContext ctx, Relation relation) {
      putIfChanged(relation.localUnitData(), "unit", ctx.unitName());
      boolean provider = relation.endpoint().equals("db") && ctx.applicationName().equals("server");
      if (provider && ctx.isLeader()) {
        putIfChanged(
            relation.applicationData(), "endpoint", "ledger://" + ctx.applicationName() + ":7000");
      }
      if (relation.endpoint().equals("db") && !provider) {
        Optional<String> endpoint = relation.remoteApplicationData().get("endpoint");
        endpoint.ifPresent(value -> putIfChanged(relation.localUnitData(), "connected", value));
      }
    }

    private static void putIfChanged(RelationData data, String key, String value) {
      if (!data.get(key).equals(Optional.of(value))) {
        data.put(key, value);
      }
    }
  }

  private static final CharmFiles NO_FILES = CharmFiles.of("ledger test charm", Map.of());
}
