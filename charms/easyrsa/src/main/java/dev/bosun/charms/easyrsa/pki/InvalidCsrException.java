package dev.bosun.charms.easyrsa.pki;

/**
 * Thrown when a certificate signing request cannot be signed: its signature does not verify, its
 * key is weak or of an unsupported kind, or its subject does not match the requested common name.
 */
public class InvalidCsrException extends PkiException {
  private static final long serialVersionUID = 1L;

  private final String commonName;

  /** Creates the exception for the request of a common name (null when unknown). */
  public InvalidCsrException(String commonName, String message) {
    super(message);
    this.commonName = commonName;
  }

  /** Returns the common name the request was for, or null when unknown. */
  public String commonName() {
    return commonName;
  }
}
