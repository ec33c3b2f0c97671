package dev.bosun.model.charm;

/** Which units of the other side a unit sees in a relation. */
public enum Scope {
  /** Every unit of the other application (the default). */
  GLOBAL("global"),
  /** Only the units on the same machine: how a subordinate attaches to its principal. */
  CONTAINER("container");

  private final String jujuName;

  Scope(String jujuName) {
    this.jujuName = jujuName;
  }

  /** Returns the scope named as in {@code metadata.yaml}, or null when the name is not a scope. */
  public static Scope fromJujuName(String name) {
    for (Scope scope : values()) {
      if (scope.jujuName.equals(name)) {
        return scope;
      }
    }
    return null;
  }

  /** Returns the name used in {@code metadata.yaml}: {@code global} or {@code container}. */
  @Override
  public String toString() {
    return jujuName;
  }
}
