package dev.bosun.runtime;

/** The states of an action, with Juju's names. */
public enum ActionStatus {
  /** Queued on the unit. */
  PENDING("pending"),
  /** Running. */
  RUNNING("running"),
  /** Finished without failing. */
  COMPLETED("completed"),
  /** Failed: the action called fail or threw; the unit is unaffected. */
  FAILED("failed");

  private final String jujuName;

  ActionStatus(String jujuName) {
    this.jujuName = jujuName;
  }

  /** Whether the action has finished. */
  public boolean isFinished() {
    return this == COMPLETED || this == FAILED;
  }

  /** Returns the status named as Juju names it. */
  public static ActionStatus of(String jujuName) {
    for (ActionStatus status : values()) {
      if (status.jujuName.equals(jujuName)) {
        return status;
      }
    }
    throw new IllegalArgumentException("unknown action status " + jujuName);
  }

  @Override
  public String toString() {
    return jujuName;
  }
}
