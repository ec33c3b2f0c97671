package dev.bosun.interfaces.etcd;

import static java.util.Objects.requireNonNull;

import dev.bosun.interfaces.InvalidInterfaceDataException;
import dev.bosun.model.spec.Names;
import java.util.Optional;

/**
 * What each etcd unit publishes on the {@code cluster} peer relation, so every unit can derive the
 * desired membership from relation data and reconcile it with {@code member list} (declarative
 * membership), rather than driving joins from a fixed leader address.
 *
 * <ul>
 *   <li>{@code member-name} and {@code peer-url} are published as soon as the unit can join: the
 *       members that should exist, with their peer URLs;
 *   <li>{@code db-ingress-address} (the original interface's only key) and {@code client-url} are
 *       published once the unit's member is registered — named in etcd's member list, as the
 *       original charm sets {@code db-ingress-address} once the unit is registered — and withdrawn
 *       while it cannot run: the members that belong in the {@code db} connection string. A member
 *       of a static bootstrap is registered when its process starts (etcd names it from {@code
 *       --initial-cluster}) and serves clients shortly after, once the cluster has a leader; a
 *       member added later is registered once it serves, since etcd names it only when it publishes
 *       itself, just before serving.
 * </ul>
 *
 * @param memberName the etcd member name, {@code etcd0} for unit {@code etcd/0} ({@code
 *     member-name})
 * @param peerUrl the URL other members reach this one on, {@code https://<cluster ingress>:2380}
 *     ({@code peer-url})
 * @param dbIngressAddress the address clients reach this member on ({@code db-ingress-address}),
 *     once it is registered
 * @param clientUrl the client URL, {@code https://<db ingress>:2379} ({@code client-url}), once it
 *     is registered
 */
public record EtcdPeer(
    String memberName,
    String peerUrl,
    Optional<String> dbIngressAddress,
    Optional<String> clientUrl) {

  /**
   * Checks the components.
   *
   * @throws InvalidInterfaceDataException when a value is not valid, or only one of {@code
   *     dbIngressAddress} and {@code clientUrl} is present
   */
  public EtcdPeer {
    EtcdValues.memberName("member-name", memberName);
    EtcdValues.url("peer-url", peerUrl);
    requireNonNull(dbIngressAddress, "dbIngressAddress");
    requireNonNull(clientUrl, "clientUrl");
    dbIngressAddress.ifPresent(a -> EtcdValues.address("db-ingress-address", a));
    clientUrl.ifPresent(u -> EtcdValues.url("client-url", u));
    if (dbIngressAddress.isPresent() != clientUrl.isPresent()) {
      throw new InvalidInterfaceDataException(
          dbIngressAddress.isPresent() ? "client-url" : "db-ingress-address",
          "db-ingress-address and client-url are published together, once the member is registered");
    }
  }

  /** Returns the record of a unit that can join but is not registered yet. */
  public static EtcdPeer joining(String memberName, String peerUrl) {
    return new EtcdPeer(memberName, peerUrl, Optional.empty(), Optional.empty());
  }

  /** Returns this record with the member registered on the given address and client URL. */
  public EtcdPeer registered(String dbIngressAddress, String clientUrl) {
    return new EtcdPeer(memberName, peerUrl, Optional.of(dbIngressAddress), Optional.of(clientUrl));
  }

  /**
   * Whether the member is registered: named in the member list, so it belongs in the connection
   * string.
   */
  public boolean isRegistered() {
    return clientUrl.isPresent();
  }

  /**
   * Returns the member name the original charm used for a unit: the unit name without its slash
   * ({@code etcd/0} gives {@code etcd0}).
   *
   * @throws IllegalArgumentException when the text is not a Juju unit name
   */
  public static String memberNameOf(String jujuUnitName) {
    if (jujuUnitName == null || !Names.isValidUnit(jujuUnitName)) {
      throw new IllegalArgumentException(
          "\"" + jujuUnitName + "\" is not a unit name such as \"etcd/0\"");
    }
    return jujuUnitName.replace("/", "");
  }
}
