package dev.bosun.testing;

import dev.bosun.charm.spi.HookChanges;
import dev.bosun.charm.spi.RelationChanges;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Applies what a hook committed to the state it started from; nothing else changes. */
final class Transition {
  private Transition() {}

  static State apply(State before, HookChanges changes) {
    List<RelationState> relations = new ArrayList<>(before.relations().size());
    for (RelationState relation : before.relations()) {
      RelationChanges change = changes.relations().get(relation.id());
      relations.add(change == null ? relation : applyRelation(relation, change));
    }
    Set<String> ports = new TreeSet<>(before.openedPorts());
    ports.addAll(changes.portsOpened());
    ports.removeAll(changes.portsClosed());
    return new State(
        before.leader(),
        before.config(),
        relations,
        merge(before.unitState(), changes.unitState()),
        changes.unitStatus() == null ? before.unitStatus() : changes.unitStatus(),
        changes.applicationStatus() == null
            ? before.applicationStatus()
            : changes.applicationStatus(),
        ports,
        before.resources());
  }

  private static RelationState applyRelation(RelationState relation, RelationChanges change) {
    return new RelationState(
        relation.id(),
        relation.endpoint(),
        relation.remoteApplication(),
        relation.peer(),
        relation.remoteUnits(),
        relation.remoteApplicationData(),
        merge(relation.localUnitData(), change.unitData()),
        merge(relation.localApplicationData(), change.applicationData()));
  }

  /** Returns {@code base} with {@code changes} applied; a null value deletes the key. */
  private static Map<String, String> merge(Map<String, String> base, Map<String, String> changes) {
    if (changes.isEmpty()) {
      return base;
    }
    Map<String, String> merged = new LinkedHashMap<>(base);
    changes.forEach(
        (key, value) -> {
          if (value == null) {
            merged.remove(key);
          } else {
            merged.put(key, value);
          }
        });
    return merged;
  }
}
