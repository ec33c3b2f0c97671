package dev.bosun.runtime.internal.engine;

import dev.bosun.charm.StatusState;
import dev.bosun.model.graph.RelationEndpoint;
import dev.bosun.runtime.ApplicationStatus;
import dev.bosun.runtime.MachineStatus;
import dev.bosun.runtime.ModelStatus;
import dev.bosun.runtime.RelationStatus;
import dev.bosun.runtime.StatusInfo;
import dev.bosun.runtime.UnitStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds the model's status from the engine's model in one pass, under the engine's lock (so from
 * one consistent snapshot), with Juju's presentation: a unit in a hook error shows workload {@code
 * error} and agent {@code idle}; an application's status is the leader's or derived from its
 * units'.
 */
final class StatusView {
  private final Engine engine;

  StatusView(Engine engine) {
    this.engine = engine;
  }

  ModelStatus build() {
    Map<String, ApplicationStatus> applications = new LinkedHashMap<>();
    for (AppNode app : engine.apps.values()) {
      applications.put(app.name, application(app));
    }
    Map<String, MachineStatus> machines = new LinkedHashMap<>();
    for (MachineNode machine : engine.machines.values()) {
      List<String> units = new ArrayList<>(machine.units.size());
      for (UnitNode unit : machine.units) {
        units.add(unit.name);
      }
      units.sort(dev.bosun.model.plan.ApplicationState.UNIT_ORDER);
      machines.put(
          machine.id,
          new MachineStatus(
              machine.id, "started", machine.address(), machine.containerType, units));
    }
    List<RelationStatus> relations = new ArrayList<>(engine.relations.size());
    for (RelationNode relation : engine.relations.values()) {
      relations.add(relationStatus(relation));
    }
    return new ModelStatus(
        engine.modelName, engine.clock.instant(), applications, machines, relations);
  }

  private ApplicationStatus application(AppNode app) {
    Map<String, UnitStatus> units = new LinkedHashMap<>();
    StatusInfo derived = new StatusInfo("unknown", "", Instant.ofEpochMilli(0));
    int severity = StatusState.UNKNOWN.severity();
    boolean subordinate = app.subordinate();
    for (UnitNode unit : app.units.values()) {
      UnitStatus status = unit(unit);
      if (!subordinate) {
        units.put(unit.name, status);
      }
      int unitSeverity = severity(status.workload().current());
      if (unitSeverity > severity) {
        severity = unitSeverity;
        derived = status.workload();
      }
    }
    if (derived.since().equals(Instant.ofEpochMilli(0))) {
      derived = new StatusInfo("unknown", "", engine.clock.instant());
    }
    StatusInfo status =
        app.status == null
            ? derived
            : new StatusInfo(app.status.s(), app.status.m(), Instant.ofEpochMilli(app.status.t()));
    Map<String, TreeSet<String>> related = new TreeMap<>();
    TreeSet<String> principals = new TreeSet<>();
    for (RelationNode relation : app.relations) {
      RelationEndpoint endpoint = relation.endpointOf(app.name);
      String counterpart = relation.counterpartOf(app.name);
      related.computeIfAbsent(endpoint.name(), k -> new TreeSet<>()).add(counterpart);
      AppNode other = engine.apps.get(counterpart);
      if (subordinate
          && relation.isContainerScoped()
          && !relation.isPeer()
          && other != null
          && !other.subordinate()) {
        principals.add(counterpart);
      }
    }
    Map<String, List<String>> relations = new LinkedHashMap<>();
    related.forEach((endpoint, apps) -> relations.put(endpoint, List.copyOf(apps)));
    return new ApplicationStatus(
        app.name,
        app.charm.name(),
        app.charmVersion,
        app.exposed,
        subordinate,
        app.life.toString(),
        status,
        app.units.size(),
        units,
        relations,
        List.copyOf(principals));
  }

  private static int severity(String state) {
    for (StatusState value : StatusState.values()) {
      if (value.toString().equals(state)) {
        return value.severity();
      }
    }
    return StatusState.UNKNOWN.severity();
  }

  private UnitStatus unit(UnitNode unit) {
    StatusInfo workload;
    StatusInfo agent;
    Instant agentSince = Instant.ofEpochMilli(unit.agentSince);
    if (unit.agentState == AgentState.ERROR) {
      workload = new StatusInfo("error", unit.agentMessage, agentSince);
      agent = new StatusInfo("idle", "", agentSince);
    } else {
      workload =
          new StatusInfo(
              unit.workload.toString(),
              unit.workloadMessage,
              Instant.ofEpochMilli(unit.workloadSince));
      agent = new StatusInfo(unit.agentState.toString(), unit.agentMessage, agentSince);
    }
    if (unit.agent != null && unit.agent.agentStopped) {
      agent =
          new StatusInfo(
              "lost", "agent lost, see 'juju show-status-log " + unit.name + "'", agentSince);
    }
    Map<String, UnitStatus> subordinates = new LinkedHashMap<>();
    if (unit.subordinates != null) {
      List<UnitNode> sorted = new ArrayList<>(unit.subordinates);
      sorted.sort(
          (a, b) -> dev.bosun.model.plan.ApplicationState.UNIT_ORDER.compare(a.name, b.name));
      for (UnitNode subordinate : sorted) {
        subordinates.put(subordinate.name, unit(subordinate));
      }
    }
    return new UnitStatus(
        unit.name,
        workload,
        agent,
        unit.machine.id,
        unit.app.leader == unit,
        unit.machine.address(),
        List.copyOf(unit.ports),
        subordinates,
        unit.life.toString());
  }

  static RelationStatus relationStatus(RelationNode relation) {
    List<String> endpoints = new ArrayList<>(2);
    for (RelationEndpoint endpoint : relation.relation.endpoints()) {
      endpoints.add(endpoint.toString());
    }
    String type =
        relation.isPeer() ? "peer" : relation.isContainerScoped() ? "subordinate" : "regular";
    String status;
    if (relation.life == Life.DYING) {
      status = "broken";
    } else {
      boolean joined = false;
      for (TreeSet<String> scope : relation.scope.values()) {
        joined |= !scope.isEmpty();
      }
      status = joined ? "joined" : "joining";
    }
    return new RelationStatus(
        relation.id, relation.key, endpoints, relation.relation.interfaceName(), type, status);
  }
}
