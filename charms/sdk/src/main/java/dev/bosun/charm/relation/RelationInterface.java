package dev.bosun.charm.relation;

import dev.bosun.model.charm.Role;

/**
 * A typed relation interface: binds an interface name to the record its provider publishes and the
 * record its requirer publishes, so charms exchange records rather than string maps, with the same
 * keys on the wire as the original charms use.
 *
 * <pre>{@code
 * public static final RelationInterface<EtcdConnection, EtcdClient> ETCD =
 *     RelationInterface.of("etcd", EtcdConnection.class, EtcdClient.class);
 *
 * // in the etcd charm (provider):  ctx.relations("db", ETCD.provider())
 * // in a consumer (requirer):      ctx.relations("etcd", ETCD.requirer())
 * }</pre>
 *
 * @param <P> the record the provider publishes
 * @param <Q> the record the requirer publishes
 * @param name the interface name
 * @param providerRecord how the provider's record maps to its databag
 * @param requirerRecord how the requirer's record maps to its databag
 */
public record RelationInterface<P, Q>(
    String name, WireCodec<P> providerRecord, WireCodec<Q> requirerRecord) {

  /**
   * Returns an interface whose records map to databags by their components (see {@link
   * WireCodec#of(Class)}).
   *
   * @throws IllegalArgumentException when a record type cannot be mapped
   */
  public static <P extends Record, Q extends Record> RelationInterface<P, Q> of(
      String name, Class<P> provider, Class<Q> requirer) {
    return new RelationInterface<>(name, WireCodec.of(provider), WireCodec.of(requirer));
  }

  /** Returns the provider side: publishes {@code P}, reads {@code Q}. */
  public InterfaceEndpoint<P, Q> provider() {
    return new InterfaceEndpoint<>(name, Role.PROVIDER, providerRecord, requirerRecord);
  }

  /** Returns the requirer side: publishes {@code Q}, reads {@code P}. */
  public InterfaceEndpoint<Q, P> requirer() {
    return new InterfaceEndpoint<>(name, Role.REQUIRER, requirerRecord, providerRecord);
  }
}
