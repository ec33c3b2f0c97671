package dev.bosun.runtime;

/** How {@link Runtime#resolve} gets a unit out of a hook error ({@code juju resolve}). */
public enum ResolveMode {
  /** Run the failed hook again. */
  RETRY,
  /**
   * Do not run it again: commit it as if it had succeeded (its changes are lost), so what it would
   * have caused still happens, for example the {@code start} that follows {@code config-changed}.
   */
  NO_RETRY
}
