package dev.bosun.charms.easyrsa.pki;

import dev.bosun.model.BosunException;

/** The root of the certificate authority's failures. Messages never hold private key material. */
public class PkiException extends BosunException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message that says what is wrong and what to do. */
  public PkiException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a cause. The cause must not be one whose message may hold secret
   * material.
   */
  public PkiException(String message, Throwable cause) {
    super(message, cause);
  }
}
