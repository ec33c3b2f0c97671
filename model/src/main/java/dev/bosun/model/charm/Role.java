package dev.bosun.model.charm;

/** The role an endpoint plays in a relation, from the section of {@code metadata.yaml} it is in. */
public enum Role {
  /** Declared under {@code provides}. */
  PROVIDER("provider"),
  /** Declared under {@code requires}. */
  REQUIRER("requirer"),
  /** Declared under {@code peers}. */
  PEER("peer");

  private final String jujuName;

  Role(String jujuName) {
    this.jujuName = jujuName;
  }

  /** Returns the role a relation pairs this role with: provider with requirer, peer with peer. */
  public Role counterpart() {
    return switch (this) {
      case PROVIDER -> REQUIRER;
      case REQUIRER -> PROVIDER;
      case PEER -> PEER;
    };
  }

  /** Returns Juju's name of the role: {@code provider}, {@code requirer} or {@code peer}. */
  @Override
  public String toString() {
    return jujuName;
  }
}
