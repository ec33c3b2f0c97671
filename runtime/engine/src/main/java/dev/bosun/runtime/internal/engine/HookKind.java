package dev.bosun.runtime.internal.engine;

/** The hooks a unit agent runs. */
enum HookKind {
  INSTALL("install"),
  START("start"),
  CONFIG_CHANGED("config-changed"),
  UPGRADE_CHARM("upgrade-charm"),
  UPDATE_STATUS("update-status"),
  LEADER_ELECTED("leader-elected"),
  LEADER_SETTINGS_CHANGED("leader-settings-changed"),
  STOP("stop"),
  REMOVE("remove"),
  RELATION_CREATED("relation-created"),
  RELATION_JOINED("relation-joined"),
  RELATION_CHANGED("relation-changed"),
  RELATION_DEPARTED("relation-departed"),
  RELATION_BROKEN("relation-broken");

  private final String jujuName;

  HookKind(String jujuName) {
    this.jujuName = jujuName;
  }

  boolean isRelation() {
    return ordinal() >= RELATION_CREATED.ordinal();
  }

  static HookKind of(String name) {
    for (HookKind kind : values()) {
      if (kind.jujuName.equals(name)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown hook kind " + name);
  }

  @Override
  public String toString() {
    return jujuName;
  }
}
