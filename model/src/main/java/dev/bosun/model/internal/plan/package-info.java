/**
 * The planner's implementation: Juju's {@code FromData} handlers ({@link
 * dev.bosun.model.internal.plan.ChangePlanner}, {@link dev.bosun.model.internal.plan.UnitPlacer}),
 * the machine map inference, the change order, the plan simulation behind {@code ModelState.apply},
 * and the diff with its YAML writer. Not API.
 */
package dev.bosun.model.internal.plan;
