package dev.bosun.charm.event;

/** Runs periodically (every five minutes by default, with jitter) while the unit is idle. */
public record UpdateStatus() implements HookEvent {
  @Override
  public String hookName() {
    return "update-status";
  }
}
