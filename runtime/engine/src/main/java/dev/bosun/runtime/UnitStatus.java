package dev.bosun.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A unit's status, as {@code juju status} shows it: a unit whose hook failed shows workload {@code
 * error} with the message {@code hook failed: "<hook>"} and agent {@code idle}; a unit whose agent
 * is stopped shows agent {@code lost}.
 *
 * @param name the unit name
 * @param workload the workload status
 * @param agent the agent status
 * @param machine the machine id
 * @param leader whether the unit is its application's leader
 * @param address the machine's address
 * @param openPorts the opened ports, as {@code 2379/tcp}, sorted
 * @param subordinates the subordinate units attached to this unit, by name
 * @param life {@code alive} or {@code dying}
 */
public record UnitStatus(
    String name,
    StatusInfo workload,
    StatusInfo agent,
    String machine,
    boolean leader,
    String address,
    List<String> openPorts,
    Map<String, UnitStatus> subordinates,
    String life) {

  /** Copies the collections. */
  public UnitStatus {
    openPorts = List.copyOf(openPorts);
    subordinates = Collections.unmodifiableMap(new LinkedHashMap<>(subordinates));
  }
}
