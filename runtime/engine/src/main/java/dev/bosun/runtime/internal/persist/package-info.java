/**
 * How the runtime lays out a model in a {@link dev.bosun.runtime.store.Store}: the keys, the JSON
 * documents (with the layout's schema version), and the chunked journals of status history and hook
 * log.
 */
package dev.bosun.runtime.internal.persist;
