package dev.bosun.charm.relation;

import dev.bosun.charm.Relation;
import java.util.Map;
import java.util.Optional;

/**
 * A relation seen through a typed interface: reads the other side's records and publishes this
 * side's.
 *
 * @param <L> the record this side publishes
 * @param <R> the record the other side publishes
 */
public interface TypedRelation<L, R> {

  /** Returns the untyped relation, for what the interface does not cover. */
  Relation relation();

  /**
   * Returns the records the remote units in the relation have published completely, by unit name; a
   * unit that has not published every required key yet is left out.
   *
   * @throws WireFormatException when a unit published a value that does not parse
   */
  Map<String, R> remoteUnits();

  /** Returns the record the remote application published in its application bag, if complete. */
  Optional<R> remoteApplication();

  /** Publishes this unit's record in its unit bag (committed with the hook). */
  void publish(L value);

  /**
   * Publishes this application's record in its application bag (leader only).
   *
   * @throws dev.bosun.charm.RelationDataAccessException when the unit is not the leader
   */
  void publishApplication(L value);
}
