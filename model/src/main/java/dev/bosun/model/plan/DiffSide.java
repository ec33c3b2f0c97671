package dev.bosun.model.plan;

/** A side of a {@link BundleDiff}: the bundle (desired) or the model (what runs). */
public enum DiffSide {
  /** The bundle. */
  BUNDLE("bundle"),
  /** The model. */
  MODEL("model");

  private final String yaml;

  DiffSide(String yaml) {
    this.yaml = yaml;
  }

  /** Returns the word Juju's diff prints: {@code bundle} or {@code model}. */
  public String yaml() {
    return yaml;
  }
}
