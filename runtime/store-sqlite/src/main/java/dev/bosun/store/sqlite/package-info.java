/**
 * The embedded durable store: {@link dev.bosun.store.sqlite.SqliteStore}, a {@link
 * dev.bosun.runtime.store.Store} in one SQLite file (WAL mode, durable group commits, a bounded
 * change log for watches, leases on the store's clock, watches across processes sharing the file).
 */
package dev.bosun.store.sqlite;
