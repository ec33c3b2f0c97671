package dev.bosun.charm.event;

/** The unit's first hook: install the workload's software. */
public record Install() implements HookEvent {
  @Override
  public String hookName() {
    return "install";
  }
}
