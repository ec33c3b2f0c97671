package dev.bosun.interfaces.tls;

import static java.util.Objects.requireNonNull;

import dev.bosun.charm.RelationData;
import dev.bosun.charm.relation.InterfaceEndpoint;
import dev.bosun.charm.relation.RelationInterface;
import dev.bosun.charm.relation.TypedRelation;
import dev.bosun.model.spec.Names;

/**
 * The {@code tls-certificates} interface: a certificate authority (provider, easyrsa's {@code
 * client} endpoint) signs certificates for requesters ({@code certificates} endpoints).
 *
 * <p>Bosun keeps the original interface's public keys and their meaning ({@code unit_name}, {@code
 * common_name}, {@code sans}, {@code certificate_name}, {@code cert_requests}, {@code
 * client_cert_requests}, {@code ca}, {@code chain}, {@code <unit_name>.server.cert}, {@code
 * <unit_name>.processed_requests}, {@code <unit_name>.processed_client_requests}) with one
 * deliberate difference: <b>no private key ever crosses the relation</b>. Each requester generates
 * its own key pair, keeps the private key (mode 0600) and sends a PEM certificate signing request
 * ({@code csr} beside the top-level request, and a {@code csr} field inside each entry of {@code
 * cert_requests} and {@code client_cert_requests}); the provider answers with certificates only.
 * The original's {@code <unit_name>.server.key}, {@code client.key}, the {@code key} field of
 * processed entries and the shared global client certificate ({@code client.cert}) are gone: each
 * unit asks for its own client certificate instead.
 *
 * <pre>{@code
 * // requirer (etcd):
 * for (TypedRelation<TlsRequirerData, TlsProviderData> tls :
 *     ctx.relations("certificates", TlsCertificates.REQUIRER)) {
 *   tls.publish(TlsRequirerData.builder(TlsCertificates.wireUnitName(unit))
 *     .topLevel(ip, sans, TlsCertificates.wireUnitName(unit), csrPem).build());
 *   UnitCertificates.of(TlsCertificates.wireUnitName(unit), tls.remoteUnits());
 * }
 *
 * // provider (easyrsa leader), for each relation on "client":
 * TlsRequests.RequestSet requests = TlsRequests.read(client.relation());
 * for (CertificateRequest request : TlsRequests.newOrChanged(requests.requests(), issued)) { ... }
 * TlsCertificates.publish(client, TlsProviderData.builder(caPem).certificate(key, pem).build());
 * }</pre>
 */
public final class TlsCertificates {
  /** The interface name, as in {@code metadata.yaml}. */
  public static final String NAME = "tls-certificates";

  /** The codec of what a requirer publishes. */
  public static final TlsRequirerCodec REQUIRER_CODEC = TlsRequirerCodec.INSTANCE;

  /** The codec of what a provider publishes. */
  public static final TlsProviderCodec PROVIDER_CODEC = TlsProviderCodec.INSTANCE;

  /**
   * The interface: the provider publishes {@link TlsProviderData}, requirers {@link
   * TlsRequirerData}.
   */
  public static final RelationInterface<TlsProviderData, TlsRequirerData> INTERFACE =
      new RelationInterface<>(NAME, PROVIDER_CODEC, REQUIRER_CODEC);

  /** The provider side (the certificate authority): publishes certificates, reads requests. */
  public static final InterfaceEndpoint<TlsProviderData, TlsRequirerData> PROVIDER =
      INTERFACE.provider();

  /** The requirer side: publishes requests, reads certificates. */
  public static final InterfaceEndpoint<TlsRequirerData, TlsProviderData> REQUIRER =
      INTERFACE.requirer();

  private TlsCertificates() {}

  /**
   * Returns a Juju unit name in the interface's wire form: {@code etcd/0} becomes {@code etcd_0}
   * (the form of {@code unit_name} and of the unit-named keys).
   *
   * @throws IllegalArgumentException when the text is not a Juju unit name
   */
  public static String wireUnitName(String jujuUnitName) {
    if (jujuUnitName == null || !Names.isValidUnit(jujuUnitName)) {
      throw new IllegalArgumentException(
          "\"" + jujuUnitName + "\" is not a unit name such as \"etcd/0\"");
    }
    return jujuUnitName.replace('/', '_');
  }

  /**
   * Publishes the provider's record in this unit's bag, deleting the unit-named keys the record no
   * longer has (departed units, withdrawn requests) and any private-key key an original provider
   * left behind. Use this rather than {@link TypedRelation#publish}, which cannot delete keys it
   * does not know.
   */
  public static void publish(TypedRelation<TlsProviderData, ?> relation, TlsProviderData data) {
    requireNonNull(data, "data");
    RelationData bag = relation.relation().localUnitData();
    bag.putAll(PROVIDER_CODEC.encodeReplacing(data, bag.asMap()));
  }
}
