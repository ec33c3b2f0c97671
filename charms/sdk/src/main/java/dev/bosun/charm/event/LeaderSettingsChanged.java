package dev.bosun.charm.event;

/** Runs on units that are not the leader, at start-up and whenever leadership changes. */
public record LeaderSettingsChanged() implements HookEvent {
  @Override
  public String hookName() {
    return "leader-settings-changed";
  }
}
