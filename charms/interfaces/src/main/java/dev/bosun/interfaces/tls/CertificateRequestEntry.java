package dev.bosun.interfaces.tls;

import dev.bosun.interfaces.internal.PemText;
import java.util.List;

/**
 * One entry of {@code cert_requests} or {@code client_cert_requests}: the SANs asked for and the
 * requester's certificate signing request. On the wire, {@code {"<common name>": {"sans": [...],
 * "csr": "<PEM>"}}}; the original interface had only {@code sans}.
 *
 * @param sans the subject alternative names, IP addresses or DNS names, as the requester listed
 *     them (the provider ignores them for client certificates)
 * @param csr the PEM certificate signing request, whose subject CN is the entry's common name
 */
public record CertificateRequestEntry(List<String> sans, String csr) {

  /**
   * Checks the components.
   *
   * @throws dev.bosun.interfaces.InvalidInterfaceDataException when a SAN is empty or holds spaces,
   *     or the CSR is not exactly one PEM certificate request (a private key is refused)
   */
  public CertificateRequestEntry {
    sans = TlsValues.sans("sans", sans);
    PemText.requireCsr("csr", csr);
  }

  /** Shows the SANs and describes the CSR without its content. */
  @Override
  public String toString() {
    return "CertificateRequestEntry[sans=" + sans + ", csr=" + PemText.describe(csr) + "]";
  }
}
