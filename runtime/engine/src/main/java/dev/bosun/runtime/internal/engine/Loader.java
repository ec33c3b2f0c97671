package dev.bosun.runtime.internal.engine;

import dev.bosun.charm.CharmDefinition;
import dev.bosun.charm.StatusState;
import dev.bosun.model.charm.Endpoint;
import dev.bosun.model.charm.Role;
import dev.bosun.model.charm.Scope;
import dev.bosun.model.graph.Relation;
import dev.bosun.model.graph.RelationEndpoint;
import dev.bosun.model.internal.GoFormat;
import dev.bosun.model.spec.ApplicationSpec;
import dev.bosun.model.spec.Constraints;
import dev.bosun.runtime.ActionStatus;
import dev.bosun.runtime.OperationException;
import dev.bosun.runtime.internal.persist.Documents;
import dev.bosun.runtime.internal.persist.Journal;
import dev.bosun.runtime.internal.persist.Json;
import dev.bosun.runtime.internal.persist.Keys;
import dev.bosun.runtime.store.KeyValue;
import dev.bosun.runtime.store.Range;
import dev.bosun.runtime.store.StoreException;
import dev.bosun.runtime.substrate.MachineRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rebuilds the engine's model from the store: one range read of the whole model, decoded into nodes
 * and agents. A unit whose agent was running a hook when the process stopped finds it pending,
 * which its agent treats as a failed hook.
 */
final class Loader {
  private final Engine engine;

  Loader(Engine engine) {
    this.engine = engine;
  }

  /** Loads the model; returns the revision it was read at. */
  long load() {
    Range range = engine.store.range(Keys.MODEL);
    Map<String, List<KeyValue>> byKind = new HashMap<>();
    for (KeyValue kv : range.entries()) {
      String rest = kv.key().substring(Keys.MODEL.length());
      int slash = rest.indexOf('/');
      String kind = slash < 0 ? rest : rest.substring(0, slash);
      byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(kv);
    }
    List<KeyValue> meta = byKind.getOrDefault("meta", List.of());
    if (meta.isEmpty()) {
      if (!range.entries().isEmpty()) {
        throw new StoreException("the store holds model keys but no model document (m/meta)");
      }
      Commit commit = new Commit();
      engine.putMeta(commit);
      return engine.commit(commit);
    }
    Documents.Meta model = decode(meta.get(0), Documents.Meta.class);
    if (model.schema() != Documents.SCHEMA) {
      throw new StoreException(
          "the store holds a model written with schema "
              + model.schema()
              + "; this runtime reads schema "
              + Documents.SCHEMA);
    }
    engine.modelName = model.name();
    engine.journalChunk =
        model.journalChunk() == null ? Journal.CHUNK_WHEN_UNRECORDED : model.journalChunk();
    if (model.sequences() != null) {
      engine.sequences.putAll(model.sequences());
    }
    if (model.bundleMachines() != null) {
      engine.bundleMachines.putAll(model.bundleMachines());
    }
    for (KeyValue kv : byKind.getOrDefault("app", List.of())) {
      loadApplication(Keys.after(kv.key(), "m/app/"), decode(kv, Documents.App.class));
    }
    for (KeyValue kv : byKind.getOrDefault("appstatus", List.of())) {
      AppNode app = engine.apps.get(Keys.after(kv.key(), "m/appstatus/"));
      if (app != null) {
        app.status = decode(kv, Documents.AppStatus.class).status();
      }
    }
    List<KeyValue> machines = new ArrayList<>(byKind.getOrDefault("machine", List.of()));
    machines.sort(Comparator.comparing(kv -> Keys.after(kv.key(), "m/machine/"), MachineIds.ORDER));
    for (KeyValue kv : machines) {
      loadMachine(Keys.after(kv.key(), "m/machine/"), decode(kv, Documents.Machine.class));
    }
    loadUnits(byKind.getOrDefault("unit", List.of()));
    List<KeyValue> relations = new ArrayList<>(byKind.getOrDefault("rel", List.of()));
    relations.sort(Comparator.comparingInt(kv -> Integer.parseInt(Keys.after(kv.key(), "m/rel/"))));
    for (KeyValue kv : relations) {
      loadRelation(
          Integer.parseInt(Keys.after(kv.key(), "m/rel/")), decode(kv, Documents.Relation.class));
    }
    for (KeyValue kv : byKind.getOrDefault("bag", List.of())) {
      loadBag(kv);
    }
    for (KeyValue kv : byKind.getOrDefault("appbag", List.of())) {
      String rest = Keys.after(kv.key(), "m/appbag/");
      int slash = rest.indexOf('/');
      RelationNode relation = engine.relations.get(Integer.parseInt(rest.substring(0, slash)));
      if (relation != null) {
        relation.applicationBags.put(
            rest.substring(slash + 1), decode(kv, Documents.AppBag.class).v());
      }
    }
    for (KeyValue kv : byKind.getOrDefault("agent", List.of())) {
      UnitNode unit = engine.units.get(Keys.after(kv.key(), "m/agent/"));
      if (unit != null) {
        Documents.Agent agent = decode(kv, Documents.Agent.class);
        unit.agent.load(agent);
        loadStatus(unit, agent.status());
      }
    }
    for (KeyValue kv : byKind.getOrDefault("local", List.of())) {
      loadLocal(kv);
    }
    for (KeyValue kv : byKind.getOrDefault("member", List.of())) {
      loadMember(kv);
    }
    for (KeyValue kv : byKind.getOrDefault("leader", List.of())) {
      loadLeader(kv);
    }
    loadActions(byKind.getOrDefault("action", List.of()));
    Map<String, KeyValue> lastLogChunks = new HashMap<>();
    for (KeyValue kv : byKind.getOrDefault("log", List.of())) {
      lastLogChunks.put(kv.key().substring(0, kv.key().lastIndexOf('/')), kv);
    }
    for (KeyValue kv : lastLogChunks.values()) {
      for (Documents.LogEntry entry :
          Journal.read(List.of(kv), Documents.LogEntry.class, Integer.MAX_VALUE)) {
        engine.raiseLogSequence(entry.seq());
      }
    }
    for (UnitNode unit : engine.units.values()) {
      for (LocalRelation local : unit.agent.relations.values()) {
        if (local.inScope) {
          unit.agent.resync(local);
        }
      }
    }
    return range.revision();
  }

