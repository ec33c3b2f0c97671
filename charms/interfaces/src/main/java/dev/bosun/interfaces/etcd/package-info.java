/**
 * The {@code etcd} interface: the {@code db} relation (connection string, client CA, version; no
 * client key) and the {@code cluster} peer relation (member name, peer URL, client URL).
 *
 * <p>Start at {@link dev.bosun.interfaces.etcd.EtcdInterface}.
 */
package dev.bosun.interfaces.etcd;
