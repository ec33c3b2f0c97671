package dev.bosun.model.plan;

import static java.util.Objects.requireNonNull;

import dev.bosun.model.internal.plan.NaturalOrder;
import dev.bosun.model.internal.plan.PlanApplier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * What runs in a model now: the planner's input. The runtime produces one from its store; tests and
 * the CLI's dry run build one with {@link #builder()} or simulate one with {@link #apply(Plan)}.
 *
 * <pre>{@code
 * ModelState state = ModelState.builder()
 *     .application("etcd", app -> app.charm("etcd").unit("etcd/0", "0"))
 *     .machine("0")
 *     .build();
 * Plan plan = Planner.plan(desired, state);
 * ModelState after = state.apply(plan);
 * }</pre>
 *
 * <p>Machine ids and unit numbers are never reused, as in Juju: the {@code sequences} hold the next
 * number of each counter under Juju's keys ({@code machine}, {@code machine-<parent>/<type>} for
 * containers, {@code application-<name>} for units). A counter is never below one more than the
 * highest number in use, whatever the builder was given, so a state built from its contents alone
 * continues numbering after them.
 *
 * <p>Immutable; maps are sorted (applications by name, machines in natural order), relations are
 * kept once each in canonical order, so equal content gives equal states.
 *
 * @param applications the applications, by name
 * @param machines the machines (including containers), by id
 * @param relations the relations
 * @param offers the consumed offers (SAAS applications), name to offer URL
 * @param bundleMachines which model machine realises which bundle machine (bundle machine id to
 *     model machine id), as recorded when a plan created them; the planner uses these before
 *     inferring the rest from placement, as Juju infers them all
 * @param sequences the next number of each counter, by Juju's sequence key
 */