  private void loadApplication(String name, Documents.App document) {
    CharmDefinition charm =
        engine
            .charms
            .apply(document.charm())
            .or(() -> engine.charms.apply(document.charmName()))
            .orElseThrow(
                () ->
                    new OperationException(
                        name,
                        "application "
                            + GoFormat.quote(name)
                            + " runs charm "
                            + GoFormat.quote(document.charmName())
                            + ", which the runtime was not given"));
    AppNode app = new AppNode(name);
    app.charmRef = document.charm();
    app.revision = document.revision();
    app.channel = document.channel();
    app.base = document.base();
    app.series = document.series();
    app.charm = charm;
    app.charmVersion = document.charmVersion();
    Map<String, Object> config = new TreeMap<>();
    if (document.options() != null) {
      document.options().forEach((k, v) -> config.put(k, ApplicationSpec.normaliseOptionValue(v)));
    }
    app.config = Collections.unmodifiableMap(config);
    app.configHash = ConfigHash.of(app.config);
    app.constraints =
        document.constraints() == null
            ? Constraints.NONE
            : Constraints.parse(document.constraints());
    app.exposed = document.exposed();
    app.annotations = document.annotations() == null ? Map.of() : document.annotations();
    app.trust = document.trust();
    app.life = document.dying() ? Life.DYING : Life.ALIVE;
    app.leaderSettingsVersion = document.leaderSettingsVersion();
    engine.apps.put(name, app);
  }

  private void loadMachine(String id, Documents.Machine document) {
    MachineNode machine = new MachineNode(id, document.containerType(), document.parent());
    machine.constraints =
        document.constraints() == null
            ? Constraints.NONE
            : Constraints.parse(document.constraints());
    machine.base = document.base();
    machine.series = document.series();
    machine.machine =
        engine
            .substrate
            .lookup(id)
            .orElseGet(
                () ->
                    engine.substrate.provision(
                        new MachineRequest(
                            id, machine.constraints, document.containerType(), document.parent())));
    engine.machines.put(id, machine);
  }

