package dev.bosun.interfaces.tls;

import static java.util.Objects.requireNonNull;

import dev.bosun.interfaces.internal.PemText;
import dev.bosun.interfaces.internal.UnitNames;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The certificates one requirer unit received: the CA, the chain and its own issued certificates,
 * merged across the provider's units.
 *
 * <p>Merging: provider units are read in unit order (easyrsa/0, easyrsa/1, ...), and for the CA,
 * the chain and each certificate slot the first unit that has a value wins (only the provider's
 * leader issues, so normally one unit has them all).
 *
 * @param ca the CA certificate (PEM)
 * @param chain the chain of trust, if the provider sends one
 * @param serverCertificate the top-level server certificate, if issued
 * @param serverCertificates further server certificates by common name
 * @param clientCertificates client certificates by common name
 */
public record UnitCertificates(
    String ca,
    Optional<String> chain,
    Optional<String> serverCertificate,
    Map<String, String> serverCertificates,
    Map<String, String> clientCertificates) {

  /** Checks and copies the components. */
  public UnitCertificates {
    PemText.requireCertificates("ca", ca);
    requireNonNull(chain, "chain");
    requireNonNull(serverCertificate, "serverCertificate");
    serverCertificates =
        java.util.Collections.unmodifiableSortedMap(new TreeMap<>(serverCertificates));
    clientCertificates =
        java.util.Collections.unmodifiableSortedMap(new TreeMap<>(clientCertificates));
  }

  /**
   * Collects what the provider units published for one requirer unit.
   *
   * @param unitName this unit in wire form ({@code etcd_0}, see {@link
   *     TlsCertificates#wireUnitName})
   * @param providerUnits the provider units' records by Juju unit name ({@code
   *     TypedRelation.remoteUnits()})
   * @return empty until some provider unit publishes a CA
   */
  public static Optional<UnitCertificates> of(
      String unitName, Map<String, TlsProviderData> providerUnits) {
    List<String> units = new ArrayList<>(providerUnits.keySet());
    units.sort(UnitNames.ORDER);
    String ca = null;
    String chain = null;
    String top = null;
    Map<String, String> server = new TreeMap<>();
    Map<String, String> client = new TreeMap<>();
    for (String unit : units) {
      TlsProviderData data = providerUnits.get(unit);
      if (ca == null) {
        ca = data.ca();
      }
      if (chain == null) {
        chain = data.chain().orElse(null);
      }
      IssuedCertificates mine = data.issuedTo(unitName);
      if (top == null) {
        top = mine.serverCertificate().orElse(null);
      }
      mine.serverCertificates().forEach(server::putIfAbsent);
      mine.clientCertificates().forEach(client::putIfAbsent);
    }
    if (ca == null) {
      return Optional.empty();
    }
    return Optional.of(
        new UnitCertificates(
            ca, Optional.ofNullable(chain), Optional.ofNullable(top), server, client));
  }

  /** Returns the certificate for a slot and common name, if issued. */
  public Optional<String> certificate(CertificateType type, String commonName) {
    return switch (type) {
      case TOP_LEVEL_SERVER -> serverCertificate;
      case SERVER -> Optional.ofNullable(serverCertificates.get(commonName));
      case CLIENT -> Optional.ofNullable(clientCertificates.get(commonName));
    };
  }

  /**
   * Returns the requests of this unit that have no certificate yet, in key order: what a requirer
   * waits for ("Waiting for certificates").
   */
  public List<RequestKey> missing(TlsRequirerData mine) {
    List<RequestKey> missing = new ArrayList<>();
    for (CertificateRequest request : mine.requests()) {
      if (certificate(request.key().type(), request.key().commonName()).isEmpty()) {
        missing.add(request.key());
      }
    }
    return List.copyOf(missing);
  }

  /**
   * Whether the certificate (PEM) was issued for the given public key: a requirer that rotated its
   * key must not use a certificate for the old one. False when the text is not a certificate.
   */
  public static boolean certifies(String certificate, PublicKey key) {
    requireNonNull(key, "key");
    try {
      Certificate parsed =
          CertificateFactory.getInstance("X.509")
              .generateCertificate(
                  new ByteArrayInputStream(certificate.getBytes(StandardCharsets.US_ASCII)));
      return Arrays.equals(parsed.getPublicKey().getEncoded(), key.getEncoded());
    } catch (CertificateException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Returns a copy without the certificates that were not issued for the given public key (stale
   * certificates, published before the requester rotated its key).
   */
  public UnitCertificates forKey(PublicKey key) {
    Map<String, String> server = new TreeMap<>();
    serverCertificates.forEach(
        (cn, pem) -> {
          if (certifies(pem, key)) server.put(cn, pem);
        });
    Map<String, String> client = new TreeMap<>();
    clientCertificates.forEach(
        (cn, pem) -> {
          if (certifies(pem, key)) client.put(cn, pem);
        });
    return new UnitCertificates(
        ca, chain, serverCertificate.filter(pem -> certifies(pem, key)), server, client);
  }

  /** Describes the certificates without their content. */
  @Override
  public String toString() {
    return "UnitCertificates[ca="
        + PemText.describe(ca)
        + ", chain="
        + chain.map(PemText::describe).orElse("none")
        + ", serverCertificate="
        + serverCertificate.map(PemText::describe).orElse("none")
        + ", serverCertificates="
        + IssuedCertificates.describe(serverCertificates)
        + ", clientCertificates="
        + IssuedCertificates.describe(clientCertificates)
        + "]";
  }
}
