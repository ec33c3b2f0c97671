package dev.bosun.charm.spi;

import java.util.Optional;

/**
 * What running a hook produced: its changes when it succeeded, its failure when it threw.
 *
 * @param changes the changes to commit; for a failed hook, only the action's log and failure
 *     message (the fail() message, else the exception's), never data
 * @param failure the exception the charm threw, or null
 */
public record HookOutcome(HookChanges changes, Throwable failure) {

  /** Whether the hook succeeded. */
  public boolean succeeded() {
    return failure == null;
  }

  /** Returns the failure, if the hook threw. */
  public Optional<Throwable> error() {
    return Optional.ofNullable(failure);
  }
}
