package dev.bosun.runtime.internal.engine;

import static java.util.Objects.requireNonNull;

import dev.bosun.charm.CharmDefinition;
import dev.bosun.model.Problem;
import dev.bosun.model.charm.ActionSpec;
import dev.bosun.model.charm.CharmMeta;
import dev.bosun.model.charm.CharmReferences;
import dev.bosun.model.charm.CharmRepository;
import dev.bosun.model.charm.ConfigSchema;
import dev.bosun.model.charm.Endpoint;
import dev.bosun.model.graph.Relation;
import dev.bosun.model.graph.RelationEndpoint;
import dev.bosun.model.graph.RelationGraph;
import dev.bosun.model.internal.GoFormat;
import dev.bosun.model.plan.AddApplicationChange;
import dev.bosun.model.plan.AddCharmChange;
import dev.bosun.model.plan.AddMachineChange;
import dev.bosun.model.plan.AddRelationChange;
import dev.bosun.model.plan.AddUnitChange;
import dev.bosun.model.plan.ApplicationState;
import dev.bosun.model.plan.Change;
import dev.bosun.model.plan.ExposeChange;
import dev.bosun.model.plan.MachineState;
import dev.bosun.model.plan.ModelState;
import dev.bosun.model.plan.Plan;
import dev.bosun.model.plan.Planner;
import dev.bosun.model.plan.RelationState;
import dev.bosun.model.plan.SetAnnotationsChange;
import dev.bosun.model.plan.SetConstraintsChange;
import dev.bosun.model.plan.SetOptionsChange;
import dev.bosun.model.plan.UpgradeCharmChange;
import dev.bosun.model.spec.ApplicationSpec;
import dev.bosun.model.spec.EndpointRef;
import dev.bosun.model.spec.ModelSpec;
import dev.bosun.model.spec.ModelSpecException;
import dev.bosun.model.spec.Placement;
import dev.bosun.runtime.ActionResult;
import dev.bosun.runtime.HookRecord;
import dev.bosun.runtime.ModelStatus;
import dev.bosun.runtime.NotFoundException;
import dev.bosun.runtime.OperationException;
import dev.bosun.runtime.RelationStatus;
import dev.bosun.runtime.ResolveMode;
import dev.bosun.runtime.SettleResult;
import dev.bosun.runtime.StatusHistoryEntry;
import dev.bosun.runtime.StatusInfo;
import dev.bosun.runtime.UnitNotInErrorException;
import dev.bosun.runtime.internal.persist.Documents;
import dev.bosun.runtime.internal.persist.Journal;
import dev.bosun.runtime.internal.persist.Keys;
import dev.bosun.runtime.store.KeyValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The operations the runtime offers (the controller side of Juju): apply a model, add and remove
 * units, applications and relations, change configuration, refresh charms, run actions, resolve
 * errors, and read status, history and the hook log. Each operation changes the model under the
 * engine's lock and commits it in one transaction; the affected agents are scheduled.
 */
public final class Controller {
  private final Engine engine;

  /** Creates a controller over an engine. */
  public Controller(Engine engine) {
    this.engine = engine;
  }

  /** Returns the engine. */
  public Engine engine() {
    return engine;
  }

  private CharmRepository repository() {
    return reference -> charm(reference).map(CharmDefinition::meta);
  }

  private Optional<CharmDefinition> charm(String reference) {
    return engine.charms.apply(reference);
  }

