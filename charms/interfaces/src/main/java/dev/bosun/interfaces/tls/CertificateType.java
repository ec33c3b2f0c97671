package dev.bosun.interfaces.tls;

/**
 * Which slot of the tls-certificates interface a request came from, which decides the extensions of
 * the certificate and the key it is published under.
 */
public enum CertificateType {
  /**
   * The requester's one top-level server certificate ({@code common_name}, {@code sans}, {@code
   * csr}), published as {@code <unit_name>.server.cert}.
   */
  TOP_LEVEL_SERVER("top-level-server", "server"),

  /** A server certificate from {@code cert_requests}, published in {@code .processed_requests}. */
  SERVER("server", "server"),

  /**
   * A client certificate from {@code client_cert_requests}, published in {@code
   * .processed_client_requests}.
   */
  CLIENT("client", "client");

  private final String id;
  private final String certType;

  CertificateType(String id, String certType) {
    this.id = id;
    this.certType = certType;
  }

  /**
   * Returns the name used in {@link RequestKey#id()}: {@code top-level-server}, {@code server},
   * {@code client}.
   */
  public String id() {
    return id;
  }

  /**
   * Returns the original interface's {@code cert_type}: {@code server} for both server kinds,
   * {@code client} for client certificates.
   */
  public String certType() {
    return certType;
  }

  /** Whether the certificate is a server certificate (serverAuth and clientAuth, with SANs). */
  public boolean isServer() {
    return this != CLIENT;
  }

  /**
   * Returns the type with the given {@link #id()}.
   *
   * @throws IllegalArgumentException when no type has that id
   */
  public static CertificateType ofId(String id) {
    for (CertificateType type : values()) {
      if (type.id.equals(id)) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "unknown certificate type \"" + id + "\"; expected top-level-server, server or client");
  }
}
