package dev.bosun.charm.event;

/**
 * Runs after install, after upgrade-charm, and whenever the application's configuration (or the
 * unit's address) changes.
 */
public record ConfigChanged() implements HookEvent {
  @Override
  public String hookName() {
    return "config-changed";
  }
}
