package dev.bosun.charm.event;

/** Runs once after the first config-changed: start the workload. */
public record Start() implements HookEvent {
  @Override
  public String hookName() {
    return "start";
  }
}
