package dev.bosun.interfaces.etcd;

import static java.util.Objects.requireNonNull;

import dev.bosun.interfaces.InvalidInterfaceDataException;
import dev.bosun.interfaces.internal.PemText;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What an etcd unit publishes on {@code db}: where the cluster listens, which CA signs its
 * certificates, and the etcd version. No credentials: the original interface also sent {@code
 * client_cert} and {@code client_key} (one client identity shared by every consumer); Bosun sends
 * no key. A consumer obtains its own client certificate from the same certificate authority over
 * its own {@code certificates} relation (tls-certificates, a {@code client_cert_requests} entry
 * with its own CSR), and checks with {@link #trusts} that etcd's client CA is the CA it got there.
 *
 * @param endpoints the client URL of every cluster member, sorted and without repeats ({@code
 *     connection_string}, comma-separated on the wire)
 * @param clientCa the CA certificate that signs etcd's server and client certificates, PEM ({@code
 *     client_ca}; a CA certificate is public)
 * @param version the etcd version, such as {@code 3.5.16} ({@code version}); the original interface
 *     told consumers to assume etcd 2 when it is empty
 */
public record EtcdConnection(List<String> endpoints, String clientCa, Optional<String> version) {

  /**
   * Checks the components, and sorts the endpoints and drops repeats.
   *
   * @throws InvalidInterfaceDataException when there is no endpoint, an endpoint is not an etcd
   *     URL, or the client CA is not PEM certificates only
   */
  public EtcdConnection {
    requireNonNull(endpoints, "endpoints");
    TreeSet<String> sorted = new TreeSet<>();
    for (String endpoint : endpoints) {
      sorted.add(EtcdValues.url("connection_string", endpoint));
    }
    if (sorted.isEmpty()) {
      throw new InvalidInterfaceDataException(
          "connection_string", "the connection string needs at least one endpoint");
    }
    endpoints = List.copyOf(sorted);
    PemText.requireCertificates("client_ca", clientCa);
    requireNonNull(version, "version");
    version.ifPresent(
        v -> {
          if (v.isBlank() || !v.strip().equals(v)) {
            throw new InvalidInterfaceDataException("version", "\"" + v + "\" is not a version");
          }
        });
  }

  /** Returns a connection with the given endpoints (any order) and version. */
  public static EtcdConnection of(Collection<String> endpoints, String clientCa, String version) {
    return new EtcdConnection(List.copyOf(endpoints), clientCa, Optional.ofNullable(version));
  }

  /** Returns the endpoints joined by commas, as {@code --etcd-servers} and the wire want them. */
  public String connectionString() {
    return String.join(",", endpoints);
  }

  /**
   * Whether etcd's client CA is the given CA certificate (PEM, compared by DER bytes): a consumer
   * checks this against the CA on its own {@code certificates} relation before it presents its
   * client certificate.
   */
  public boolean trusts(String caCertificate) {
    return PemText.sameCertificate(clientCa, caCertificate);
  }

  /** Shows the endpoints and version and describes the CA without its content. */
  @Override
  public String toString() {
    return "EtcdConnection[endpoints="
        + endpoints
        + ", clientCa="
        + PemText.describe(clientCa)
        + ", version="
        + version.orElse("")
        + "]";
  }
}
