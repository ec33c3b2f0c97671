package dev.bosun.benchmarks;

import dev.bosun.charm.CharmCatalog;
import dev.bosun.charm.CharmDefinition;
import dev.bosun.charm.CharmFiles;
import dev.bosun.charm.HandlerCharm;
import dev.bosun.charm.HookContext;
import dev.bosun.charm.Status;
import dev.bosun.charm.event.RelationCreated;
import dev.bosun.model.charm.CharmMeta;
import dev.bosun.model.charm.ConfigOption;
import dev.bosun.model.charm.ConfigSchema;
import dev.bosun.model.charm.Endpoint;
import dev.bosun.model.charm.OptionType;
import dev.bosun.model.charm.Role;
import dev.bosun.model.charm.Scope;
import dev.bosun.model.spec.ModelSpec;
import dev.bosun.runtime.ManualClock;
import dev.bosun.runtime.Runtime;
import dev.bosun.runtime.RuntimeSettings;
import dev.bosun.runtime.SettleResult;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The models and charms the runtime benchmarks run: small Java charms that do what a typical charm
 * does once (publish their address when a relation is created, set an active status at start) and
 * nothing per remote unit, so the benchmarks measure the engine.
 *
 * <ul>
 *   <li>{@code hub}: provides {@code hub} (interface {@code hub});
 *   <li>{@code worker}: requires {@code hub}; no peers;
 *   <li>{@code sidecar}: a subordinate on {@code juju-info} (container scope);
 *   <li>{@code peer}: a peer relation {@code cluster};
 *   <li>{@code noop}: no endpoints, one option, hooks that do nothing.
 * </ul>
 */
final class RuntimeModels {
  private RuntimeModels() {}

  private static final CharmFiles NO_FILES = CharmFiles.of("benchmark charm", Map.of());

  private static final ConfigSchema OPTIONS =
      ConfigSchema.of(Map.of("tick", new ConfigOption("tick", OptionType.INT, "", 0L)));

  /** Publishes the unit's address in each relation it joins, once; active at start. */
  public static final class TypicalCharm extends HandlerCharm {
    @Override
    protected void onStart(HookContext ctx) {
      ctx.status().unit(Status.active("ready"));
    }

    @Override
    protected void onRelationCreated(HookContext ctx, RelationCreated event) {
      ctx.relation(event).localUnitData().put("endpoint", ctx.machine().address() + ":8080");
    }
  }

  /** Does nothing at all. */
  public static final class NoopCharm extends HandlerCharm {}

  static CharmCatalog charms() {
    return CharmCatalog.builder()
        .add(
            define(
                CharmMeta.builder("hub").provides(Endpoint.of("hub", Role.PROVIDER, "hub")).build(),
                false))
        .add(
            define(
                CharmMeta.builder("worker")
                    .requires(Endpoint.of("hub", Role.REQUIRER, "hub"))
                    .config(OPTIONS)
                    .build(),
                false))
        .add(
            define(
                CharmMeta.builder("sidecar")
                    .subordinate(true)
                    .requires(
                        new Endpoint("host", Role.REQUIRER, "juju-info", Scope.CONTAINER, 0, false))
                    .build(),
                false))
        .add(
            define(
                CharmMeta.builder("peer")
                    .peers(Endpoint.of("cluster", Role.PEER, "cluster"))
                    .build(),
                false))
        .add(define(CharmMeta.builder("noop").config(OPTIONS).build(), true))
        .build();
  }

  private static CharmDefinition define(CharmMeta meta, boolean noop) {
    return new CharmDefinition(meta, noop ? NoopCharm::new : TypicalCharm::new, NO_FILES);
  }

  /** {@code workers} workers related to a 3-unit hub, each with a sidecar subordinate. */
  static ModelSpec hub(int workers, boolean sidecars) {
    ModelSpec.Builder spec =
        ModelSpec.builder()
            .application("hub", app -> app.units(3))
            .application("worker", app -> app.units(workers))
            .relate("worker:hub", "hub:hub");
    if (sidecars) {
      spec.application("sidecar", app -> app.units(0)).relate("sidecar:host", "worker");
    }
    return spec.build();
  }

  /** One application of {@code units} units with a peer relation. */
  static ModelSpec peers(int units) {
    return ModelSpec.builder().application("peer", app -> app.units(units)).build();
  }

  /** A runtime with the benchmark charms: {@code threads} agent threads (0: deterministic). */
  static Runtime runtime(int threads) {
    return runtime(threads, null);
  }

  /**
   * A runtime with the benchmark charms over a store ({@code null}: a new in-memory store on the
   * runtime's clock); {@code threads} agent threads (0: deterministic, on a manual clock).
   */
  static Runtime runtime(int threads, BenchmarkStore store) {
    RuntimeSettings settings =
        threads == 0
            ? RuntimeSettings.deterministic(1)
            : RuntimeSettings.builder().threads(threads).build();
    Runtime.Builder builder = Runtime.builder().charms(charms()).settings(settings);
    Clock clock = threads == 0 ? new ManualClock() : Clock.systemUTC();
    builder.clock(clock);
    if (store != null) {
      builder.store(store.open(clock));
    }
    return builder.build();
  }

  /** Settles, failing loudly when the model does not. */
  static SettleResult settle(Runtime runtime) {
    SettleResult result = runtime.awaitSettled(Duration.ofMinutes(10));
    if (!result.settled()) {
      throw new IllegalStateException("the model did not settle: " + result);
    }
    return result;
  }
}
