package dev.bosun.charm.spi;

import dev.bosun.model.charm.Role;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One relation as the runtime shows it to a unit: committed data only. Implementations return live
 * unmodifiable views, not copies.
 */
public interface RelationView {

  /** Returns the relation id. */
  int id();

  /** Returns the unit's endpoint in the relation. */
  String endpoint();

  /** Returns the interface. */
  String interfaceName();

  /** Returns the role of the unit's endpoint. */
  Role role();

  /** Returns the application at the other end; the unit's own for peers. */
  String remoteApplication();

  /** Whether this is a peer relation. */
  boolean isPeer();

  /** Whether the relation is being broken for this unit (the unit or the relation is going). */
  boolean isBroken();

  /** Returns the remote units in scope now (for peers, the other units), sorted. */
  Set<String> remoteUnits();

  /**
   * Returns a remote unit's bag; also for units that have departed, for the life of the relation.
   * Empty when the unit never joined.
   */
  Optional<Map<String, String>> remoteUnitData(String unit);

  /** Returns the unit's own bag. */
  Map<String, String> localUnitData();

  /** Returns the bag of the unit's own application. */
  Map<String, String> localApplicationData();

  /** Returns the remote application's bag (empty for peers). */
  Map<String, String> remoteApplicationData();
}
