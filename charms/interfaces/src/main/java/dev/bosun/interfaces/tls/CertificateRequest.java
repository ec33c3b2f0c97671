package dev.bosun.interfaces.tls;

import static java.util.Objects.requireNonNull;

import dev.bosun.interfaces.internal.PemText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

/**
 * One certificate request as the provider handles it: who asked, for which slot and common name,
 * with which SANs and CSR.
 *
 * @param key the requesting unit, slot and common name
 * @param sans the subject alternative names as the requester listed them
 * @param csr the PEM certificate signing request
 */
public record CertificateRequest(RequestKey key, List<String> sans, String csr)
    implements Comparable<CertificateRequest> {

  /**
   * Checks the components.
   *
   * @throws dev.bosun.interfaces.InvalidInterfaceDataException when a value is not valid
   */
  public CertificateRequest {
    requireNonNull(key, "key");
    sans = TlsValues.sans("sans", sans);
    PemText.requireCsr("csr", csr);
  }

  /** Returns the SANs as a sorted set: the original interface's "same SANs" test. */
  public List<String> normalizedSans() {
    return List.copyOf(new TreeSet<>(sans));
  }

  /**
   * Returns a digest of what the issued certificate depends on: the slot, the common name, the SANs
   * as a sorted set (order and repeats do not matter, as in the original interface) and the CSR
   * (whitespace ignored). A provider keeps the fingerprint of each certificate it issued; a request
   * whose fingerprint differs — SANs changed, or a new key — must be issued again.
   */
  public String fingerprint() {
    StringBuilder text = new StringBuilder();
    text.append(key.type().id()).append('\n').append(key.commonName()).append('\n');
    for (String san : normalizedSans()) {
      text.append(san).append('\n');
    }
    text.append(PemText.withoutWhitespace(csr));
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(sha256.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Orders by {@link RequestKey}. */
  @Override
  public int compareTo(CertificateRequest other) {
    return key.compareTo(other.key);
  }

  /** Shows the key and SANs and describes the CSR without its content. */
  @Override
  public String toString() {
    return "CertificateRequest["
        + key.id()
        + ", sans="
        + sans
        + ", csr="
        + PemText.describe(csr)
        + "]";
  }
}
