package dev.bosun.interfaces.tls;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a requirer unit publishes on a tls-certificates relation: its identity and its certificate
 * requests, each with a certificate signing request. The requester generates and keeps every
 * private key; nothing secret is in this record.
 *
 * <pre>{@code
 * TlsRequirerData data =
 *     TlsRequirerData.builder(TlsCertificates.wireUnitName("etcd/0"))
 *         .topLevel("10.0.0.1", List.of("10.0.0.1", "etcd-0.example"), "etcd_0", serverCsrPem)
 *         .client("etcd-client", clientCsrPem)
 *         .build();
 * }</pre>
 *
 * @param unitName the unit in wire form ({@code unit_name}: {@code etcd_0})
 * @param topLevel the top-level server certificate request, if any
 * @param serverRequests further server certificate requests by common name ({@code cert_requests})
 * @param clientRequests client certificate requests by common name ({@code client_cert_requests})
 */
public record TlsRequirerData(
    String unitName,
    Optional<TopLevelRequest> topLevel,
    Map<String, CertificateRequestEntry> serverRequests,
    Map<String, CertificateRequestEntry> clientRequests) {

  /**
   * Checks the components and copies the maps, sorted by common name.
   *
   * @throws dev.bosun.interfaces.InvalidInterfaceDataException when the unit name or a common name
   *     is not valid
   */
  public TlsRequirerData {
    TlsValues.wireUnitName("unit_name", unitName);
    requireNonNull(topLevel, "topLevel");
    serverRequests =
        TlsValues.sortedCopy(
            "cert_requests",
            serverRequests,
            (cn, entry) -> TlsValues.commonName("cert_requests", cn));
    clientRequests =
        TlsValues.sortedCopy(
            "client_cert_requests",
            clientRequests,
            (cn, entry) -> TlsValues.commonName("client_cert_requests", cn));
  }

  /** Starts a record for the unit (wire form, {@code etcd_0}). */
  public static Builder builder(String unitName) {
    return new Builder(unitName);
  }

  /**
   * Returns every request of this unit as flat {@link CertificateRequest}s, ordered by {@link
   * RequestKey}.
   */
  public List<CertificateRequest> requests() {
    List<CertificateRequest> requests = new ArrayList<>();
    topLevel.ifPresent(
        request ->
            requests.add(
                new CertificateRequest(
                    new RequestKey(
                        unitName, CertificateType.TOP_LEVEL_SERVER, request.commonName()),
                    request.sans(),
                    request.csr())));
    serverRequests.forEach(
        (cn, entry) ->
            requests.add(
                new CertificateRequest(
                    new RequestKey(unitName, CertificateType.SERVER, cn),
                    entry.sans(),
                    entry.csr())));
    clientRequests.forEach(
        (cn, entry) ->
            requests.add(
                new CertificateRequest(
                    new RequestKey(unitName, CertificateType.CLIENT, cn),
                    entry.sans(),
                    entry.csr())));
    requests.sort(null);
    return List.copyOf(requests);
  }

  /** Builds a {@link TlsRequirerData}. */
  public static final class Builder {
    private final String unitName;
    private TopLevelRequest topLevel;
    private final Map<String, CertificateRequestEntry> server = new TreeMap<>();
    private final Map<String, CertificateRequestEntry> client = new TreeMap<>();

    private Builder(String unitName) {
      this.unitName = unitName;
    }

    /** Sets the top-level server certificate request. */
    public Builder topLevel(TopLevelRequest request) {
      this.topLevel = requireNonNull(request, "request");
      return this;
    }

    /** Sets the top-level server certificate request. */
    public Builder topLevel(
        String commonName, List<String> sans, String certificateName, String csr) {
      return topLevel(
          new TopLevelRequest(commonName, sans, Optional.ofNullable(certificateName), csr));
    }

    /** Adds (or replaces) a server certificate request in {@code cert_requests}. */
    public Builder server(String commonName, List<String> sans, String csr) {
      server.put(commonName, new CertificateRequestEntry(sans, csr));
      return this;
    }

    /** Adds (or replaces) a client certificate request in {@code client_cert_requests}. */
    public Builder client(String commonName, String csr) {
      return client(commonName, List.of(), csr);
    }

    /**
     * Adds (or replaces) a client certificate request with SANs in {@code client_cert_requests}.
     */
    public Builder client(String commonName, List<String> sans, String csr) {
      client.put(commonName, new CertificateRequestEntry(sans, csr));
      return this;
    }

    /**
     * Returns the record.
     *
     * @throws dev.bosun.interfaces.InvalidInterfaceDataException when a value is not valid
     */
    public TlsRequirerData build() {
      return new TlsRequirerData(unitName, Optional.ofNullable(topLevel), server, client);
    }
  }
}
