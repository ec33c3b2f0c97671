package dev.bosun.runtime.internal.engine;

import dev.bosun.charm.CharmDefinition;
import dev.bosun.model.spec.Constraints;
import dev.bosun.runtime.internal.persist.Documents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An application as the runtime holds it. Guarded by the engine's lock. */
final class AppNode {
  final String name;
  String charmRef;
  Integer revision;
  String channel;
  String base;
  String series;
  CharmDefinition charm;
  int charmVersion;
  Map<String, Object> config = Map.of();
  String configHash;
  Constraints constraints = Constraints.NONE;
  boolean exposed;
  Map<String, String> annotations = Map.of();
  boolean trust;
  Life life = Life.ALIVE;
  long leaderSettingsVersion = 1;
  UnitNode leader;
  long leaderLease;
  long leaderRevision;
  Documents.StatusValue status;
  final TreeMap<Integer, UnitNode> units = new TreeMap<>();
  final List<RelationNode> relations = new ArrayList<>(2);

  AppNode(String name) {
    this.name = name;
  }

  boolean subordinate() {
    return charm.meta().subordinate();
  }

  Documents.App document() {
    return new Documents.App(
        charmRef,
        charm.name(),
        revision,
        channel,
        base,
        series,
        config,
        constraints.isEmpty() ? null : constraints.toString(),
        exposed,
        annotations.isEmpty() ? null : annotations,
        trust,
        charmVersion,
        life == Life.DYING,
        leaderSettingsVersion);
  }

  @Override
  public String toString() {
    return name;
  }
}
