package dev.bosun.interfaces.tls;

import static java.util.Objects.requireNonNull;

import dev.bosun.interfaces.internal.PemText;
import java.util.List;
import java.util.Optional;

/**
 * The requester's top-level server certificate request: the original interface's single-certificate
 * keys {@code common_name}, {@code sans} and {@code certificate_name}, plus Bosun's {@code csr}.
 *
 * @param commonName the certificate's common name ({@code common_name})
 * @param sans the subject alternative names ({@code sans}, a JSON list on the wire)
 * @param certificateName the name the requester gives the certificate ({@code certificate_name};
 *     the etcd charm sends its wire unit name, {@code etcd_0}); informational
 * @param csr the PEM certificate signing request ({@code csr}), subject CN = {@code commonName}
 */
public record TopLevelRequest(
    String commonName, List<String> sans, Optional<String> certificateName, String csr) {

  /**
   * Checks the components.
   *
   * @throws dev.bosun.interfaces.InvalidInterfaceDataException when a value is not valid
   */
  public TopLevelRequest {
    TlsValues.commonName("common_name", commonName);
    sans = TlsValues.sans("sans", sans);
    requireNonNull(certificateName, "certificateName");
    certificateName.ifPresent(name -> TlsValues.commonName("certificate_name", name));
    PemText.requireCsr("csr", csr);
  }

  /** Returns a request without a certificate name. */
  public static TopLevelRequest of(String commonName, List<String> sans, String csr) {
    return new TopLevelRequest(commonName, sans, Optional.empty(), csr);
  }

  /** Shows the names and describes the CSR without its content. */
  @Override
  public String toString() {
    return "TopLevelRequest[commonName="
        + commonName
        + ", sans="
        + sans
        + ", certificateName="
        + certificateName.orElse("")
        + ", csr="
        + PemText.describe(csr)
        + "]";
  }
}
