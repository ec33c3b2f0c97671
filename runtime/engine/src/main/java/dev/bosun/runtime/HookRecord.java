package dev.bosun.runtime;

import java.time.Duration;
import java.time.Instant;

/**
 * One entry of the hook log: a hook (or action) a unit ran.
 *
 * @param sequence the entry's position in the model's log: entries sort by it in the order the
 *     hooks started
 * @param unit the unit
 * @param hook the hook name ({@code install}, {@code db-relation-joined}) or the action name
 * @param relationId the relation id of a relation hook, else -1
 * @param remoteUnit the remote unit of a relation hook, else null
 * @param start when it started, on the runtime's clock
 * @param duration how long it ran, in real time
 * @param outcome how it ended
 * @param error the failure message of a hook that failed, else null
 * @param action whether it was an action rather than a hook
 */
public record HookRecord(
    long sequence,
    String unit,
    String hook,
    int relationId,
    String remoteUnit,
    Instant start,
    Duration duration,
    Outcome outcome,
    String error,
    boolean action) {

  /** How a hook ended. */
  public enum Outcome {
    /** It returned; its changes were committed. */
    SUCCEEDED,
    /** It threw (or, for an action, failed); its changes were discarded. */
    FAILED,
    /** The agent stopped while it ran; it is treated as failed and retried. */
    INTERRUPTED
  }

  @Override
  public String toString() {
    String text = unit + " " + hook;
    if (remoteUnit != null) {
      text += "(" + remoteUnit + ")";
    }
    return outcome == Outcome.SUCCEEDED ? text : text + " " + outcome;
  }
}
