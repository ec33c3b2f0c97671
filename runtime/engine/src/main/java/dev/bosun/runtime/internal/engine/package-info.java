/**
 * The engine behind {@link dev.bosun.runtime.Runtime}: the model as the process holds it (nodes for
 * applications, units, machines and relations), the unit agents that turn it into hooks with Juju's
 * resolver, the scheduler that runs them, the controller operations, the loader that rebuilds it
 * all from a store, and the status view.
 */
package dev.bosun.runtime.internal.engine;
