package dev.bosun.charm.relation;

import static java.util.Objects.requireNonNull;

import dev.bosun.model.charm.Role;

/**
 * One side of a typed relation interface: the interface name, the role, the record this side writes
 * ({@code L}, local) and the record it reads from the other side ({@code R}, remote).
 *
 * <p>Obtain one from a {@link RelationInterface}: {@code EtcdInterface.INTERFACE.requirer()}.
 *
 * @param <L> the record this side publishes
 * @param <R> the record this side reads from the other side
 * @param interfaceName the interface name, as in {@code metadata.yaml}
 * @param role the role of this side
 * @param local how this side's record maps to its databag
 * @param remote how the other side's record maps to its databag
 */
public record InterfaceEndpoint<L, R>(
    String interfaceName, Role role, WireCodec<L> local, WireCodec<R> remote) {

  /** Checks the components. */
  public InterfaceEndpoint {
    requireNonNull(interfaceName, "interfaceName");
    requireNonNull(role, "role");
    requireNonNull(local, "local");
    requireNonNull(remote, "remote");
  }
}
