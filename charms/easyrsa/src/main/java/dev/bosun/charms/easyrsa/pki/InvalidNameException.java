package dev.bosun.charms.easyrsa.pki;

/** Thrown when a common name or subject alternative name cannot go into a certificate. */
public class InvalidNameException extends PkiException {
  private static final long serialVersionUID = 1L;

  private final String name;

  /** Creates the exception for a name. */
  public InvalidNameException(String name, String message) {
    super(message);
    this.name = name;
  }

  /** Returns the name that was refused. */
  public String name() {
    return name;
  }
}
