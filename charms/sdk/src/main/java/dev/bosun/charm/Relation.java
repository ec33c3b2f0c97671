package dev.bosun.charm;

import java.util.Set;

/**
 * One relation as a unit sees it: its remote units and the databags it may read or write.
 *
 * <p>Per Juju's rules: every unit's own bag is writable by that unit and readable by all units in
 * the relation; the application bag of the unit's own application is writable only by the leader,
 * and in a provider/requirer relation readable only by the leader (peers all read theirs); the
 * remote application's bag is readable by every unit and writable by none.
 */
public interface Relation {

  /** Returns the relation id, unique in the model. */
  int id();

  /** Returns the local endpoint name. */
  String endpoint();

  /** Returns the interface the relation speaks. */
  String interfaceName();

  /** Returns the application at the other end; the unit's own for a peer relation. */
  String remoteApplication();

  /** Whether this is a peer relation. */
  boolean isPeer();

  /**
   * Returns the remote units currently in the relation (for a peer relation, the other units of the
   * application), sorted.
   */
  Set<String> units();

  /**
   * Returns a remote unit's bag, read-only. A unit that departed stays readable for the life of the
   * relation. Given this unit's own name, returns {@link #localUnitData()}.
   *
   * @throws java.util.NoSuchElementException when the unit never joined this relation
   */
  RelationData unitData(String unit);

  /** Returns this unit's own bag, writable. */
  RelationData localUnitData();

  /**
   * Returns the bag of this unit's own application: readable by the leader (and by every unit in a
   * peer relation), writable by the leader only; the access rules are checked on use.
   */
  RelationData applicationData();

  /**
   * Returns the remote application's bag, read-only (empty for peers: use {@link
   * #applicationData()}).
   */
  RelationData remoteApplicationData();
}
