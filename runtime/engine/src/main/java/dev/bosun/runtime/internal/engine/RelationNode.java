package dev.bosun.runtime.internal.engine;

import dev.bosun.model.graph.Relation;
import dev.bosun.model.graph.RelationEndpoint;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * A relation as the runtime holds it: its endpoints, life, the units in its scope per application,
 * the versions of the units' and applications' databags. Guarded by the engine's lock.
 */
final class RelationNode {
  final int id;
  final Relation relation;
  final String key;
  Life life = Life.ALIVE;

  /** Every unit that has a bag in this relation (in scope, departed, or not yet entered). */
  final Map<String, BagNode> bags = new HashMap<>();

  /** The units in scope, by application, sorted. */
  final Map<String, TreeSet<String>> scope = new HashMap<>(2);

  /** Application bag versions, by application. */
  final Map<String, Long> applicationBags = new HashMap<>(2);

  /** How many units hold local state of this relation (ran relation-created). */
  int participants;

  /** A unit's bag: its version, and whether the unit is (or ever was) in scope. */
  static final class BagNode {
    long version;
    boolean inScope;
    boolean joined;
    final UnitNode unit;

    BagNode(UnitNode unit) {
      this.unit = unit;
    }
  }

  RelationNode(int id, Relation relation) {
    this.id = id;
    this.relation = relation;
    this.key = relation.key();
  }

  boolean isPeer() {
    return relation.isPeer();
  }

  boolean isContainerScoped() {
    return relation.isContainerScoped();
  }

  boolean involves(String app) {
    return relation.involves(app);
  }

  /** The endpoint an application uses. */
  RelationEndpoint endpointOf(String app) {
    return relation.endpointOf(app).orElseThrow();
  }

  /** The application on the other side (the same one for peers). */
  String counterpartOf(String app) {
    return relation.counterpartOf(app).orElseThrow().application();
  }

  TreeSet<String> scopeOf(String app) {
    return scope.computeIfAbsent(app, k -> new TreeSet<>());
  }

  long applicationBagVersion(String app) {
    return applicationBags.getOrDefault(app, 0L);
  }

  /** Whether this relation's endpoint of {@code app} is the implicit juju-info provider. */
  boolean isImplicitFor(String app) {
    return !isPeer() && endpointOf(app).endpoint().isImplicit();
  }

  @Override
  public String toString() {
    return id + " " + key;
  }
}
