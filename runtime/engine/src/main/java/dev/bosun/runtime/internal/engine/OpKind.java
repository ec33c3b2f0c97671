package dev.bosun.runtime.internal.engine;

/** The kinds of operation a unit agent records (Juju's operation kinds). */
enum OpKind {
  CONTINUE("continue"),
  RUN_HOOK("run-hook"),
  RUN_ACTION("run-action");

  private final String jujuName;

  OpKind(String jujuName) {
    this.jujuName = jujuName;
  }

  static OpKind of(String name) {
    for (OpKind kind : values()) {
      if (kind.jujuName.equals(name)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown operation kind " + name);
  }

  @Override
  public String toString() {
    return jujuName;
  }
}
