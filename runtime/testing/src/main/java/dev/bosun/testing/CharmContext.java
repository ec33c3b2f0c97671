package dev.bosun.testing;

import static java.util.Objects.requireNonNull;

import dev.bosun.charm.Charm;
import dev.bosun.charm.CharmDefinition;
import dev.bosun.charm.CharmFiles;
import dev.bosun.charm.event.ActionEvent;
import dev.bosun.charm.event.HookEvent;
import dev.bosun.charm.event.RelationBroken;
import dev.bosun.charm.event.RelationChanged;
import dev.bosun.charm.event.RelationCreated;
import dev.bosun.charm.event.RelationDeparted;
import dev.bosun.charm.event.RelationEvent;
import dev.bosun.charm.event.RelationJoined;
import dev.bosun.charm.machine.Machine;
import dev.bosun.charm.machine.ServiceSpec;
import dev.bosun.charm.spi.ActionInvocation;
import dev.bosun.charm.spi.HookOutcome;
import dev.bosun.charm.spi.HookRunner;
import dev.bosun.charm.spi.UnitIdentity;
import dev.bosun.model.Problem;
import dev.bosun.model.charm.ActionSpec;
import dev.bosun.model.charm.CharmMeta;
import dev.bosun.runtime.ActionStatus;
import dev.bosun.runtime.substrate.InMemorySubstrate;
import dev.bosun.runtime.substrate.MachineRequest;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs one event of a charm against a given {@link State} and returns the state the hook committed,
 * in the manner of ops' Scenario: a unit test of a charm as a pure state transition, with the SDK's
 * own context, access rules and write buffering ({@link HookRunner} over a backend built from the
 * state).
 *
 * <pre>{@code
 * CharmContext ctx = CharmContext.fromClasspath("charms/hello");
 * State out = ctx.run(Events.configChanged(), State.builder().leader(true).config("port", 9090).build());
 * assertThat(out.unitStatus()).isEqualTo(Status.active("serving on port 9090"));
 * assertThat(out.openedPorts()).containsExactly("9090/tcp");
 * }</pre>
 *
 * <p>Before anything runs, the state and event are checked against the charm's metadata (endpoints,
 * options, resources, relation membership, leadership), and every problem is reported in one {@link
 * InconsistentStateException}. The output state differs from the input only by what the hook
 * committed: relation data, unit state, statuses and ports. The kit never moves the model around
 * the hook: after {@code relation-departed} the departed unit is still in the output state (remove
 * it with {@link RelationState.Builder#withoutRemoteUnit} before the next event).
 *
 * <p>The unit is {@code <charm>/0} on machine {@code 0} (address {@code 127.77.0.1}) unless set
 * with {@link #withUnit}. The machine is shared by the runs of a context and is not transactional:
 * files the charm writes and services it ensures stay, even when the hook fails, as on a real
 * machine. Its root is a fresh directory under {@code java.io.tmpdir}, created when a charm first
 * touches a file and deleted when the JVM exits; give one with {@link #withMachineRoot} (a JUnit
 * {@code @TempDir}) to inspect it.
 *
 * <p>Instances are immutable; the {@code with...} methods return new contexts.
 */
public final class CharmContext {
  private final CharmDefinition charm;
  private final UnitIdentity unit;
  private final InMemorySubstrate substrate;
  private final Machine machine;

  private CharmContext(CharmDefinition charm, UnitIdentity unit, InMemorySubstrate substrate) {
    this.charm = charm;
    this.unit = unit;
    this.substrate = substrate;
    this.machine = substrate.provision(MachineRequest.of(unit.machineId()));
  }

  /** Returns a context for a charm definition, running as unit {@code <charm>/0}. */
  public static CharmContext of(CharmDefinition charm) {
    requireNonNull(charm, "charm");
    return new CharmContext(
        charm,
        new UnitIdentity(charm.name() + "/0", charm.name(), "0", null),
        InMemorySubstrate.in(MachineRoots.fresh()));
  }

  /**
   * Returns a context for a charm class and its metadata (no templates); the class needs a public
   * no-argument constructor, which runs for every hook.
   *
   * @throws IllegalArgumentException when the class is abstract or has no public no-argument
   *     constructor
   */
  public static CharmContext of(Class<? extends Charm> charmClass, CharmMeta meta) {
    requireNonNull(charmClass, "charmClass");
    requireNonNull(meta, "meta");
    Constructor<? extends Charm> constructor;
    try {
      constructor = charmClass.getConstructor();
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(
          "charm class " + charmClass.getName() + " needs a public no-argument constructor", e);
    }
    if (Modifier.isAbstract(charmClass.getModifiers())) {
      throw new IllegalArgumentException(
          "charm class " + charmClass.getName() + " is abstract; give a concrete class");
    }
    return of(
        new CharmDefinition(
            meta, () -> instantiate(constructor), CharmFiles.of(meta.name(), Map.of())));
  }

  /**
   * Returns a context for a charm packaged on the classpath (see {@link
   * CharmDefinition#fromClasspath}), loaded with the thread's context class loader.
   *
   * @throws dev.bosun.charm.CharmLoadException when the charm cannot be loaded
   */
  public static CharmContext fromClasspath(String location) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return fromClasspath(location, loader != null ? loader : CharmContext.class.getClassLoader());
  }

  /**
   * Returns a context for a charm packaged on the classpath of a class loader.
   *
   * @throws dev.bosun.charm.CharmLoadException when the charm cannot be loaded
   */
  public static CharmContext fromClasspath(String location, ClassLoader classLoader) {
    return of(CharmDefinition.fromClasspath(location, classLoader));
  }

  /**
   * Returns a context for a charm directory (see {@link CharmDefinition#fromDirectory(Path)}).
   *
   * @throws dev.bosun.charm.CharmLoadException when the charm cannot be loaded
   */
  public static CharmContext fromDirectory(Path directory) {
    return of(CharmDefinition.fromDirectory(directory));
  }

  /**
   * Returns a context that runs as another unit, for example {@code etcd/2}, on the same machine.
   * The application may differ from the charm's name.
   *
   * @throws IllegalArgumentException when the name is not {@code application/number}
   */
  public CharmContext withUnit(String unitName) {
    requireNonNull(unitName, "unitName");
    String application = Consistency.applicationOf(unitName);
    if (application == null) {
      throw new IllegalArgumentException(
          "\"" + unitName + "\" is not a unit name (application/number), such as etcd/0");
    }
    return new CharmContext(
        charm,
        new UnitIdentity(unitName, application, unit.machineId(), unit.principal()),
        substrate);
  }

  /**
   * Returns a context whose unit is a subordinate of a principal unit, for example {@code
   * kubernetes-worker/0}.
   */
  public CharmContext withPrincipal(String principalUnit) {
    requireNonNull(principalUnit, "principalUnit");
    return new CharmContext(
        charm,
        new UnitIdentity(unit.unitName(), unit.applicationName(), unit.machineId(), principalUnit),
        substrate);
  }

  /**
   * Returns a context whose machine has its root in a directory (created when needed, never deleted
   * by the kit), such as a JUnit {@code @TempDir}.
   */
  public CharmContext withMachineRoot(Path directory) {
    return new CharmContext(charm, unit, InMemorySubstrate.in(requireNonNull(directory)));
  }

  /** Returns the charm. */
  public CharmDefinition charm() {
    return charm;
  }

  /** Returns the unit's name, for example {@code etcd/0}. */
  public String unitName() {
    return unit.unitName();
  }

  /** Returns the unit's machine: its files, as the charm left them. */
  public Machine machine() {
    return machine;
  }

  /** Returns the services the charm ensured on its machine and did not stop, by name. */
  public Map<String, ServiceSpec> services() {
    return substrate.services(machine.id());
  }

  /**
   * Runs a hook and returns the state it committed.
   *
   * @param event the event, built with {@link Events}; not an action (use {@link #runAction})
   * @param state what the unit sees when the hook starts
   * @return {@code state} with the hook's committed changes applied
   * @throws HookFailedException when the charm threw: nothing is committed, the cause is the
   *     charm's exception
   * @throws InconsistentStateException when the state or event could not occur in a model of the
   *     charm, listing every problem; nothing runs
   * @throws IllegalArgumentException for an action event
   */
  public State run(HookEvent event, State state) {
    requireNonNull(event, "event");
    requireNonNull(state, "state");
    if (event instanceof ActionEvent action) {
      throw new IllegalArgumentException(
          "\""
              + action.name()
              + "\" is an action: run it with runAction(event, state), which returns its results");
    }
    ScenarioBackend backend = prepare(event, state, null, List.of());
    HookOutcome outcome = HookRunner.run(backend);
    if (!outcome.succeeded()) {
      throw new HookFailedException(
          unit.unitName(), backend.event().hookName(), state, outcome.failure());
    }
    return Transition.apply(state, outcome.changes());
  }

  /**
   * Runs an action, with its parameters validated against {@code actions.yaml} and the schema's
   * defaults inserted, as {@code juju run} does.
   *
   * @return the action's status, results and log, and the state it committed
   * @throws dev.bosun.model.charm.ActionParametersException when the parameters do not validate:
   *     {@code validation failed: ...}
   * @throws InconsistentStateException when the charm does not define the action, or the state
   *     could not occur; nothing runs
   */
  public ActionOutcome runAction(ActionEvent event, State state) {
    requireNonNull(event, "event");
    requireNonNull(state, "state");
    ActionSpec spec = charm.meta().actions().get(event.name());
    if (spec == null) {
      // Reported with any other problem of the state, as one exception.
      List<Problem> problems = new ArrayList<>();
      problems.add(
          Problem.error(
              null,
              "action \""
                  + event.name()
                  + "\" not defined on unit \""
                  + unit.unitName()
                  + "\"; charm \""
                  + charm.name()
                  + "\" defines "
                  + (charm.meta().actions().isEmpty()
                      ? "no actions"
                      : String.join(", ", charm.meta().actions().keySet()))));
      prepare(event, state, null, problems);
      throw new IllegalStateException("unreachable: prepare throws for an undefined action");
    }
    Map<String, Object> parameters = spec.validate(event.parameters());
    ActionEvent validated = new ActionEvent(event.name(), event.id(), parameters);
    ActionInvocation invocation = new ActionInvocation(event.id(), event.name(), parameters);
    HookOutcome outcome = HookRunner.run(prepare(validated, state, invocation, List.of()));
    String failure = outcome.changes().actionFailure();
    if (!outcome.succeeded()) {
      return new ActionOutcome(
          state,
          ActionStatus.FAILED,
          Map.of(),
          outcome.changes().actionLog(),
          failure == null ? "" : failure,
          outcome.failure());
    }
    return new ActionOutcome(
        Transition.apply(state, outcome.changes()),
        failure == null ? ActionStatus.COMPLETED : ActionStatus.FAILED,
        outcome.changes().actionResults(),
        outcome.changes().actionLog(),
        failure == null ? "" : failure,
        null);
  }

  private ScenarioBackend prepare(
      HookEvent event, State state, ActionInvocation action, List<Problem> extra) {
    HookEvent normalized = withRemoteApplication(event, state);
    Consistency.Result check = Consistency.check(charm.meta(), unit, normalized, state);
    if (!check.problems().isEmpty() || !extra.isEmpty()) {
      List<Problem> problems = new ArrayList<>(extra);
      problems.addAll(check.problems());
      throw new InconsistentStateException(
          "the state and event \""
              + normalized.hookName()
              + "\" cannot occur for unit "
              + unit.unitName()
              + " of charm \""
              + charm.name()
              + "\":",
          problems);
    }
    return new ScenarioBackend(normalized, unit, charm, state, check.config(), machine, action);
  }

  /** Fills in the remote application of a peer relation's event: the unit's own. */
  private HookEvent withRemoteApplication(HookEvent event, State state) {
    if (!(event instanceof RelationEvent relation) || relation.remoteApplication() != null) {
      return event;
    }
    String app = unit.applicationName();
    boolean peer =
        state.relations().stream()
            .anyMatch(candidate -> candidate.id() == relation.relationId() && candidate.peer());
    if (!peer) {
      return event;
    }
    if (relation instanceof RelationCreated created) {
      return new RelationCreated(created.endpoint(), created.relationId(), app);
    } else if (relation instanceof RelationJoined joined) {
      return new RelationJoined(joined.endpoint(), joined.relationId(), app, joined.remoteUnit());
    } else if (relation instanceof RelationChanged changed) {
      return new RelationChanged(
          changed.endpoint(), changed.relationId(), app, changed.remoteUnit());
    } else if (relation instanceof RelationDeparted departed) {
      return new RelationDeparted(
          departed.endpoint(),
          departed.relationId(),
          app,
          departed.remoteUnit(),
          departed.departingUnit());
    } else if (relation instanceof RelationBroken broken) {
      return new RelationBroken(broken.endpoint(), broken.relationId(), app);
    }
    return event;
  }

  private static Charm instantiate(Constructor<? extends Charm> constructor) {
    try {
      return constructor.newInstance();
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("cannot create " + constructor.getDeclaringClass(), cause);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create " + constructor.getDeclaringClass(), e);
    }
  }

  @Override
  public String toString() {
    return "CharmContext[" + charm.name() + " as " + unit.unitName() + "]";
  }
}
