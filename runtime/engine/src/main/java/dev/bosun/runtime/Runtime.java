package dev.bosun.runtime;

import static java.util.Objects.requireNonNull;

import dev.bosun.charm.CharmCatalog;
import dev.bosun.charm.CharmDefinition;
import dev.bosun.model.plan.ModelState;
import dev.bosun.model.plan.Plan;
import dev.bosun.model.spec.ModelSpec;
import dev.bosun.model.spec.Placement;
import dev.bosun.runtime.internal.engine.Controller;
import dev.bosun.runtime.internal.engine.Engine;
import dev.bosun.runtime.internal.engine.HookInvoker;
import dev.bosun.runtime.store.InMemoryStore;
import dev.bosun.runtime.store.Store;
import dev.bosun.runtime.substrate.InMemorySubstrate;
import dev.bosun.runtime.substrate.Substrate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Bosun runtime: takes a model, drives every unit's hooks in Juju's order until the model
 * settles, and reports status.
 *
 * <pre>{@code
 * try (Runtime runtime = Runtime.builder().charms(CharmCatalog.discover(loader)).build()) {
 *   ModelHandle model = runtime.apply(ModelSpec.builder()
 *       .application("easyrsa", app -> app.units(1))
 *       .application("etcd", app -> app.units(3))
 *       .relate("etcd:certificates", "easyrsa:client")
 *       .build());
 *   SettleResult result = model.awaitSettled(Duration.ofMinutes(2));
 *   runtime.status().applications().get("etcd").status();   // active
 * }
 * }</pre>
 *
 * <p><b>How it works.</b> The model lives in a {@link Store}: every change — an operation here, or
 * the results of a hook — is committed in one transaction. Each unit has an agent, an event-driven
 * state machine on a shared scheduler (no thread per unit) that decides its next hook from its
 * committed state and the model with Juju's resolver priority, runs at most one hook at a time on
 * its machine (the machine lock), and commits the hook's writes when it returns. A runtime built
 * over a store that already holds a model resumes it: a hook that was running when the previous
 * process died is treated as failed and retried.
 *
 * <p><b>Threads.</b> All methods are thread-safe. With {@link RuntimeSettings#threads()} 0
 * (deterministic mode) agents run only inside {@link #awaitSettled} and {@link ActionHandle#await},
 * on the calling thread, in a fixed order; otherwise on a pool of threads, and operations return at
 * once.
 *
 * <p>One runtime at a time may run a model in a store.
 */
public final class Runtime implements AutoCloseable {
  private final Engine engine;
  private final Controller controller;
  private final AutoCloseable[] owned;

  private Runtime(Engine engine, AutoCloseable... owned) {
    this.engine = engine;
    this.controller = new Controller(engine);
    this.owned = owned;
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Records a desired model and returns at once: applications, machines, units and relations the
   * model lacks are added as {@link dev.bosun.model.plan.Planner} plans them (so the CLI's dry run
   * and the runtime agree on machine numbers), and what the model no longer asks for is removed:
   * applications and relations it omits, and units beyond {@code num_units} (highest numbers
   * first). Peer relations and subordinate units follow from the charms.
   *
   * @return the model handle, with the plan that was applied
   * @throws dev.bosun.model.spec.ModelSpecException when the model has errors against the charms
   * @throws dev.bosun.model.graph.RelationException when relations cannot be resolved
   * @throws dev.bosun.model.plan.PlanException when the planner refuses the model
   * @throws OperationException when a charm is not among the runtime's charms, or the runtime is
   *     closed
   */
  public ModelHandle apply(ModelSpec spec) {
    Plan plan = controller.apply(spec);
    return new ModelHandle(this, plan);
  }

  /**
   * Waits until the model settles (every unit idle, nothing runnable or pending) or the timeout
   * passes. In deterministic mode, runs the agents on this thread until then. A unit in a hook
   * error does not run until resolved or retried by its timer, so the wait ends with it reported.
   * Timers (update-status, retries, leadership renewal) do not count as pending work.
   *
   * @throws OperationException when the runtime is closed
   */
  public SettleResult awaitSettled(Duration timeout) {
    return controller.awaitSettled(requireNonNull(timeout, "timeout"));
  }

  /** Returns the model's status, from one consistent snapshot. */
  public ModelStatus status() {
    return controller.status();
  }

  /** Returns the model as the planner sees it, for {@code diff} and dry runs. */
  public ModelState modelState() {
    return controller.exportState();
  }

  /**
   * Adds units of an application on new machines.
   *
   * @return the new units' names
   * @throws NotFoundException when the application does not exist
   * @throws OperationException when it is a subordinate or being removed
   */
  public List<String> addUnits(String application, int count) {
    return controller.addUnits(application, count, List.of());
  }

  /**
   * Adds units with placement directives ({@code juju add-unit --to}): a machine number, {@code
   * lxd:3}, {@code lxd}, {@code app/N} or {@code new}, one unit each; the rest go to new machines.
   *
   * @throws dev.bosun.model.spec.PlacementException when a directive does not parse
   * @throws NotFoundException when a machine or unit named by a directive does not exist
   */
  public List<String> addUnits(String application, int count, List<String> placements) {
    List<Placement> parsed = new ArrayList<>(placements.size());
    for (String directive : placements) {
      boolean containerType = directive.equals("lxd") || directive.equals("kvm");
      parsed.add(Placement.parse(containerType ? directive + ":new" : directive));
    }
    return controller.addUnits(application, count, parsed);
  }

  /**
   * Removes units: each departs its relations, stops and is removed; subordinates go with their
   * principal; a machine left empty is released.
   *
   * @throws NotFoundException when a unit does not exist
   * @throws OperationException for a subordinate unit (remove its relation instead)
   */
  public void removeUnits(String... units) {
    controller.removeUnits(Arrays.asList(units));
  }

  /**
   * Removes an application with its units and relations.
   *
   * @throws NotFoundException when it does not exist
   */
  public void removeApplication(String application) {
    controller.removeApplication(application);
  }

  /**
   * Sets configuration values; every unit runs {@code config-changed} if the configuration changed.
   * A null value resets the option to the charm's default.
   *
   * @throws dev.bosun.model.charm.ConfigException {@code unknown option "x"} or {@code option "x"
   *     expected int, got "y"}
   * @throws NotFoundException when the application does not exist
   */
  public void setConfig(String application, Map<String, ?> values) {
    controller.setConfig(application, values);
  }

  /**
   * Resets options to the charm's defaults.
   *
   * @throws dev.bosun.model.charm.ConfigException for an unknown option
   */
  public void resetConfig(String application, String... keys) {
    controller.resetConfig(application, Arrays.asList(keys));
  }

  /**
   * Relates two applications ({@code juju integrate}), each side {@code app} or {@code
   * app:endpoint}, inferring missing endpoints.
   *
   * @return the new relation
   * @throws dev.bosun.model.graph.RelationException when the endpoints cannot be inferred
   * @throws OperationException when the relation exists, exceeds an endpoint's limit, or is
   *     container-scoped without a subordinate
   */
  public RelationStatus integrate(String first, String second) {
    return controller.integrate(first, second);
  }

  /**
   * Removes the relation between two sides: every unit departs and breaks it.
   *
   * @throws NotFoundException when no such relation exists
   */
  public void removeRelation(String first, String second) {
    controller.removeRelation(first, second);
  }

  /**
   * Removes a relation by id.
   *
   * @throws NotFoundException when no such relation exists
   */
  public void removeRelation(int relationId) {
    controller.removeRelation(relationId);
  }

  /** Exposes an application. */
  public void expose(String application) {
    controller.expose(application, true);
  }

  /** Unexposes an application. */
  public void unexpose(String application) {
    controller.expose(application, false);
  }

  /**
   * Refreshes an application to another charm (or revision): every unit runs {@code upgrade-charm}
   * then {@code config-changed}; peer relations of new peer endpoints are created.
   *
   * @throws OperationException when the new charm lacks an endpoint a relation uses
   */
  public void refresh(String application, CharmDefinition charm) {
    controller.refresh(application, charm);
  }

  /**
   * Queues an action on a unit ({@code juju run}), after validating its parameters against the
   * action's schema.
   *
   * @throws NotFoundException when the unit does not exist
   * @throws OperationException {@code action "x" not defined on unit "u"}
   * @throws dev.bosun.model.charm.ActionParametersException {@code validation failed: ...}
   */
  public ActionHandle runAction(String unit, String action, Map<String, Object> parameters) {
    long id = controller.runAction(unit, action, parameters);
    return new ActionHandle(controller, id, unit, action);
  }

  /**
   * Returns a handle on an action by id.
   *
   * @throws NotFoundException when there is no such action
   */
  public ActionHandle action(long id) {
    ActionResult result = controller.action(id);
    return new ActionHandle(controller, id, result.unit(), result.name());
  }

  /**
   * Gets a unit out of a hook error ({@code juju resolve}).
   *
   * @throws UnitNotInErrorException {@code unit "x" is not in an error state}
   * @throws NotFoundException when the unit does not exist
   */
  public void resolve(String unit, ResolveMode mode) {
    controller.resolve(unit, mode);
  }

  /**
   * Returns a unit's status history, oldest first ({@code juju show-status-log}).
   *
   * @throws NotFoundException when the unit never existed
   */
  public List<StatusHistoryEntry> statusHistory(String unit) {
    return controller.statusHistory(unit);
  }

  /**
   * Returns the hooks and actions a unit ran, oldest first; kept after the unit is removed.
   *
   * @throws NotFoundException when the unit never existed
   */
  public List<HookRecord> hookLog(String unit) {
    return controller.hookLog(unit);
  }

  /** Returns the hooks and actions every unit ran, in the order they started. */
  public List<HookRecord> hookLog() {
    return controller.hookLog();
  }

  /**
   * Returns a databag of a relation as committed, as {@code juju show-unit} shows it: the bag of a
   * unit ({@code member} {@code etcd/0}), which holds {@code private-address}, {@code
   * ingress-address} and {@code egress-subnets} once the unit entered the relation's scope, or the
   * bag of an application ({@code member} {@code etcd}). A unit's bag stays readable after it
   * departed, for the life of the relation.
   *
   * <pre>{@code
   * int id = runtime.status().relations().get(0).id();
   * runtime.relationData(id, "etcd/0").get("connection_string");
   * }</pre>
   *
   * @param relationId the relation id ({@link RelationStatus#id()})
   * @param member a unit or application on either side of the relation
   * @return the bag, unmodifiable; empty when the member has not written one
   * @throws NotFoundException when no such relation exists
   * @throws OperationException when the member's application is not in the relation: {@code
   *     application "x" is not in relation 3 (client:db server:db)}
   */
  public Map<String, String> relationData(int relationId, String member) {
    return controller.relationData(relationId, member);
  }

  /**
   * Stops a unit's agent as if its process died: it runs no more hooks and stops renewing its
   * leadership, which lapses when the lease expires. For fault tests.
   *
   * @throws NotFoundException when the unit does not exist
   */
  public void stopUnitAgent(String unit) {
    controller.stopAgent(unit);
  }

  /**
   * Restarts a stopped agent from its committed state, as a restarted process would: a hook it was
   * running counts as failed and is retried.
   *
   * @throws NotFoundException when the unit does not exist
   */
  public void startUnitAgent(String unit) {
    controller.startAgent(unit);
  }

  /**
   * Stops the agents and timers. Like a process exit, it writes nothing: leadership leases lapse on
   * their own. Closes the store and substrate only if the builder created them.
   */
  @Override
  public void close() {
    engine.close();
    for (AutoCloseable resource : owned) {
      try {
        resource.close();
      } catch (Exception e) {
        // Closing a default store or substrate does not fail in a way that matters here.
      }
    }
  }

  /** Builds a {@link Runtime}. */
  public static final class Builder {
    private Store store;
    private Substrate substrate;
    private Clock clock = Clock.systemUTC();
    private RuntimeSettings settings = RuntimeSettings.defaults();
    private CharmCatalog catalog;
    private final Map<String, CharmDefinition> extra = new LinkedHashMap<>();

    private Builder() {}

    /** Sets the store (default: a new {@link InMemoryStore} on the runtime's clock). */
    public Builder store(Store store) {
      this.store = requireNonNull(store, "store");
      return this;
    }

    /** Sets the substrate (default: an {@link InMemorySubstrate} in a temporary directory). */
    public Builder substrate(Substrate substrate) {
      this.substrate = requireNonNull(substrate, "substrate");
      return this;
    }

    /**
     * Sets the charms the model may use (required; see {@link CharmCatalog}). Applications find
     * their charm by reference ({@code etcd}, {@code ch:etcd}); charms added with {@link #charm}
     * replace catalog charms of the same name.
     */
    public Builder charms(CharmCatalog charms) {
      this.catalog = requireNonNull(charms, "charms");
      return this;
    }

    /** Adds a charm (replacing a catalog charm of the same name). */
    public Builder charm(CharmDefinition charm) {
      extra.put(charm.name(), requireNonNull(charm, "charm"));
      return this;
    }

    /** Sets the clock (default: the system clock); tests use a {@link ManualClock}. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /** Sets the settings (default: {@link RuntimeSettings#defaults()}). */
    public Builder settings(RuntimeSettings settings) {
      this.settings = requireNonNull(settings, "settings");
      return this;
    }

    /**
     * Builds the runtime: loads the model the store holds (if any) and starts its agents.
     *
     * @throws IllegalStateException when no charms were given (an empty catalog is fine)
     * @throws dev.bosun.runtime.store.StoreException when the store fails or holds a model of
     *     another schema
     * @throws OperationException when the model runs a charm the runtime was not given
     */
    public Runtime build() {
      if (catalog == null && extra.isEmpty()) {
        throw new IllegalStateException("a runtime needs its charms: call charms(...)");
      }
      CharmCatalog.Builder charms = catalog == null ? CharmCatalog.builder() : catalog.toBuilder();
      extra.values().forEach(charms::replace);
      CharmCatalog all = charms.build();
      List<AutoCloseable> owned = new ArrayList<>(2);
      Store actualStore = store;
      if (actualStore == null) {
        actualStore = new InMemoryStore(clock);
        owned.add(actualStore);
      }
      Substrate actualSubstrate = substrate;
      if (actualSubstrate == null) {
        actualSubstrate = InMemorySubstrate.temporary();
        owned.add(actualSubstrate);
      }
      Function<String, Optional<CharmDefinition>> lookup = all::find;
      Engine engine;
      try {
        engine =
            Engine.open(actualStore, actualSubstrate, clock, settings, lookup, HookInvoker.SDK);
      } catch (RuntimeException e) {
        for (AutoCloseable resource : owned) {
          try {
            resource.close();
          } catch (Exception suppressed) {
            e.addSuppressed(suppressed);
          }
        }
        throw e;
      }
      return new Runtime(engine, owned.toArray(new AutoCloseable[0]));
    }
  }
}
