package dev.bosun.testing;

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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The {@link HookBackend} of one hook the kit runs: a {@link State} as the unit sees it. */
final class ScenarioBackend implements HookBackend {
  private final HookEvent event;
  private final UnitIdentity unit;
  private final CharmDefinition charm;
  private final State state;
  private final Map<String, Object> config;
  private final List<RelationView> relations;
  private final Machine machine;
  private final ActionInvocation action;

  ScenarioBackend(
      HookEvent event,
      UnitIdentity unit,
      CharmDefinition charm,
      State state,
      Map<String, Object> config,
      Machine machine,
      ActionInvocation action) {
    this.event = event;
    this.unit = unit;
    this.charm = charm;
    this.state = state;
    this.config = config;
    this.machine = machine;
    this.action = action;
    List<RelationView> views = new ArrayList<>(state.relations().size());
    for (RelationState relation : state.relations()) {
      views.add(
          new ScenarioRelationView(
              relation,
              charm.meta().endpoint(relation.endpoint()).orElseThrow(),
              unit.applicationName(),
              event));
    }
    this.relations = Collections.unmodifiableList(views);
  }

  @Override
  public HookEvent event() {
    return event;
  }

  @Override
  public UnitIdentity unit() {
    return unit;
  }

  @Override
  public CharmDefinition charm() {
    return charm;
  }

  @Override
  public boolean isLeader() {
    return state.leader();
  }

  @Override
  public Map<String, Object> configValues() {
    return config;
  }

  @Override
  public Map<String, String> unitState() {
    return state.unitState();
  }

  @Override
  public Status unitStatus() {
    return state.unitStatus();
  }

  @Override
  public Set<String> openedPorts() {
    return state.openedPorts();
  }

  @Override
  public List<RelationView> relations() {
    return relations;
  }

  @Override
  public Machine machine() {
    return machine;
  }

  @Override
  public Optional<Path> resource(String name) {
    return Optional.ofNullable(state.resources().get(name));
  }

  @Override
  public Optional<ActionInvocation> action() {
    return Optional.ofNullable(action);
  }
}
