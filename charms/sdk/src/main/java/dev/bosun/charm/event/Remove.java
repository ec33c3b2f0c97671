package dev.bosun.charm.event;

/** The unit's last hook: clean up everything the charm created. */
public record Remove() implements HookEvent {
  @Override
  public String hookName() {
    return "remove";
  }
}
