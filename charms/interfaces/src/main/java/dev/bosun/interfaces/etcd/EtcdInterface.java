package dev.bosun.interfaces.etcd;

import dev.bosun.charm.relation.InterfaceEndpoint;
import dev.bosun.charm.relation.RelationInterface;
import dev.bosun.charm.relation.TypedRelation;
import dev.bosun.charm.relation.WireCodec;
import dev.bosun.interfaces.internal.UnitNames;
import dev.bosun.model.charm.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code etcd} interface. Two relations share the name, with different roles and records:
 *
 * <ul>
 *   <li>{@code db} (etcd provides, consumers such as kubernetes-control-plane and flannel require):
 *       the provider publishes an {@link EtcdConnection} — {@code connection_string}, {@code
 *       client_ca}, {@code version}; the requirer publishes nothing ({@link EtcdClient}).
 *   <li>{@code cluster} (etcd's peer relation): every unit publishes an {@link EtcdPeer}.
 * </ul>
 *
 * <p>Difference from the original interface, for security: {@code db} carries no {@code client_key}
 * (nor the matching {@code client_cert}). Each consumer relates its own {@code certificates}
 * endpoint to the same certificate authority as etcd, requests a client certificate there with its
 * own key, and uses {@link EtcdConnection#trusts} to check that etcd's {@code client_ca} is that
 * CA.
 *
 * <pre>{@code
 * for (TypedRelation<EtcdClient, EtcdConnection> db : ctx.relations("etcd", EtcdInterface.DB_REQUIRER)) {
 *   EtcdInterface.connection(db).ifPresent(c -> configure(c.connectionString()));
 * }
 * }</pre>
 */
public final class EtcdInterface {
  /** The interface name, as in {@code metadata.yaml}, for both {@code db} and {@code cluster}. */
  public static final String NAME = "etcd";

  /** The etcd charm's provider endpoint name. */
  public static final String DB_ENDPOINT = "db";

  /** The etcd charm's peer endpoint name. */
  public static final String CLUSTER_ENDPOINT = "cluster";

  /** The codec of {@link EtcdConnection}. */
  public static final WireCodec<EtcdConnection> CONNECTION_CODEC = new EtcdCodecs.Connection();

  /** The codec of {@link EtcdClient} (no keys). */
  public static final WireCodec<EtcdClient> CLIENT_CODEC = new EtcdCodecs.Client();

  /** The codec of {@link EtcdPeer}. */
  public static final WireCodec<EtcdPeer> PEER_CODEC = new EtcdCodecs.Peer();

  /** The {@code db} relation: the provider publishes the connection, the requirer nothing. */
  public static final RelationInterface<EtcdConnection, EtcdClient> DB =
      new RelationInterface<>(NAME, CONNECTION_CODEC, CLIENT_CODEC);

  /** The etcd side of {@code db}. */
  public static final InterfaceEndpoint<EtcdConnection, EtcdClient> DB_PROVIDER = DB.provider();

  /** The consumer side of {@code db}. */
  public static final InterfaceEndpoint<EtcdClient, EtcdConnection> DB_REQUIRER = DB.requirer();

  /** The {@code cluster} peer relation: every unit publishes and reads {@link EtcdPeer}. */
  public static final InterfaceEndpoint<EtcdPeer, EtcdPeer> CLUSTER =
      new InterfaceEndpoint<>(NAME, Role.PEER, PEER_CODEC, PEER_CODEC);

  private EtcdInterface() {}

  /**
   * Returns the connection a consumer should use: the etcd application's record if it publishes one
   * in its application bag, else the record of the first etcd unit (in unit order) that published a
   * complete one. Empty until etcd publishes.
   *
   * @throws dev.bosun.charm.relation.WireFormatException when the data does not parse
   */
  public static Optional<EtcdConnection> connection(TypedRelation<?, EtcdConnection> db) {
    Optional<EtcdConnection> application = db.remoteApplication();
    if (application.isPresent()) {
      return application;
    }
    Map<String, EtcdConnection> units = db.remoteUnits();
    List<String> names = new ArrayList<>(units.keySet());
    names.sort(UnitNames.ORDER);
    return names.stream().findFirst().map(units::get);
  }
}
