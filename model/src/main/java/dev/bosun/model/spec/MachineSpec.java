package dev.bosun.model.spec;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.TreeMap;

/**
 * A machine a model declares, which placement directives refer to by id.
 *
 * @param id the bundle machine id, a number such as {@code 0}
 * @param constraints the machine's constraints
 * @param annotations free-form annotations
 * @param series the machine's series, or null
 * @param base the machine's base (for example {@code ubuntu@22.04}), or null
 */
public record MachineSpec(
    String id,
    Constraints constraints,
    Map<String, String> annotations,
    String series,
    String base) {

  /** Checks the components and copies the annotations, sorted by key. */
  public MachineSpec {
    requireNonNull(id, "id");
    requireNonNull(constraints, "constraints");
    annotations = java.util.Collections.unmodifiableMap(new TreeMap<>(annotations));
  }

  /** Returns a machine with the given id and nothing else set. */
  public static MachineSpec of(String id) {
    return new MachineSpec(id, Constraints.NONE, Map.of(), null, null);
  }

  /** Returns a copy with the given constraints. */
  public MachineSpec withConstraints(Constraints newConstraints) {
    return new MachineSpec(id, newConstraints, annotations, series, base);
  }
}
