package dev.bosun.runtime;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@link Runtime#awaitSettled} found.
 *
 * @param settled whether the model settled: every unit idle, nothing runnable or pending, no unit
 *     in error
 * @param errors the units in a hook error, with the message ({@code hook failed: "install"})
 * @param pending the units with work left when the wait ended, with what they were doing
 * @param hooksRun how many hooks and actions ran during the wait
 * @param elapsed how long the wait took, in real time
 */
public record SettleResult(
    boolean settled,
    Map<String, String> errors,
    Map<String, String> pending,
    long hooksRun,
    Duration elapsed) {

  /** Copies the maps, sorted by unit. */
  public SettleResult {
    errors = Collections.unmodifiableMap(new TreeMap<>(errors));
    pending = Collections.unmodifiableMap(new TreeMap<>(pending));
  }

  @Override
  public String toString() {
    if (settled) {
      return "settled after " + hooksRun + " hooks";
    }
    return "not settled: errors " + errors + ", pending " + pending;
  }
}
