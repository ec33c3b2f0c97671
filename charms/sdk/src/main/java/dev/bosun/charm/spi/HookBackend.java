package dev.bosun.charm.spi;

import dev.bosun.charm.CharmDefinition;
import dev.bosun.charm.Status;
import dev.bosun.charm.event.HookEvent;
import dev.bosun.charm.machine.Machine;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a runtime provides to run one hook: the unit's view of the model at the time the hook
 * starts. The Bosun engine implements it over its model; the test kit implements it over a scenario
 * state. {@link HookRunner} builds the charm's {@link dev.bosun.charm.HookContext} on top of it,
 * enforces Juju's access rules and collects the hook's writes as {@link HookChanges}.
 *
 * <p>Views must be cheap to create: return live, unmodifiable views rather than copies, since a
 * unit related to thousands of others runs many hooks.
 */
public interface HookBackend {

  /** Returns the event the hook handles. */
  HookEvent event();

  /** Returns the unit's identity. */
  UnitIdentity unit();

  /** Returns the charm the unit runs. */
  CharmDefinition charm();

  /** Whether the unit holds its application's leadership for the whole hook. */
  boolean isLeader();

  /**
   * Returns the configuration values the operator set; the SDK overlays them on the charm's
   * defaults, and a null value means "unset" (the default applies). Values are typed as {@link
   * dev.bosun.model.charm.ConfigSchema} holds them ({@code Long}, {@code Double}, {@code Boolean},
   * {@code String}); text is parsed by the typed accessors.
   */
  Map<String, Object> configValues();

  /** Returns the unit's persistent state as committed. */
  Map<String, String> unitState();

  /** Returns the unit's workload status as committed. */
  Status unitStatus();

  /** Returns the unit's open ports as committed, as {@code 2379/tcp}. */
  Set<String> openedPorts();

  /**
   * Returns the relations the unit takes part in, sorted by id: the live ones, plus the one being
   * broken when the event is {@code relation-broken}.
   */
  List<RelationView> relations();

  /** Returns the unit's machine. */
  Machine machine();

  /** Returns the file supplied for a charm resource, if any. */
  Optional<Path> resource(String name);

  /** Returns the running action, when the event is an action. */
  Optional<ActionInvocation> action();

  /**
   * Returns the goal state ({@link dev.bosun.charm.GoalState}); called at most once per hook, when
   * the charm first asks. The default, for a backend that knows no more than the hook's view, takes
   * the relations' current members as the goal: this unit and its peers, and per endpoint the
   * remote units in the relation.
   */
  default dev.bosun.charm.GoalState goalState() {
    java.util.SortedSet<String> units = new java.util.TreeSet<>();
    units.add(unit().unitName());
    java.util.Map<String, java.util.SortedSet<String>> related = new java.util.TreeMap<>();
    for (RelationView relation : relations()) {
      if (!relation.isBroken()) {
        related
            .computeIfAbsent(relation.endpoint(), e -> new java.util.TreeSet<>())
            .addAll(relation.remoteUnits());
        if (relation.isPeer()) {
          units.addAll(relation.remoteUnits());
        }
      }
    }
    return new dev.bosun.charm.GoalState(units, related);
  }

  /**
   * Returns the committed content of one of the application's secrets, if it exists. The default
   * returns empty: a backend without secret storage has none (and a leader's writes are then
   * reported in {@link HookChanges#applicationSecrets()} for it to keep or refuse).
   */
  default Optional<Map<String, String>> applicationSecret(String label) {
    return Optional.empty();
  }
}
