package dev.bosun.model.plan;

import static java.util.Objects.requireNonNull;

import dev.bosun.model.internal.plan.DiffBuilder;
import dev.bosun.model.spec.ModelSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a bundle and a running model differ, as {@code juju diff-bundle} reports it: applications
 * missing from either side and their differing charm, series, channel, revision, unit count (not
 * for subordinates), expose settings, options, annotations and constraints; machines missing from
 * either side or with a different series or annotations; relations only one side has.
 *
 * <pre>{@code
 * BundleDiff diff = BundleDiff.compute(bundle, state);
 * out.print(diff.toYaml());
 * // applications:
 * //   etcd:
 * //     num_units:
 * //       bundle: 3
 * //       model: 1
 * // relations:
 * //   bundle-additions:
 * //   - - etcd:certificates
 * //     - easyrsa:client
 * }</pre>
 *
 * <p>Bundle machines are compared with the model machines the planner maps them to; top-level model
 * machines no bundle machine maps to (including the machines units were placed on without a bundle
 * machine) are reported as missing from the bundle, as Juju does. Containers are not compared.
 */
public final class BundleDiff {
  private final Map<String, ApplicationDiff> applications;
  private final Map<String, MachineDiff> machines;
  private final RelationsDiff relations;

  private BundleDiff(DiffBuilder.Parts parts) {
    this.applications = Collections.unmodifiableMap(new LinkedHashMap<>(parts.applications()));
    this.machines = Collections.unmodifiableMap(new LinkedHashMap<>(parts.machines()));
    this.relations = parts.relations();
  }

  /**
   * Compares a bundle with a model, without annotations (Juju compares annotations only with {@code
   * --annotations}).
   */
  public static BundleDiff compute(ModelSpec bundle, ModelState model) {
    return compute(bundle, model, false);
  }

  /**
   * Compares a bundle with a model.
   *
   * @param bundle the desired model
   * @param model what runs
   * @param includeAnnotations whether to compare annotations ({@code --annotations})
   */
  public static BundleDiff compute(ModelSpec bundle, ModelState model, boolean includeAnnotations) {
    requireNonNull(bundle, "bundle");
    requireNonNull(model, "model");
    return new BundleDiff(DiffBuilder.build(bundle, model, includeAnnotations));
  }

  /** Whether the bundle and the model match, in every part compared. */
  public boolean isEmpty() {
    return applications.isEmpty() && machines.isEmpty() && relations.isEmpty();
  }

  /** Returns the applications that differ, by name, sorted. */
  public Map<String, ApplicationDiff> applications() {
    return applications;
  }

  /** Returns the machines that differ, by model machine id, in natural order. */
  public Map<String, MachineDiff> machines() {
    return machines;
  }

  /** Returns the relations only one side has. */
  public RelationsDiff relations() {
    return relations;
  }

  /**
   * Returns the diff as Juju's diff-bundle prints it: YAML with {@code applications}, {@code
   * machines} and {@code relations} ({@code bundle-additions}, {@code model-additions}), parts that
   * do not differ left out, keys in a fixed order; {@code {}} when nothing differs.
   */
  public String toYaml() {
    return DiffBuilder.toYaml(new DiffBuilder.Parts(applications, machines, relations));
  }

  @Override
  public String toString() {
    return toYaml();
  }
}
