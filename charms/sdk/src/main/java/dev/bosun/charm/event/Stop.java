package dev.bosun.charm.event;

/** Runs when the unit is being removed, after its relations are broken: stop the workload. */
public record Stop() implements HookEvent {
  @Override
  public String hookName() {
    return "stop";
  }
}
