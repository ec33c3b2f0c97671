/**
 * The etcd charm: a TLS etcd cluster whose membership is managed declaratively through the v3 API.
 *
 * <p>Start at {@link dev.bosun.charms.etcd.EtcdCharm}; the options are {@link
 * dev.bosun.charms.etcd.EtcdSettings}, the member's command line {@link
 * dev.bosun.charms.etcd.EtcdFlags}, the leader's membership decisions {@link
 * dev.bosun.charms.etcd.MembershipPlan}, and the status messages {@link
 * dev.bosun.charms.etcd.EtcdStatus}. docs/charms/etcd.md describes the charm for operators.
 */
package dev.bosun.charms.etcd;
