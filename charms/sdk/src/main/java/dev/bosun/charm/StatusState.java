package dev.bosun.charm;

/**
 * Workload states, with Juju's severity order for deriving an application's status from its units'
 * (error highest).
 */
public enum StatusState {
  /** Nothing is known yet. */
  UNKNOWN("unknown", 40),
  /** The unit has been removed. Set by Bosun. */
  TERMINATED("terminated", 50),
  /** Running as intended. */
  ACTIVE("active", 60),
  /** Waiting for something outside the operator's hands. */
  WAITING("waiting", 70),
  /** Busy setting something up. */
  MAINTENANCE("maintenance", 80),
  /** Needs an operator. */
  BLOCKED("blocked", 90),
  /** A hook failed. Set by Bosun, never by a charm. */
  ERROR("error", 100);

  private final String jujuName;
  private final int severity;

  StatusState(String jujuName, int severity) {
    this.jujuName = jujuName;
    this.severity = severity;
  }

  /** Returns Juju's severity: a higher value wins when deriving an application's status. */
  public int severity() {
    return severity;
  }

  /** Whether a charm may set this state: active, blocked, waiting or maintenance. */
  public boolean isSettableByCharm() {
    return this == ACTIVE || this == BLOCKED || this == WAITING || this == MAINTENANCE;
  }

  /** Returns Juju's name, for example {@code active}. */
  @Override
  public String toString() {
    return jujuName;
  }
}