public record ModelState(
    Map<String, ApplicationState> applications,
    Map<String, MachineState> machines,
    List<RelationState> relations,
    Map<String, String> offers,
    Map<String, String> bundleMachines,
    Map<String, Integer> sequences) {

  /** The sequence key of top-level machine numbers. */
  public static final String MACHINE_SEQUENCE = "machine";

  /** An empty model. */
  public static final ModelState EMPTY =
      new ModelState(Map.of(), Map.of(), List.of(), Map.of(), Map.of(), Map.of());

  private static final Comparator<RelationState> RELATION_ORDER =
      Comparator.comparing((RelationState r) -> r.first().toString())
          .thenComparing(r -> r.second().toString());

  /**
   * Checks the components, makes sorted immutable copies, and raises every sequence to at least one
   * more than the highest number in use.
   *
   * @throws IllegalArgumentException when a map key disagrees with the name or id of its value
   */
  public ModelState {
    Map<String, ApplicationState> appCopy = new TreeMap<>();
    applications.forEach(
        (name, app) -> {
          if (!name.equals(app.name())) {
            throw new IllegalArgumentException("application " + app.name() + " under key " + name);
          }
          appCopy.put(name, app);
        });
    applications = Collections.unmodifiableMap(appCopy);
    Map<String, MachineState> machineCopy = new TreeMap<>(NaturalOrder.INSTANCE);
    machines.forEach(
        (id, machine) -> {
          if (!id.equals(machine.id())) {
            throw new IllegalArgumentException("machine " + machine.id() + " under key " + id);
          }
          machineCopy.put(id, machine);
        });
    machines = Collections.unmodifiableMap(machineCopy);
    TreeSet<RelationState> relationSet = new TreeSet<>(RELATION_ORDER);
    relationSet.addAll(relations);
    relations = List.copyOf(relationSet);
    offers = Collections.unmodifiableMap(new TreeMap<>(offers));
    Map<String, String> bundleMachineCopy = new TreeMap<>(NaturalOrder.INSTANCE);
    bundleMachineCopy.putAll(bundleMachines);
    bundleMachines = Collections.unmodifiableMap(bundleMachineCopy);
    sequences = Collections.unmodifiableMap(effectiveSequences(sequences, appCopy, machineCopy));
  }

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder that starts from this state's content. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.applications.putAll(applications);
    builder.machines.putAll(machines);
    builder.relations.addAll(relations);
    builder.offers.putAll(offers);
    builder.bundleMachines.putAll(bundleMachines);
    builder.sequences.putAll(sequences);
    return builder;
  }

  /** Returns the application of that name, if it runs in the model. */
  public Optional<ApplicationState> application(String name) {
    return Optional.ofNullable(applications.get(name));
  }

  /** Returns the machine of that id, if it exists. */
  public Optional<MachineState> machine(String id) {
    return Optional.ofNullable(machines.get(id));
  }

  /** Returns the number the next new top-level machine gets. */
  public int nextMachineNumber() {
    return sequences.getOrDefault(MACHINE_SEQUENCE, 0);
  }

  /** Returns the number the next container of that type on that machine gets. */
  public int nextContainerNumber(String parentId, String containerType) {
    return sequences.getOrDefault(containerSequence(parentId, containerType), 0);
  }

  /** Returns the number the next unit of that application gets. */
  public int nextUnitNumber(String application) {
    return sequences.getOrDefault(unitSequence(application), 0);
  }

  /** Returns the sequence key of containers of a type on a machine: {@code machine-0/lxd}. */
  public static String containerSequence(String parentId, String containerType) {
    return "machine-" + parentId + "/" + containerType;
  }

  /** Returns the sequence key of an application's units: {@code application-etcd}. */
  public static String unitSequence(String application) {
    return "application-" + application;
  }

  /**
   * Returns the state after the plan's changes: a pure simulation of what applying the plan does
   * (charms deployed, machines and containers created with the ids the plan predicted, units
   * placed, relations added, settings changed). The plan must have been computed against this
   * state.
   *
   * @param plan a plan from {@link Planner#plan(dev.bosun.model.spec.ModelSpec, ModelState)} with
   *     this state as the current state
   * @return the new state; this state is unchanged
   * @throws PlanException when a change refers to an application or machine the state lacks
   */
  public ModelState apply(Plan plan) {
    return PlanApplier.apply(this, plan);
  }

  private static Map<String, Integer> effectiveSequences(
      Map<String, Integer> given,
      Map<String, ApplicationState> applications,
      Map<String, MachineState> machines) {
    Map<String, Integer> result = new HashMap<>(given);
    for (ApplicationState app : applications.values()) {
      for (Map.Entry<String, String> unit : app.units().entrySet()) {
        raise(result, unitSequence(app.name()), ApplicationState.unitNumber(unit.getKey()));
        if (unit.getValue() != null && MachineState.isValidId(unit.getValue())) {
          raiseMachine(result, unit.getValue());
        }
      }
    }
    for (String id : machines.keySet()) {
      raiseMachine(result, id);
    }
    return new TreeMap<>(result);
  }

  private static void raiseMachine(Map<String, Integer> sequences, String id) {
    String[] parts = id.split("/");
    raise(sequences, MACHINE_SEQUENCE, Long.parseLong(parts[0]));
    StringBuilder parent = new StringBuilder(parts[0]);
    for (int i = 1; i + 1 < parts.length; i += 2) {
      raise(
          sequences, containerSequence(parent.toString(), parts[i]), Long.parseLong(parts[i + 1]));
      parent.append('/').append(parts[i]).append('/').append(parts[i + 1]);
    }
  }

  private static void raise(Map<String, Integer> sequences, String key, long used) {
    if (used >= 0 && sequences.getOrDefault(key, 0) <= used) {
      sequences.put(key, Math.toIntExact(used + 1));
    }
  }

  /** Builds a {@link ModelState}. */
  public static final class Builder {
    private final Map<String, ApplicationState> applications = new TreeMap<>();
    private final Map<String, MachineState> machines = new TreeMap<>();
    private final List<RelationState> relations = new ArrayList<>();
    private final Map<String, String> offers = new TreeMap<>();
    private final Map<String, String> bundleMachines = new TreeMap<>();
    private final Map<String, Integer> sequences = new TreeMap<>();

    private Builder() {}

    /** Adds or replaces an application. */
    public Builder application(ApplicationState application) {
      applications.put(application.name(), application);
      return this;
    }

    /**
     * Adds or replaces an application configured by {@code configure}, which receives a builder
     * holding the application's current values (or a new one whose charm is named like it).
     */
    public Builder application(String name, Consumer<ApplicationState.Builder> configure) {
      ApplicationState.Builder builder =
          applications.containsKey(name)
              ? applications.get(name).toBuilder()
              : ApplicationState.builder(name);
      configure.accept(builder);
      return application(builder.build());
    }

    /** Removes an application and its relations. */
    public Builder removeApplication(String name) {
      applications.remove(name);
      relations.removeIf(relation -> relation.involves(name));
      return this;
    }

    /** Adds or replaces a machine. */
    public Builder machine(MachineState machine) {
      machines.put(machine.id(), machine);
      return this;
    }

    /**
     * Adds a machine that has nothing else known.
     *
     * @throws IllegalArgumentException when the id is not a machine id
     */
    public Builder machine(String id) {
      return machine(MachineState.of(id));
    }

    /** Adds a relation, for example {@code relate("etcd:db", "flannel:etcd")}. */
    public Builder relate(String first, String second) {
      return relation(RelationState.of(first, second));
    }

    /** Adds a relation. */
    public Builder relation(RelationState relation) {
      relations.add(requireNonNull(relation, "relation"));
      return this;
    }

    /** Records a consumed offer (SAAS application). */
    public Builder offer(String name, String url) {
      offers.put(requireNonNull(name, "name"), requireNonNull(url, "url"));
      return this;
    }

    /** Records that a model machine realises a bundle machine. */
    public Builder bundleMachine(String bundleMachineId, String machineId) {
      bundleMachines.put(
          requireNonNull(bundleMachineId, "bundleMachineId"),
          requireNonNull(machineId, "machineId"));
      return this;
    }

    /**
     * Sets the next number of a sequence, for example {@code sequence("machine", 7)} when machines
     * up to 6 once existed. Values below what the content uses are raised.
     */
    public Builder sequence(String key, int next) {
      sequences.put(requireNonNull(key, "key"), next);
      return this;
    }

    /** Returns the state. */
    public ModelState build() {
      return new ModelState(applications, machines, relations, offers, bundleMachines, sequences);
    }
  }
}
