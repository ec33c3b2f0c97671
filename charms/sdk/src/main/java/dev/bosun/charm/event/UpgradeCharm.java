package dev.bosun.charm.event;

/** Runs when the application is refreshed to a new charm revision; config-changed follows. */
public record UpgradeCharm() implements HookEvent {
  @Override
  public String hookName() {
    return "upgrade-charm";
  }
}
