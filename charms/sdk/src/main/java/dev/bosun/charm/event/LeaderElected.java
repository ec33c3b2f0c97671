package dev.bosun.charm.event;

/** Runs on the unit that has just become its application's leader. */
public record LeaderElected() implements HookEvent {
  @Override
  public String hookName() {
    return "leader-elected";
  }
}
