/**
 * Planning: what runs ({@link dev.bosun.model.plan.ModelState}) compared with what is desired
 * ({@link dev.bosun.model.spec.ModelSpec}) gives the ordered changes that close the gap ({@link
 * dev.bosun.model.plan.Planner}, {@link dev.bosun.model.plan.Plan}, {@link
 * dev.bosun.model.plan.Change}), or a report of the differences ({@link
 * dev.bosun.model.plan.BundleDiff}).
 *
 * <p>The behaviour, ordering and wording are Juju's bundle change planner ({@code
 * core/bundle/changes} in juju/juju 3.x): {@code bosun deploy --dry-run} prints what {@code juju
 * deploy --dry-run} would, and {@code bosun diff} what {@code juju diff-bundle} would. Where Bosun
 * differs, the type's documentation says so.
 */
package dev.bosun.model.plan;
