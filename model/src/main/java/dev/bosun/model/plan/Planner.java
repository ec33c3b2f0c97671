package dev.bosun.model.plan;

import static java.util.Objects.requireNonNull;

import dev.bosun.model.internal.plan.ChangePlanner;
import dev.bosun.model.spec.ModelSpec;

/**
 * Plans the changes that take a model from what runs ({@link ModelState}) to what is desired
 * ({@link ModelSpec}), as Juju's bundle change planner does ({@code FromData} in {@code
 * core/bundle/changes}), so that {@code bosun deploy --dry-run} prints what {@code juju deploy
 * --dry-run} would:
 *
 * <ol>
 *   <li>applications, in natural name order: {@code addCharm} once per charm, architecture, base,
 *       channel and revision the model does not run yet; a new application is deployed ({@code
 *       deploy}), exposed and annotated; an existing one gets {@code upgradeCharm} when its charm
 *       differs or a newer revision is requested, {@code setOptions} with only the changed keys,
 *       {@code setConstraints} when they differ, {@code expose} (never an unexpose), {@code scale}
 *       (Kubernetes), and {@code setAnnotations} with only the changed annotations;
 *   <li>the bundle's machines, mapped to machines of the model where a previous deployment created
 *       them ({@link ModelState#bundleMachines()}, explicit {@link PlanOptions#machineMap()}, else
 *       inferred from placement as Juju does), else added ({@code addMachines});
 *   <li>consumed offers ({@code consumeOffer});
 *   <li>relations the model lacks, in either order ({@code addRelation});
 *   <li>units from the existing count up to {@code num_units} (never removed; a subordinate asks
 *       for none), placed by their directives: machine numbers, {@code new}, containers, {@code
 *       app/N}, {@code app} (next unit of app), with the last directive repeated only when it is
 *       {@code new} or an application without unit number.
 * </ol>
 *
 * <p>Machine ids and unit names continue from the model's sequences. The changes are ordered as
 * Juju 3.x orders them (see {@link Plan}). Planning a model against the state a plan produced
 * ({@link ModelState#apply(Plan)}) gives an empty plan.
 *
 * <p>Charms in Bosun are local (built in, or a charm directory): descriptions use Juju's wording
 * for local charms, naming the charm as the bundle writes it ({@code upload charm etcd}, {@code
 * deploy application etcd}); references written as charm URLs ({@code ch:etcd}, {@code local:etcd})
 * get Juju's store wording ({@code from charm-hub}, {@code from local}).
 *
 * <pre>{@code
 * Plan plan = Planner.plan(ModelSpec.builder()
 *     .application("etcd", app -> app.units(3))
 *     .application("easyrsa", app -> app.units(1))
 *     .relate("etcd:certificates", "easyrsa:client")
 *     .build(), ModelState.EMPTY);
 * plan.descriptions();
 * // [upload charm easyrsa, deploy application easyrsa, upload charm etcd, deploy application etcd,
 * //  add relation etcd:certificates - easyrsa:client, add unit easyrsa/0 to new machine 0,
 * //  add unit etcd/0 to new machine 1, add unit etcd/1 to new machine 2, ...]
 * }</pre>
 *
 * <p>The work is near-linear in the size of the model and the bundle: every lookup is a hash
 * lookup, and ordering is a single topological pass.
 */
public final class Planner {
  private Planner() {}

  /**
   * Plans the changes from {@code current} to {@code desired}, without {@code --force} and with
   * bundle machines mapped to model machines by inference.
   *
   * @param desired the desired model, assumed valid ({@link ModelSpec.Builder#build()} checks it)
   * @param current what runs now ({@link ModelState#EMPTY} for a new model)
   * @return the ordered changes; empty when the model already matches
   * @throws CharmUpgradeException when an application's charm would change channel or revision in a
   *     way Juju refuses
   * @throws PlacementCycleException when placement directives form a cycle
   * @throws MachineMappingException when a bundle machine would be created but host nothing
   * @throws PlanException when the model refers to applications or machines it does not define
   */
  public static Plan plan(ModelSpec desired, ModelState current) {
    return plan(desired, current, PlanOptions.DEFAULT);
  }

  /**
   * Plans the changes from {@code current} to {@code desired} with options ({@code --force}, {@code
   * --map-machines}).
   *
   * @throws PlanException as {@link #plan(ModelSpec, ModelState)} does
   */
  public static Plan plan(ModelSpec desired, ModelState current, PlanOptions options) {
    requireNonNull(desired, "desired");
    requireNonNull(current, "current");
    requireNonNull(options, "options");
    return ChangePlanner.plan(desired, current, options);
  }
}
