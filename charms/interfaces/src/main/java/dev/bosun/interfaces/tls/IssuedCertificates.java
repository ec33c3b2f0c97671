package dev.bosun.interfaces.tls;

import static java.util.Objects.requireNonNull;

import dev.bosun.interfaces.internal.PemText;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The certificates a provider issued to one requesting unit: certificates only, never keys.
 *
 * @param serverCertificate the top-level server certificate ({@code <unit_name>.server.cert})
 * @param serverCertificates further server certificates by common name ({@code
 *     <unit_name>.processed_requests}: {@code {"<cn>": {"cert": "<PEM>"}}})
 * @param clientCertificates client certificates by common name ({@code
 *     <unit_name>.processed_client_requests}, same shape)
 */
public record IssuedCertificates(
    Optional<String> serverCertificate,
    Map<String, String> serverCertificates,
    Map<String, String> clientCertificates) {

  /** No certificates. */
  public static final IssuedCertificates NONE =
      new IssuedCertificates(Optional.empty(), Map.of(), Map.of());

  /**
   * Checks that every value is PEM certificates only and copies the maps, sorted.
   *
   * @throws dev.bosun.interfaces.InvalidInterfaceDataException when a value is not a PEM
   *     certificate (a private key is refused) or a common name is not valid
   */
  public IssuedCertificates {
    requireNonNull(serverCertificate, "serverCertificate");
    serverCertificate.ifPresent(pem -> PemText.requireCertificates("server.cert", pem));
    serverCertificates =
        TlsValues.sortedCopy(
            "processed_requests",
            serverCertificates,
            (cn, pem) -> {
              TlsValues.commonName("processed_requests", cn);
              PemText.requireCertificates("processed_requests[" + cn + "].cert", pem);
            });
    clientCertificates =
        TlsValues.sortedCopy(
            "processed_client_requests",
            clientCertificates,
            (cn, pem) -> {
              TlsValues.commonName("processed_client_requests", cn);
              PemText.requireCertificates("processed_client_requests[" + cn + "].cert", pem);
            });
  }

  /** Returns the certificate issued for a slot and common name, if any. */
  public Optional<String> certificate(CertificateType type, String commonName) {
    return switch (type) {
      case TOP_LEVEL_SERVER -> serverCertificate;
      case SERVER -> Optional.ofNullable(serverCertificates.get(commonName));
      case CLIENT -> Optional.ofNullable(clientCertificates.get(commonName));
    };
  }

  /** Whether there is no certificate at all. */
  public boolean isEmpty() {
    return serverCertificate.isEmpty()
        && serverCertificates.isEmpty()
        && clientCertificates.isEmpty();
  }

  /** Describes the certificates without their content. */
  @Override
  public String toString() {
    return "IssuedCertificates[serverCertificate="
        + serverCertificate.map(PemText::describe).orElse("none")
        + ", serverCertificates="
        + describe(serverCertificates)
        + ", clientCertificates="
        + describe(clientCertificates)
        + "]";
  }

  static String describe(Map<String, String> certificates) {
    return certificates.entrySet().stream()
        .map(e -> e.getKey() + "=" + PemText.describe(e.getValue()))
        .collect(Collectors.joining(", ", "{", "}"));
  }
}