  private void loadUnits(List<KeyValue> entries) {
    List<Map.Entry<String, Documents.Unit>> subordinates = new ArrayList<>();
    for (KeyValue kv : entries) {
      String name = Keys.after(kv.key(), "m/unit/");
      Documents.Unit document = decode(kv, Documents.Unit.class);
      if (document.principal() != null) {
        subordinates.add(Map.entry(name, document));
      } else {
        loadUnit(name, document);
      }
    }
    for (Map.Entry<String, Documents.Unit> entry : subordinates) {
      loadUnit(entry.getKey(), entry.getValue());
    }
  }

  private void loadUnit(String name, Documents.Unit document) {
    String appName = name.substring(0, name.indexOf('/'));
    AppNode app = engine.apps.get(appName);
    MachineNode machine = engine.machines.get(document.machine());
    if (app == null || machine == null) {
      throw new StoreException(
          "unit " + name + " refers to a missing application or machine " + document.machine());
    }
    UnitNode principal =
        document.principal() == null ? null : engine.units.get(document.principal());
    int number = Integer.parseInt(name.substring(name.indexOf('/') + 1));
    UnitNode unit = new UnitNode(name, app, number, machine, principal);
    unit.life = document.dying() ? Life.DYING : Life.ALIVE;
    engine.units.put(name, unit);
    app.units.put(number, unit);
    machine.units.add(unit);
    if (principal != null) {
      principal.addSubordinate(unit);
    }
    unit.agent = new UnitAgent(engine, unit);
  }

  private static void loadStatus(UnitNode unit, Documents.UnitStatus document) {
    unit.workload = workloadState(document.workload().s());
    unit.workloadMessage = document.workload().m();
    unit.workloadSince = document.workload().t();
    unit.agentState = AgentState.of(document.agent().s());
    unit.agentMessage = document.agent().m();
    unit.agentSince = document.agent().t();
    unit.ports =
        document.ports() == null
            ? java.util.Set.of()
            : Collections.unmodifiableSortedSet(new java.util.TreeSet<>(document.ports()));
    unit.historySeq = document.history();
  }

  static StatusState workloadState(String name) {
    for (StatusState state : StatusState.values()) {
      if (state.toString().equals(name)) {
        return state;
      }
    }
    throw new StoreException("unknown workload status " + name);
  }

  private void loadRelation(int id, Documents.Relation document) {
    List<RelationEndpoint> endpoints = new ArrayList<>(2);
    Scope scope = Scope.GLOBAL;
    for (Documents.Endpoint endpoint : document.endpoints()) {
      Scope endpointScope = Scope.fromJujuName(endpoint.scope());
      if (endpointScope == Scope.CONTAINER) {
        scope = Scope.CONTAINER;
      }
      endpoints.add(
          new RelationEndpoint(
              endpoint.app(),
              new Endpoint(
                  endpoint.name(),
                  role(endpoint.role()),
                  endpoint.iface(),
                  endpointScope,
                  endpoint.limit(),
                  endpoint.optional())));
    }
    RelationNode relation = new RelationNode(id, new Relation(endpoints, scope));
    relation.life = document.dying() ? Life.DYING : Life.ALIVE;
    engine.relations.put(id, relation);
    for (RelationEndpoint endpoint : relation.relation.endpoints()) {
      AppNode app = engine.apps.get(endpoint.application());
      if (app != null) {
        app.relations.add(relation);
      }
    }
  }

  private static Role role(String name) {
    for (Role role : Role.values()) {
      if (role.toString().equals(name)) {
        return role;
      }
    }
    throw new StoreException("unknown relation role " + name);
  }

