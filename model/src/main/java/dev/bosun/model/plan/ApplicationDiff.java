package dev.bosun.model.plan;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * How an application differs between the bundle and the model (Juju's {@code ApplicationDiff}).
 * Every component is null (or empty) when that part does not differ.
 *
 * @param missing the side the application is missing from, or null when both have it
 * @param charm the charm references
 * @param series the series
 * @param channel the charm channels
 * @param revision the charm revisions (-1 when not known)
 * @param numUnits the unit counts of a machine model (not compared for subordinates)
 * @param scale the unit counts of a Kubernetes model
 * @param expose whether the application is exposed
 * @param exposedEndpoints the per-endpoint expose rules that differ, by endpoint
 * @param options the configuration values that differ, by option
 * @param annotations the annotations that differ, by key (when annotations are compared)
 * @param constraints the constraints, in canonical form
 */
public record ApplicationDiff(
    DiffSide missing,
    ValueDiff<String> charm,
    ValueDiff<String> series,
    ValueDiff<String> channel,
    ValueDiff<Integer> revision,
    ValueDiff<Integer> numUnits,
    ValueDiff<Integer> scale,
    ValueDiff<Boolean> expose,
    Map<String, ExposedEndpointDiff> exposedEndpoints,
    Map<String, ValueDiff<Object>> options,
    Map<String, ValueDiff<String>> annotations,
    ValueDiff<String> constraints) {

  /** Copies the maps, sorted by key. */
  public ApplicationDiff {
    exposedEndpoints = Collections.unmodifiableMap(new TreeMap<>(exposedEndpoints));
    options = Collections.unmodifiableMap(new TreeMap<>(options));
    annotations = Collections.unmodifiableMap(new TreeMap<>(annotations));
  }

  /** Returns the diff of an application only one side has. */
  public static ApplicationDiff missingFrom(DiffSide side) {
    return new ApplicationDiff(
        side, null, null, null, null, null, null, null, Map.of(), Map.of(), Map.of(), null);
  }

  /** Whether nothing differs. */
  public boolean isEmpty() {
    return missing == null
        && charm == null
        && series == null
        && channel == null
        && revision == null
        && numUnits == null
        && scale == null
        && expose == null
        && exposedEndpoints.isEmpty()
        && options.isEmpty()
        && annotations.isEmpty()
        && constraints == null;
  }
}
