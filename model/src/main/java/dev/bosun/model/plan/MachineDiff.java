package dev.bosun.model.plan;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a machine differs between the bundle and the model (Juju's {@code MachineDiff}).
 *
 * @param missing the side the machine is missing from, or null when both have it
 * @param annotations the annotations that differ (when annotations are compared)
 * @param series the series, or null when the same
 */
public record MachineDiff(
    DiffSide missing, Map<String, ValueDiff<String>> annotations, ValueDiff<String> series) {

  /** Copies the annotations, sorted by key. */
  public MachineDiff {
    annotations = Collections.unmodifiableMap(new TreeMap<>(annotations));
  }

  /** Returns the diff of a machine only one side has. */
  public static MachineDiff missingFrom(DiffSide side) {
    return new MachineDiff(side, Map.of(), null);
  }

  /** Whether nothing differs. */
  public boolean isEmpty() {
    return missing == null && annotations.isEmpty() && series == null;
  }
}