  private void checkOpen() {
    if (engine.closed) {
      throw new OperationException("runtime", "the runtime is closed");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Applying a model

  /**
   * Records a desired model: removes what it no longer has (applications, relations, units beyond
   * {@code num_units}, highest numbers first), then applies the planner's changes. Returns the
   * plan.
   */
  public Plan apply(ModelSpec spec) {
    requireNonNull(spec, "spec");
    CharmRepository repository = repository();
    List<Problem> problems = spec.validate(repository);
    if (problems.stream().anyMatch(Problem::isError)) {
      throw new ModelSpecException(problems);
    }
    if (spec.isKubernetes()) {
      throw new OperationException(
          "model", "Kubernetes models are not supported by this runtime; use a machine model");
    }
    RelationGraph graph = RelationGraph.resolve(spec, repository);
    engine.lock.lock();
    try {
      checkOpen();
      Removals removals = removalsOf(spec, graph);
      Plan plan = Planner.plan(spec, exportState(removals));
      preflight(plan, removals);
      Commit commit = new Commit();
      remove(removals, commit);
      for (Change change : plan.changes()) {
        applyChange(change, commit);
      }
      engine.putMeta(commit);
      engine.commit(commit);
      return plan;
    } finally {
      engine.lock.unlock();
    }
  }

  /** What applying a model removes: applications, relations, units. */
  private record Removals(Set<AppNode> apps, Set<RelationNode> relations, Set<UnitNode> units) {
    static final Removals NONE = new Removals(Set.of(), Set.of(), Set.of());

    boolean removes(AppNode app) {
      return apps.contains(app);
    }

    boolean removes(RelationNode relation) {
      return relations.contains(relation)
          || relation.relation.endpoints().stream()
              .anyMatch(
                  endpoint -> apps.stream().anyMatch(a -> a.name.equals(endpoint.application())));
    }

    boolean removes(UnitNode unit) {
      return units.contains(unit) || apps.contains(unit.app);
    }
  }

  private Removals removalsOf(ModelSpec spec, RelationGraph graph) {
    Set<AppNode> apps = new HashSet<>();
    for (AppNode app : engine.apps.values()) {
      if (app.life == Life.ALIVE && !spec.applications().containsKey(app.name)) {
        apps.add(app);
      }
    }
    Set<String> keys = new HashSet<>();
    for (Relation relation : graph.relations()) {
      keys.add(relation.key());
    }
    Set<RelationNode> relations = new HashSet<>();
    for (RelationNode relation : engine.relations.values()) {
      if (relation.life == Life.ALIVE && !relation.isPeer() && !keys.contains(relation.key)) {
        relations.add(relation);
      }
    }
    Set<UnitNode> units = new HashSet<>();
    for (ApplicationSpec desired : spec.applications().values()) {
      AppNode app = engine.apps.get(desired.name());
      if (app == null || app.life != Life.ALIVE || app.subordinate()) {
        continue;
      }
      List<UnitNode> alive = new ArrayList<>();
      for (UnitNode unit : app.units.values()) {
        if (unit.life == Life.ALIVE) {
          alive.add(unit);
        }
      }
      for (int i = alive.size() - 1; i >= desired.numUnits(); i--) {
        units.add(alive.get(i));
      }
    }
    return new Removals(apps, relations, units);
  }

  private void remove(Removals removals, Commit commit) {
    for (AppNode app : removals.apps()) {
      engine.destroyApplication(app, commit);
    }
    for (RelationNode relation : removals.relations()) {
      engine.destroyRelation(relation, commit);
    }
    for (UnitNode unit : removals.units()) {
      engine.destroyUnit(unit, commit);
    }
  }

  /**
   * Checks what could refuse a plan's changes before any of them is applied, so that a refused
   * apply changes nothing.
   */
  private void preflight(Plan plan, Removals removals) {
    for (Change change : plan.changes()) {
      if (change instanceof AddApplicationChange deploy
          && engine.apps.containsKey(deploy.application())) {
        throw new OperationException(
            deploy.application(),
            "cannot deploy application "
                + GoFormat.quote(deploy.application())
                + ": the application is being removed; apply again once it is gone");
      } else if (change instanceof UpgradeCharmChange upgrade) {
        checkRefresh(
            application(upgrade.application()), charmFor(upgrade.charmReference()), removals);
      } else if (!(change instanceof AddCharmChange
          || change instanceof AddApplicationChange
          || change instanceof AddMachineChange
          || change instanceof AddRelationChange
          || change instanceof AddUnitChange
          || change instanceof ExposeChange
          || change instanceof SetOptionsChange
          || change instanceof SetConstraintsChange
          || change instanceof SetAnnotationsChange)) {
        throw new OperationException(
            change.id(),
            "this runtime cannot apply " + change.method() + ": " + change.description());
      }
    }
  }

  /** Returns the model as the planner sees it: live applications, units, machines, relations. */
  public ModelState exportState() {
    return exportState(Removals.NONE);
  }

  private ModelState exportState(Removals removals) {
    engine.lock.lock();
    try {
      ModelState.Builder state = ModelState.builder();
      for (AppNode app : engine.apps.values()) {
        if (app.life != Life.ALIVE || removals.removes(app)) {
          continue;
        }
        ApplicationState.Builder builder =
            ApplicationState.builder(app.name)
                .charm(app.charmRef)
                .revision(app.revision)
                .channel(app.channel)
                .options(app.config)
                .constraints(app.constraints)
                .exposed(app.exposed)
                .annotations(app.annotations)
                .trust(app.trust)
                .subordinate(app.subordinate());
        if (app.base != null && app.base.contains("@")) {
          builder.base(app.base);
        } else {
          builder.series(app.base);
        }
        for (UnitNode unit : app.units.values()) {
          if (unit.life == Life.ALIVE && !removals.removes(unit)) {
            builder.unit(unit.name, unit.machine.id);
          }
        }
        state.application(builder.build());
      }
      for (MachineNode machine : engine.machines.values()) {
        state.machine(
            MachineState.builder(machine.id)
                .constraints(machine.constraints)
                .base(machine.base)
                .series(machine.series)
                .build());
      }
      for (RelationNode relation : engine.relations.values()) {
        if (relation.life != Life.ALIVE || relation.isPeer() || removals.removes(relation)) {
          continue;
        }
        List<RelationEndpoint> endpoints = relation.relation.endpoints();
        state.relation(
            new RelationState(
                new EndpointRef(endpoints.get(0).application(), endpoints.get(0).name()),
                new EndpointRef(endpoints.get(1).application(), endpoints.get(1).name())));
      }
      engine.bundleMachines.forEach(state::bundleMachine);
      engine.sequences.forEach(state::sequence);
      return state.build();
    } finally {
      engine.lock.unlock();
    }
  }

  private void applyChange(Change change, Commit commit) {
    if (change instanceof AddCharmChange addCharm) {
      charmFor(addCharm.charm());
    } else if (change instanceof AddApplicationChange deploy) {
      deploy(deploy, commit);
    } else if (change instanceof AddMachineChange machine) {
      if (machine.containerType() == null) {
        engine.ensureMachine(
            machine.machineId(), machine.constraints(), machine.base(), null, commit);
        if (machine.bundleMachineId() != null) {
          engine.bundleMachines.put(machine.bundleMachineId(), machine.machineId());
        }
      } else {
        engine.ensureMachine(
            machine.containerId(), machine.constraints(), machine.base(), null, commit);
      }
    } else if (change instanceof AddRelationChange relation) {
      Relation resolved =
          RelationGraph.infer(
              relation.applicationEndpoint1(), relation.applicationEndpoint2(), this::metaOf);
      if (findRelation(resolved.key()) == null) {
        engine.createRelation(resolved, commit);
      }
    } else if (change instanceof AddUnitChange unit) {
      AppNode app = application(unit.applicationName());
      String machineId = unit.machine().isEmpty() ? nextMachineId() : unit.machine();
      MachineNode machine =
          engine.ensureMachine(machineId, app.constraints, app.base, null, commit);
      int number =
          Integer.parseInt(unit.unitName().substring(unit.unitName().lastIndexOf('/') + 1));
      engine.createUnit(app, number, machine, null, commit);
    } else if (change instanceof ExposeChange expose) {
      AppNode app = application(expose.applicationName());
      app.exposed = true;
      commit.put(Keys.application(app.name), app.document());
    } else if (change instanceof SetOptionsChange options) {
      AppNode app = application(options.application());
      setConfig(app, options.options(), List.of(), commit);
    } else if (change instanceof SetConstraintsChange constraints) {
      AppNode app = application(constraints.application());
      app.constraints = constraints.constraints();
      commit.put(Keys.application(app.name), app.document());
    } else if (change instanceof SetAnnotationsChange annotations) {
      if (annotations.entityType() == SetAnnotationsChange.EntityType.APPLICATION) {
        AppNode app = application(annotations.entityName());
        Map<String, String> merged = new TreeMap<>(app.annotations);
        merged.putAll(annotations.annotations());
        app.annotations = Collections.unmodifiableMap(merged);
        commit.put(Keys.application(app.name), app.document());
      }
    } else if (change instanceof UpgradeCharmChange upgrade) {
      AppNode app = application(upgrade.application());
      refresh(app, charmFor(upgrade.charmReference()), commit);
      app.charmRef = upgrade.charmReference();
      app.revision = upgrade.revision();
      app.channel = upgrade.channel();
      commit.put(Keys.application(app.name), app.document());
    } else {
      throw new OperationException(
          change.id(),
          "this runtime cannot apply " + change.method() + ": " + change.description());
    }
  }

  private void deploy(AddApplicationChange deploy, Commit commit) {
    AppNode existing = engine.apps.get(deploy.application());
    if (existing != null) {
      throw new OperationException(
          deploy.application(),
          "cannot deploy application "
              + GoFormat.quote(deploy.application())
              + ": the application is being removed; apply again once it is gone");
    }
    CharmDefinition charm = charmFor(deploy.charmReference());
    AppNode app = new AppNode(deploy.application());
    app.charmRef = deploy.charmReference();
    app.revision = deploy.revision();
    app.channel = deploy.channel();
    app.base = deploy.base();
    app.charm = charm;
    app.constraints = deploy.constraints();
    app.trust = deploy.trust();
    engine.apps.put(app.name, app);
    app.config = validatedConfig(charm.meta().config(), Map.of(), deploy.options(), List.of());
    app.configHash = ConfigHash.of(app.config);
    commit.put(Keys.application(app.name), app.document());
    for (Endpoint peer : charm.meta().peers().values()) {
      engine.createRelation(Relation.peer(new RelationEndpoint(app.name, peer)), commit);
    }
  }

  private String nextMachineId() {
    return Integer.toString(engine.sequences.getOrDefault(ModelState.MACHINE_SEQUENCE, 0));
  }

  private Optional<CharmMeta> metaOf(String application) {
    AppNode app = engine.apps.get(application);
    return app == null || app.life != Life.ALIVE ? Optional.empty() : Optional.of(app.charm.meta());
  }

  private CharmDefinition charmFor(String reference) {
    return charm(reference)
        .orElseThrow(
            () ->
                new OperationException(
                    reference,
                    "charm "
                        + GoFormat.quote(CharmReferences.charmName(reference))
                        + " is not among the runtime's charms"));
  }

  // ---------------------------------------------------------------------------------------------
  // Units

  /**
   * Adds units: each placement directive places one unit (a machine number: that existing machine;
   * {@code lxd:3}: a new container on machine 3; {@code lxd}: a container on a new machine; {@code
   * app/N}: the machine of that unit; {@code new}: a new machine); the rest go to new machines.
   */
  public List<String> addUnits(String application, int count, List<Placement> placements) {
    requireNonNull(placements, "placements");
    if (count < 1) {
      throw new IllegalArgumentException("add at least one unit, not " + count);
    }
    engine.lock.lock();
    try {
      checkOpen();
      AppNode app = liveApplication(application);
      if (app.subordinate()) {
        throw new OperationException(
            app.name,
            "cannot add units to subordinate application "
                + GoFormat.quote(app.name)
                + ": its units come with the principals it is related to");
      }
      for (Placement placement : placements) {
        checkPlacement(placement);
      }
      Commit commit = new Commit();
      List<String> added = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        Placement placement = i < placements.size() ? placements.get(i) : Placement.NEW_MACHINE;
        MachineNode machine = place(app, placement, commit);
        int number = engine.nextSequence(ModelState.unitSequence(app.name));
        added.add(engine.createUnit(app, number, machine, null, commit).name);
      }
      engine.commit(commit);
      return added;
    } finally {
      engine.lock.unlock();
    }
  }

  private void checkPlacement(Placement placement) {
    if (placement.isApplication()) {
      if (placement.unit() < 0) {
        throw new OperationException(
            placement.toString(),
            "placement " + GoFormat.quote(placement.toString()) + " must name a unit (app/N)");
      }
      String unit = placement.application() + "/" + placement.unit();
      if (!engine.units.containsKey(unit)) {
        throw new NotFoundException("unit", unit);
      }
    } else if (placement.isMachineNumber() && !engine.machines.containsKey(placement.machine())) {
      throw new NotFoundException("machine", placement.machine());
    }
  }

  private MachineNode place(AppNode app, Placement placement, Commit commit) {
    String host;
    if (placement.isApplication()) {
      if (placement.unit() < 0) {
        throw new OperationException(
            placement.toString(),
            "placement " + GoFormat.quote(placement.toString()) + " must name a unit (app/N)");
      }
      UnitNode unit = engine.units.get(placement.application() + "/" + placement.unit());
      if (unit == null) {
        throw new NotFoundException("unit", placement.application() + "/" + placement.unit());
      }
      host = unit.machine.id;
    } else if (placement.isMachineNumber()) {
      if (!engine.machines.containsKey(placement.machine())) {
        throw new NotFoundException("machine", placement.machine());
      }
      host = placement.machine();
    } else {
      host = null;
    }
    if (placement.containerType() == null) {
      if (host != null) {
        return engine.machines.get(host);
      }
      return engine.ensureMachine(nextMachineId(), app.constraints, app.base, null, commit);
    }
    if (host == null) {
      host = engine.ensureMachine(nextMachineId(), app.constraints, app.base, null, commit).id;
    }
    int number =
        engine.sequences.getOrDefault(
            ModelState.containerSequence(host, placement.containerType()), 0);
    return engine.ensureMachine(
        host + "/" + placement.containerType() + "/" + number,
        app.constraints,
        app.base,
        null,
        commit);
  }

  /** Removes units: each goes dying and tears itself down; its subordinates go with it. */
  public void removeUnits(Collection<String> names) {
    engine.lock.lock();
    try {
      checkOpen();
      List<UnitNode> units = new ArrayList<>();
      for (String name : names) {
        UnitNode unit = unit(name);
        if (unit.principal != null) {
          throw new OperationException(
              name,
              "unit "
                  + GoFormat.quote(name)
                  + " is a subordinate: remove the relation to its principal instead");
        }
        units.add(unit);
      }
      Commit commit = new Commit();
      units.forEach(unit -> engine.destroyUnit(unit, commit));
      engine.commit(commit);
    } finally {
      engine.lock.unlock();
    }
  }

  /** Removes an application: its units, then the application and its relations. */
  public void removeApplication(String application) {
    engine.lock.lock();
    try {
      checkOpen();
      AppNode app = liveApplication(application);
      Commit commit = new Commit();
      engine.destroyApplication(app, commit);
      engine.commit(commit);
    } finally {
      engine.lock.unlock();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Configuration, expose, refresh

  /** Sets configuration values (null resets a key to the charm's default). */
  public void setConfig(String application, Map<String, ?> values) {
    requireNonNull(values, "values");
    engine.lock.lock();
    try {
      checkOpen();
      AppNode app = liveApplication(application);
      Commit commit = new Commit();
      setConfig(app, values, List.of(), commit);
      engine.commit(commit);
    } finally {
      engine.lock.unlock();
    }
  }

  /** Resets configuration keys to the charm's defaults. */
  public void resetConfig(String application, Collection<String> keys) {
    requireNonNull(keys, "keys");
    engine.lock.lock();
    try {
      checkOpen();
      AppNode app = liveApplication(application);
      Commit commit = new Commit();
      setConfig(app, Map.of(), keys, commit);
      engine.commit(commit);
    } finally {
      engine.lock.unlock();
    }
  }

  private void setConfig(
      AppNode app, Map<String, ?> values, Collection<String> reset, Commit commit) {
    Map<String, Object> config =
        validatedConfig(app.charm.meta().config(), app.config, values, reset);
    if (config.equals(app.config)) {
      return;
    }
    app.config = config;
    app.configHash = ConfigHash.of(config);
    commit.put(Keys.application(app.name), app.document());
    engine.scheduleAll(app);
  }

  private static Map<String, Object> validatedConfig(
      ConfigSchema schema,
      Map<String, Object> current,
      Map<String, ?> values,
      Collection<String> reset) {
    Map<String, Object> config = new TreeMap<>(current);
    for (String key : reset) {
      schema.validate(key, null);
      config.remove(key);
    }
    for (Map.Entry<String, ?> entry : values.entrySet()) {
      Object value = schema.validate(entry.getKey(), entry.getValue());
      if (value == null) {
        config.remove(entry.getKey());
      } else {
        config.put(entry.getKey(), ApplicationSpec.normaliseOptionValue(value));
      }
    }
    return Collections.unmodifiableMap(config);
  }

  /** Exposes or unexposes an application. */
  public void expose(String application, boolean exposed) {
    engine.lock.lock();
    try {
      checkOpen();
      AppNode app = liveApplication(application);
      if (app.exposed == exposed) {
        return;
      }
      app.exposed = exposed;
      Commit commit = new Commit();
      commit.put(Keys.application(app.name), app.document());
      engine.commit(commit);
    } finally {
      engine.lock.unlock();
    }
  }

  /**
   * Refreshes an application to a charm: every unit runs upgrade-charm then config-changed; peer
   * relations of new peer endpoints are created.
   */
  public void refresh(String application, CharmDefinition charm) {
    requireNonNull(charm, "charm");
    engine.lock.lock();
    try {
      checkOpen();
      AppNode app = liveApplication(application);
      Commit commit = new Commit();
      refresh(app, charm, commit);
      if (!app.charm.name().equals(CharmReferences.charmName(app.charmRef))) {
        app.charmRef = charm.name();
      }
      commit.put(Keys.application(app.name), app.document());
      engine.commit(commit);
    } finally {
      engine.lock.unlock();
    }
  }

  private void refresh(AppNode app, CharmDefinition charm, Commit commit) {
    checkRefresh(app, charm, Removals.NONE);
    app.charm = charm;
    app.charmVersion++;
    Map<String, Object> config = new TreeMap<>();
    app.config.forEach(
        (key, value) -> {
          if (charm.meta().config().option(key).isPresent()) {
            try {
              config.put(key, charm.meta().config().validate(key, value));
            } catch (RuntimeException e) {
              // A value the new charm does not accept is dropped, as Juju drops unknown options.
            }
          }
        });
    app.config = Collections.unmodifiableMap(config);
    app.configHash = ConfigHash.of(app.config);
    for (Endpoint peer : charm.meta().peers().values()) {
      boolean exists = false;
      for (RelationNode relation : app.relations) {
        if (relation.isPeer() && relation.endpointOf(app.name).name().equals(peer.name())) {
          exists = true;
        }
      }
      if (!exists) {
        engine.createRelation(Relation.peer(new RelationEndpoint(app.name, peer)), commit);
      }
    }
    commit.put(Keys.application(app.name), app.document());
    engine.scheduleAll(app);
  }

  /** Refuses a refresh that would change subordinate status or break a relation. */
  private void checkRefresh(AppNode app, CharmDefinition charm, Removals removals) {
    String refused =
        "cannot upgrade application "
            + GoFormat.quote(app.name)
            + " to charm "
            + GoFormat.quote(charm.name())
            + ": ";
    if (charm.meta().subordinate() != app.subordinate()) {
      throw new OperationException(
          app.name, refused + "cannot change a charm's subordinate status");
    }
    for (RelationNode relation : app.relations) {
      if (relation.life != Life.ALIVE || removals.removes(relation)) {
        continue;
      }
      RelationEndpoint used = relation.endpointOf(app.name);
      if (used.endpoint().isImplicit()) {
        continue;
      }
      Optional<Endpoint> declared = charm.meta().endpoint(used.name());
      if (declared.isEmpty()
          || declared.get().role() != used.role()
          || !declared.get().interfaceName().equals(used.endpoint().interfaceName())) {
        throw new OperationException(
            app.name, refused + "would break relation " + GoFormat.quote(relation.key));
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Relations

  /** Relates two applications, inferring endpoints as {@code juju integrate} does. */
  public RelationStatus integrate(String first, String second) {
    EndpointRef one = EndpointRef.parse(requireNonNull(first, "first"));
    EndpointRef two = EndpointRef.parse(requireNonNull(second, "second"));
    engine.lock.lock();
    try {
      checkOpen();
      liveApplication(one.application());
      liveApplication(two.application());
      Relation relation = RelationGraph.infer(one, two, this::metaOf);
      String refused = "cannot add relation " + GoFormat.quote(relation.key()) + ": ";
      RelationNode existing = findRelation(relation.key());
      if (existing != null) {
        throw new OperationException(
            relation.key(),
            refused
                + (existing.life == Life.ALIVE
                    ? "relation " + relation.key() + " already exists"
                    : "relation " + relation.key() + " is dying, but not yet removed"));
      }
      if (relation.isContainerScoped()) {
        boolean subordinate = false;
        for (RelationEndpoint endpoint : relation.endpoints()) {
          subordinate |= engine.apps.get(endpoint.application()).subordinate();
        }
        if (!subordinate) {
          throw new OperationException(
              relation.key(),
              refused + "container scoped relation requires at least one subordinate application");
        }
      }
      for (RelationEndpoint endpoint : relation.endpoints()) {
        int limit = endpoint.endpoint().limit();
        if (limit <= 0) {
          continue;
        }
        int count = 0;
        for (RelationNode other : engine.apps.get(endpoint.application()).relations) {
          if (other.life == Life.ALIVE
              && other.endpointOf(endpoint.application()).name().equals(endpoint.name())) {
            count++;
          }
        }
        if (count >= limit) {
          throw new OperationException(
              relation.key(),
              refused
                  + "establishing a new relation for "
                  + endpoint
                  + " would exceed its maximum relation limit of "
                  + limit);
        }
      }
      Commit commit = new Commit();
      RelationNode node = engine.createRelation(relation, commit);
      engine.commit(commit);
      return StatusView.relationStatus(node);
    } finally {
      engine.lock.unlock();
    }
  }

  private RelationNode findRelation(String key) {
    for (RelationNode relation : engine.relations.values()) {
      if (relation.key.equals(key)) {
        return relation;
      }
    }
    return null;
  }

  /** Removes the relation between two sides ({@code app} or {@code app:endpoint}). */
  public void removeRelation(String first, String second) {
    EndpointRef one = EndpointRef.parse(requireNonNull(first, "first"));
    EndpointRef two = EndpointRef.parse(requireNonNull(second, "second"));
    engine.lock.lock();
    try {
      checkOpen();
      List<RelationNode> matches = new ArrayList<>();
      for (RelationNode relation : engine.relations.values()) {
        if (relation.life == Life.ALIVE
            && !relation.isPeer()
            && (matches(relation, one) && matches(relation, two))
            && !one.application().equals(two.application())) {
          matches.add(relation);
        }
      }
      if (matches.isEmpty()) {
        throw new NotFoundException("relation", one + " " + two);
      }
      if (matches.size() > 1) {
        throw new OperationException(
            one + " " + two,
            "ambiguous relation: "
                + GoFormat.quote(one + " " + two)
                + " could refer to "
                + String.join(
                    "; ", matches.stream().map(r -> GoFormat.quote(r.key)).sorted().toList()));
      }
      Commit commit = new Commit();
      engine.destroyRelation(matches.get(0), commit);
      engine.commit(commit);
    } finally {
      engine.lock.unlock();
    }
  }

  /** Removes a relation by id. */
  public void removeRelation(int id) {
    engine.lock.lock();
    try {
      checkOpen();
      RelationNode relation = engine.relations.get(id);
      if (relation == null || relation.life != Life.ALIVE) {
        throw new NotFoundException("relation", Integer.toString(id));
      }
      if (relation.isPeer()) {
        throw new OperationException(
            relation.key, "cannot remove peer relation " + GoFormat.quote(relation.key));
      }
      Commit commit = new Commit();
      engine.destroyRelation(relation, commit);
      engine.commit(commit);
    } finally {
      engine.lock.unlock();
    }
  }

  private static boolean matches(RelationNode relation, EndpointRef side) {
    for (RelationEndpoint endpoint : relation.relation.endpoints()) {
      if (endpoint.application().equals(side.application())
          && (side.endpoint() == null || side.endpoint().equals(endpoint.name()))) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------------
  // Actions and errors

  /** Queues an action on a unit after validating its parameters; returns its id. */
  public long runAction(String unitName, String name, Map<String, Object> parameters) {
    engine.lock.lock();
    try {
      checkOpen();
      UnitNode unit = unit(unitName);
      ActionSpec spec = unit.app.charm.meta().actions().get(name);
      if (spec == null) {
        throw new OperationException(
            unitName,
            "action " + GoFormat.quote(name) + " not defined on unit " + GoFormat.quote(unitName));
      }
      Map<String, Object> validated = spec.validate(parameters);
      int sequence = engine.nextSequence("action");
      long id = sequence == 0 ? engine.nextSequence("action") : sequence;
      ActionNode action = new ActionNode(id, unitName, name, validated, engine.now());
      engine.actions.put(id, action);
      Commit commit = new Commit();
      commit.put(Keys.action(id), action.document());
      engine.putMeta(commit);
      engine.commit(commit);
      unit.agent.enqueueAction(action);
      engine.schedule(unit.agent);
      return id;
    } finally {
      engine.lock.unlock();
    }
  }

  /** Returns an action's current state. */
  public ActionResult action(long id) {
    engine.lock.lock();
    try {
      ActionNode action = engine.actions.get(id);
      if (action == null) {
        throw new NotFoundException("action", Long.toString(id));
      }
      return action.result();
    } finally {
      engine.lock.unlock();
    }
  }

  /** Waits until an action finishes or the timeout passes; returns its state. */
  public ActionResult awaitAction(long id, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    java.util.function.BooleanSupplier finished = () -> action(id).status().isFinished();
    if (engine.scheduler.isDeterministic()) {
      engine.awaitCondition(finished, deadline);
    } else {
      // The check takes the engine lock, and an agent finishing an action notifies the monitor
      // while holding the engine lock: checking inside the monitor would deadlock (lock order).
      // So check outside it; a notification missed between check and wait costs at most 50 ms.
      Object monitor = engine.actionMonitor();
      while (!finished.getAsBoolean()) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          break;
        }
        synchronized (monitor) {
          try {
            monitor.wait(Math.max(1, Math.min(50, remaining / 1_000_000)));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            break;
          }
        }
      }
    }
    return action(id);
  }

  /** Gets a unit out of a hook error: retry the hook, or commit it as if it succeeded. */
  public void resolve(String unitName, ResolveMode mode) {
    requireNonNull(mode, "mode");
    engine.lock.lock();
    try {
      checkOpen();
      UnitNode unit = unit(unitName);
      if (!unit.agent.inError()) {
        throw new UnitNotInErrorException(unitName);
      }
      unit.agent.resolveMode = mode;
      engine.schedule(unit.agent);
    } finally {
      engine.lock.unlock();
    }
  }

  /** Stops a unit's agent as if its process died. */
  public void stopAgent(String unitName) {
    engine.lock.lock();
    try {
      UnitNode unit = unit(unitName);
      unit.agent.stopAgent();
    } finally {
      engine.lock.unlock();
    }
  }

  /** Restarts a stopped agent from its committed state. */
  public void startAgent(String unitName) {
    engine.lock.lock();
    try {
      checkOpen();
      UnitNode unit = unit(unitName);
      if (!unit.agent.agentStopped) {
        return;
      }
      unit.agent.restartAgent();
      engine.schedule(unit.agent);
    } finally {
      engine.lock.unlock();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Reading

  /** Returns the model's status from one snapshot. */
  public ModelStatus status() {
    engine.lock.lock();
    try {
      return new StatusView(engine).build();
    } finally {
      engine.lock.unlock();
    }
  }

  /** Waits until no agent has work, or the timeout passes. */
  public SettleResult awaitSettled(Duration timeout) {
    checkOpen();
    long start = System.nanoTime();
    long before = engine.hooksRun.get();
    boolean quiet = engine.awaitQuiescent(start + timeout.toNanos());
    engine.lock.lock();
    try {
      Map<String, String> errors = new TreeMap<>();
      Map<String, String> pending = new TreeMap<>();
      for (UnitNode unit : engine.units.values()) {
        UnitAgent agent = unit.agent;
        if (agent.agentStopped || agent.terminated) {
          continue;
        }
        if (agent.inError()) {
          errors.put(unit.name, UnitAgent.failedMessage(agent.opHook));
        } else if (agent.hasRunnableWork() || !agent.pendingActions().isEmpty()) {
          pending.put(
              unit.name,
              unit.agentState == AgentState.EXECUTING ? unit.agentMessage : "waiting to run");
        }
      }
      return new dev.bosun.runtime.SettleResult(
          quiet && errors.isEmpty() && pending.isEmpty(),
          errors,
          pending,
          engine.hooksRun.get() - before,
          Duration.ofNanos(System.nanoTime() - start));
    } finally {
      engine.lock.unlock();
    }
  }

  /** Returns a unit's status history, oldest first. */
  public List<StatusHistoryEntry> statusHistory(String unitName) {
    List<KeyValue> chunks = engine.store.range(Keys.historyPrefix(unitName)).entries();
    if (chunks.isEmpty()) {
      unit(unitName);
    }
    List<StatusHistoryEntry> history = new ArrayList<>();
    for (Documents.HistoryEntry entry :
        Journal.read(chunks, Documents.HistoryEntry.class, engine.settings.statusHistoryLimit())) {
      history.add(
          new StatusHistoryEntry(
              entry.type(), new StatusInfo(entry.s(), entry.m(), Instant.ofEpochMilli(entry.t()))));
    }
    return history;
  }

  /** Returns a unit's hook log, oldest first (kept for removed units too). */
  public List<HookRecord> hookLog(String unitName) {
    List<KeyValue> chunks = engine.store.range(Keys.logPrefix(unitName)).entries();
    if (chunks.isEmpty()) {
      engine.lock.lock();
      try {
        if (!engine.units.containsKey(unitName)) {
          throw new NotFoundException("unit", unitName);
        }
      } finally {
        engine.lock.unlock();
      }
    }
    List<HookRecord> log = new ArrayList<>();
    for (Documents.LogEntry entry :
        Journal.read(chunks, Documents.LogEntry.class, engine.settings.hookLogLimit())) {
      log.add(record(unitName, entry));
    }
    return log;
  }

  /** Returns every unit's hook log, in the order the hooks started. */
  public List<HookRecord> hookLog() {
    Map<String, List<KeyValue>> byUnit = new TreeMap<>();
    for (KeyValue kv : engine.store.range("m/log/").entries()) {
      String rest = Keys.after(kv.key(), "m/log/");
      byUnit
          .computeIfAbsent(rest.substring(0, rest.lastIndexOf('/')), k -> new ArrayList<>())
          .add(kv);
    }
    List<HookRecord> log = new ArrayList<>();
    byUnit.forEach(
        (unit, chunks) -> {
          for (Documents.LogEntry entry :
              Journal.read(chunks, Documents.LogEntry.class, engine.settings.hookLogLimit())) {
            log.add(record(unit, entry));
          }
        });
    log.sort(Comparator.comparingLong(HookRecord::sequence));
    return log;
  }

  /**
   * Returns a databag of a relation as committed: a unit's bag when {@code member} names a unit
   * ({@code etcd/0}), else the application's bag. Empty when the member has not written one.
   */
  public Map<String, String> relationData(int relationId, String member) {
    requireNonNull(member, "member");
    int slash = member.indexOf('/');
    String application = slash < 0 ? member : member.substring(0, slash);
    engine.lock.lock();
    try {
      RelationNode relation = engine.relations.get(relationId);
      if (relation == null) {
        throw new NotFoundException("relation", Integer.toString(relationId));
      }
      if (!relation.involves(application)) {
        throw new OperationException(
            member,
            "application "
                + GoFormat.quote(application)
                + " is not in relation "
                + relationId
                + " ("
                + relation.key
                + ")");
      }
    } finally {
      engine.lock.unlock();
    }
    return slash < 0
        ? engine.readApplicationBag(relationId, application)
        : engine.readBag(relationId, member);
  }

  private static HookRecord record(String unit, Documents.LogEntry entry) {
    return new HookRecord(
        entry.seq(),
        unit,
        entry.hook(),
        entry.relation() == null ? -1 : entry.relation(),
        entry.remote(),
        Instant.ofEpochMilli(entry.start()),
        Duration.ofNanos(entry.nanos()),
        HookRecord.Outcome.valueOf(entry.outcome()),
        entry.error(),
        entry.action());
  }

  // ---------------------------------------------------------------------------------------------

  private AppNode application(String name) {
    AppNode app = engine.apps.get(name);
    if (app == null) {
      throw new NotFoundException("application", name);
    }
    return app;
  }

  private AppNode liveApplication(String name) {
    AppNode app = application(name);
    if (app.life != Life.ALIVE) {
      throw new OperationException(
          name, "application " + GoFormat.quote(name) + " is being removed");
    }
    return app;
  }

  private UnitNode unit(String name) {
    engine.lock.lock();
    try {
      UnitNode unit = engine.units.get(name);
      if (unit == null) {
        throw new NotFoundException("unit", name);
      }
      return unit;
    } finally {
      engine.lock.unlock();
    }
  }
}
