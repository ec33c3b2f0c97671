package dev.bosun.charms.easyrsa.pki;

/** Thrown when PEM text is not what was expected; the message names labels, never content. */
public class PemException extends PkiException {
  private static final long serialVersionUID = 1L;

  private final String expected;

  /** Creates the exception for text that should have held {@code expected}. */
  public PemException(String expected, String message) {
    super(message);
    this.expected = expected;
  }

  /** Returns what the text should have held, such as {@code CERTIFICATE REQUEST}. */
  public String expected() {
    return expected;
  }
}