  static Documents.Relation relationDocument(RelationNode relation) {
    List<Documents.Endpoint> endpoints = new ArrayList<>(2);
    for (RelationEndpoint endpoint : relation.relation.endpoints()) {
      Endpoint declared = endpoint.endpoint();
      endpoints.add(
          new Documents.Endpoint(
              endpoint.application(),
              declared.name(),
              declared.role().toString(),
              declared.interfaceName(),
              declared.scope().toString(),
              declared.limit(),
              declared.optional()));
    }
    return new Documents.Relation(endpoints, relation.life == Life.DYING);
  }

  private void loadBag(KeyValue kv) {
    String rest = Keys.after(kv.key(), "m/bag/");
    int slash = rest.indexOf('/');
    RelationNode relation = engine.relations.get(Integer.parseInt(rest.substring(0, slash)));
    String unitName = rest.substring(slash + 1);
    UnitNode unit = engine.units.get(unitName);
    if (relation == null) {
      return;
    }
    Documents.Bag document = decode(kv, Documents.Bag.class);
    RelationNode.BagNode bag = new RelationNode.BagNode(unit);
    bag.version = document.v();
    bag.inScope = document.in() && unit != null;
    bag.joined = document.joined();
    relation.bags.put(unitName, bag);
    if (bag.inScope) {
      relation.scopeOf(unit.app.name).add(unitName);
    }
  }

  private void loadLocal(KeyValue kv) {
    String rest = Keys.after(kv.key(), "m/local/");
    int slash = rest.lastIndexOf('/');
    UnitNode unit = engine.units.get(rest.substring(0, slash));
    RelationNode relation = engine.relations.get(Integer.parseInt(rest.substring(slash + 1)));
    if (unit == null || relation == null) {
      return;
    }
    Documents.Local document = decode(kv, Documents.Local.class);
    LocalRelation local = unit.agent.localRelation(relation);
    local.created = document.created();
    local.appVersion = document.appVersion();
    local.changedPending = document.pending();
    RelationNode.BagNode bag = relation.bags.get(unit.name);
    local.inScope = bag != null && bag.inScope;
    if (local.created) {
      relation.participants++;
    }
  }

  private void loadMember(KeyValue kv) {
    String rest = Keys.after(kv.key(), "m/member/");
    String[] parts = rest.split("/");
    // APP/N/ID/APP/N
    if (parts.length != 5) {
      return;
    }
    UnitNode unit = engine.units.get(parts[0] + "/" + parts[1]);
    RelationNode relation = engine.relations.get(Integer.parseInt(parts[2]));
    if (unit == null || relation == null) {
      return;
    }
    unit.agent
        .localRelation(relation)
        .members
        .put(
            parts[3] + "/" + parts[4],
            Long.parseLong(new String(kv.value(), StandardCharsets.US_ASCII)));
  }

  private void loadLeader(KeyValue kv) {
    AppNode app = engine.apps.get(Keys.after(kv.key(), Keys.LEADER_PREFIX));
    Documents.Leader leader = decode(kv, Documents.Leader.class);
    UnitNode unit = engine.units.get(leader.unit());
    if (app == null || unit == null || unit.app != app) {
      engine.commits.revokeLease(leader.lease());
      return;
    }
    app.leader = unit;
    app.leaderLease = leader.lease();
    app.leaderRevision = kv.modRevision();
  }

  private void loadActions(List<KeyValue> entries) {
    Map<Long, ActionNode> pending = new TreeMap<>();
    for (KeyValue kv : entries) {
      long id = Long.parseLong(Keys.after(kv.key(), "m/action/"));
      ActionNode action = ActionNode.of(id, decode(kv, Documents.Action.class));
      engine.actions.put(id, action);
      if (action.status == ActionStatus.PENDING) {
        pending.put(id, action);
      }
    }
    for (ActionNode action : pending.values()) {
      UnitNode unit = engine.units.get(action.unit);
      if (unit != null) {
        unit.agent.enqueueAction(action);
      }
    }
  }

  private static <T> T decode(KeyValue kv, Class<T> type) {
    return Json.decode(kv.value(), type, kv.key());
  }

  static Map<String, Object> orderedCopy(Map<String, Object> map) {
    return new LinkedHashMap<>(map);
  }
}
