package dev.bosun.runtime.internal.engine;

import dev.bosun.charm.CharmDefinition;
import dev.bosun.charm.Status;
import dev.bosun.charm.event.HookEvent;
import dev.bosun.charm.machine.Machine;
import dev.bosun.charm.spi.ActionInvocation;
import dev.bosun.charm.spi.HookBackend;
import dev.bosun.charm.spi.RelationView;
import dev.bosun.charm.spi.UnitIdentity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A unit's view of the model for one hook, captured when the hook starts: the event, identity,
 * leadership, configuration, status and ports are fixed; relation membership is the agent's own
 * local state (which only the agent changes, and not while its hook runs), adjusted for the hook as
 * Juju adjusts it (a joining unit is already a member, a departing one no longer is); databags are
 * read from the store when the charm first asks for them.
 */
final class AgentBackend implements HookBackend {
  private final Engine engine;
  private final UnitAgent agent;
  private final HookEvent event;
  private final ActionInvocation action;
  private final UnitIdentity identity;
  private final CharmDefinition charm;
  private final boolean leader;
  private final Map<String, Object> config;
  private final Status status;
  private final Set<String> ports;
  private final Machine machine;
  private final List<RelationView> relations;

  AgentBackend(
      Engine engine, UnitAgent agent, HookInfo hook, HookEvent event, ActionInvocation action) {
    this.engine = engine;
    this.agent = agent;
    this.event = event;
    this.action = action;
    UnitNode unit = agent.unit;
    this.identity =
        new UnitIdentity(
            unit.name,
            unit.app.name,
            unit.machine.id,
            unit.principal == null ? null : unit.principal.name);
    this.charm = unit.app.charm;
    this.leader = agent.leader && unit.app.leader == unit;
    this.config = unit.app.config;
    this.status = new Status(unit.workload, unit.workloadMessage);
    this.ports = unit.ports;
    this.machine = unit.machine.machine;
    this.relations = views(hook);
  }

  private List<RelationView> views(HookInfo hook) {
    UnitNode unit = agent.unit;
    int eventRelation = hook == null ? -1 : hook.relationId();
    List<RelationView> views = new ArrayList<>(agent.relations.size());
    for (LocalRelation local : agent.relations.values()) {
      RelationNode relation = local.relation;
      if (relation.isImplicitFor(unit.app.name)) {
        continue;
      }
      if (!local.created && relation.id != eventRelation) {
        continue;
      }
      if (engine.relations.get(relation.id) != relation) {
        continue;
      }
      String joining = null;
      String departing = null;
      if (relation.id == eventRelation) {
        if (hook.kind() == HookKind.RELATION_JOINED) {
          joining = hook.remoteUnit();
        } else if (hook.kind() == HookKind.RELATION_DEPARTED) {
          departing = hook.remoteUnit();
        }
      }
      boolean broken = relation.life == Life.DYING || unit.life == Life.DYING;
      views.add(new AgentRelationView(engine, unit, local, broken, joining, departing));
    }
    return List.copyOf(views);
  }

  @Override
  public HookEvent event() {
    return event;
  }

  @Override
  public UnitIdentity unit() {
    return identity;
  }

  @Override
  public CharmDefinition charm() {
    return charm;
  }

  @Override
  public boolean isLeader() {
    return leader;
  }

  @Override
  public Map<String, Object> configValues() {
    return config;
  }

  @Override
  public Map<String, String> unitState() {
    return engine.readUnitState(agent.unit.name);
  }

  @Override
  public Status unitStatus() {
    return status;
  }

  @Override
  public Set<String> openedPorts() {
    return ports;
  }

  @Override
  public List<RelationView> relations() {
    return relations;
  }

  @Override
  public Machine machine() {
    return machine;
  }

  /**
   * The file attached as the application's resource {@code name}: on the local substrate, what
   * {@code bosun attach-resource} stored in its {@link
   * dev.bosun.runtime.substrate.local.ResourceStore}; other substrates have none yet.
   */
  @Override
  public Optional<Path> resource(String name) {
    if (engine.substrate instanceof dev.bosun.runtime.substrate.local.LocalSubstrate local) {
      return local
          .resources()
          .lookup(agent.unit.app.name, name)
          .map(dev.bosun.runtime.substrate.local.AttachedResource::path);
    }
    return Optional.empty();
  }

  /**
   * The goal state from the engine's model, read under its lock when the charm first asks: the
   * application's alive units and, per endpoint of this unit's live relations, the alive units of
   * the other side (for a container-scoped relation only those in this unit's partition). Costs one
   * pass over the applications' units, so a hook that never asks pays nothing.
   */
  @Override
  public dev.bosun.charm.GoalState goalState() {
    UnitNode unit = agent.unit;
    java.util.TreeSet<String> units = new java.util.TreeSet<>();
    Map<String, java.util.SortedSet<String>> related = new java.util.TreeMap<>();
    engine.lock.lock();
    try {
      for (UnitNode member : unit.app.units.values()) {
        if (member.life == Life.ALIVE) {
          units.add(member.name);
        }
      }
      for (RelationNode relation : unit.app.relations) {
        if (relation.life != Life.ALIVE || relation.isImplicitFor(unit.app.name)) {
          continue;
        }
        AppNode other = engine.apps.get(relation.counterpartOf(unit.app.name));
        java.util.SortedSet<String> remote =
            related.computeIfAbsent(
                relation.endpointOf(unit.app.name).endpoint().name(),
                e -> new java.util.TreeSet<>());
        if (other == null) {
          continue;
        }
        for (UnitNode member : other.units.values()) {
          boolean inPartition =
              !relation.isContainerScoped()
                  || member.containerPartition().equals(unit.containerPartition());
          if (member.life == Life.ALIVE && member != unit && inPartition) {
            remote.add(member.name);
          }
        }
      }
    } finally {
      engine.lock.unlock();
    }
    return new dev.bosun.charm.GoalState(units, related);
  }

  @Override
  public Optional<Map<String, String>> applicationSecret(String label) {
    return Optional.ofNullable(engine.readSecrets(agent.unit.app.name).get(label));
  }

  @Override
  public Optional<ActionInvocation> action() {
    return Optional.ofNullable(action);
  }
}
