package dev.bosun.charm.spi;

import static java.util.Objects.requireNonNull;

/**
 * Who a unit is.
 *
 * @param unitName the unit name, for example {@code etcd/0}
 * @param applicationName the application name
 * @param machineId the machine the unit runs on
 * @param principal the principal unit when this unit is a subordinate, else null
 */
public record UnitIdentity(
    String unitName, String applicationName, String machineId, String principal) {

  /** Checks the components. */
  public UnitIdentity {
    requireNonNull(unitName, "unitName");
    requireNonNull(applicationName, "applicationName");
    requireNonNull(machineId, "machineId");
  }

  /** Returns the unit's number: the part after the slash. */
  public int number() {
    return Integer.parseInt(unitName.substring(unitName.lastIndexOf('/') + 1));
  }
}
