package dev.bosun.runtime.internal.engine;

/** The unit agent's status values (Juju's {@code juju-status} of a unit). */
enum AgentState {
  ALLOCATING("allocating"),
  EXECUTING("executing"),
  IDLE("idle"),
  ERROR("error"),
  FAILED("failed"),
  LOST("lost");

  private final String jujuName;

  AgentState(String jujuName) {
    this.jujuName = jujuName;
  }

  static AgentState of(String name) {
    for (AgentState state : values()) {
      if (state.jujuName.equals(name)) {
        return state;
      }
    }
    throw new IllegalArgumentException("unknown agent status " + name);
  }

  @Override
  public String toString() {
    return jujuName;
  }
}
