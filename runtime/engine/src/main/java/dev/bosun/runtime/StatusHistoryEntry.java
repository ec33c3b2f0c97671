package dev.bosun.runtime;

/**
 * One status write in a unit's history ({@code juju show-status-log}).
 *
 * @param type {@code workload} or {@code juju-unit} (the agent)
 * @param status the status written
 */
public record StatusHistoryEntry(String type, StatusInfo status) {

  @Override
  public String toString() {
    return type + " " + status;
  }
}
