package dev.bosun.runtime;

import java.util.List;

/**
 * A machine's status.
 *
 * @param id the machine id, for example {@code 0} or {@code 0/lxd/1}
 * @param status the machine agent status: {@code started} once provisioned
 * @param address the machine's address
 * @param containerType the container type for a container, else null
 * @param units the units on the machine (principals and subordinates), in unit order
 */
public record MachineStatus(
    String id, String status, String address, String containerType, List<String> units) {

  /** Copies the units. */
  public MachineStatus {
    units = List.copyOf(units);
  }
}
