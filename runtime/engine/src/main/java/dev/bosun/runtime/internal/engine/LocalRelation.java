package dev.bosun.runtime.internal.engine;

import dev.bosun.runtime.internal.persist.Documents;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A unit's local state of one relation (Juju's relation state: the members it has joined with the
 * settings version it last saw, the remote application bag version, the pending relation-changed),
 * plus which remote units need another look.
 *
 * <p>Rather than comparing every remote unit with every member on each decision (work proportional
 * to the relation's size), the agent is told which units changed ({@link #dirty}) and sorts them
 * into units to depart, join or re-read; the order of the hooks is the one Juju's relation resolver
 * produces over all units, since units that need nothing produce no hook.
 */
final class LocalRelation {
  final RelationNode relation;
  boolean created;
  boolean inScope;
  long appVersion;
  String changedPending;
  final TreeMap<String, Long> members = new TreeMap<>();
  private TreeSet<String> dirty;
  TreeSet<String> departs;
  TreeSet<String> joins;
  TreeSet<String> changes;

  LocalRelation(RelationNode relation) {
    this.relation = relation;
  }

  void markDirty(String unit) {
    if (dirty == null) {
      dirty = new TreeSet<>();
    }
    dirty.add(unit);
  }

  /** Returns and forgets the dirty units. */
  TreeSet<String> takeDirty() {
    TreeSet<String> taken = dirty;
    dirty = null;
    return taken;
  }

  boolean hasDirty() {
    return dirty != null && !dirty.isEmpty();
  }

  void forget(String unit) {
    if (departs != null) {
      departs.remove(unit);
    }
    if (joins != null) {
      joins.remove(unit);
    }
    if (changes != null) {
      changes.remove(unit);
    }
  }

  void clearQueues() {
    dirty = null;
    departs = null;
    joins = null;
    changes = null;
  }

  Documents.Local document() {
    return new Documents.Local(created, appVersion, changedPending);
  }

  @Override
  public String toString() {
    return "relation " + relation.id + " members " + members.keySet();
  }
}
