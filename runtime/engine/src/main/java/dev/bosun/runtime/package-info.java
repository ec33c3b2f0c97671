/**
 * The Bosun runtime: takes a model, drives every unit's hooks in Juju's order until the model
 * settles, and reports status.
 *
 * <p>Start with {@link dev.bosun.runtime.Runtime}: build one over a {@link
 * dev.bosun.runtime.store.Store} and a {@link dev.bosun.runtime.substrate.Substrate} with the
 * charms it may deploy, {@link dev.bosun.runtime.Runtime#apply apply} a model, {@link
 * dev.bosun.runtime.Runtime#awaitSettled await} settlement, read {@link
 * dev.bosun.runtime.Runtime#status status}. Tests use a {@link dev.bosun.runtime.ManualClock} and
 * {@link dev.bosun.runtime.RuntimeSettings#deterministic deterministic} settings.
 */
package dev.bosun.runtime;
