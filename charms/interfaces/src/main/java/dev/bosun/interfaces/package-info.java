/**
 * Typed relation interfaces shared by Bosun's charms.
 *
 * <p>Each interface keeps the wire keys of the original reactive charms so the data means the same
 * thing on both sides, with one deliberate exception: secrets never travel in relation data. See
 * {@link dev.bosun.interfaces.tls} (tls-certificates: requesters send certificate signing requests
 * and keep their keys) and {@link dev.bosun.interfaces.etcd} (etcd: no client key on {@code db}),
 * and {@code docs/interfaces.md} for the wire tables.
 */
package dev.bosun.interfaces;
