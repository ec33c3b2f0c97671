package dev.bosun.charms.easyrsa.pki;

/** Thrown when a backup cannot be made, found, read, restored or deleted. */
public class BackupException extends PkiException {
  private static final long serialVersionUID = 1L;

  private final String name;

  /** Creates the exception for a backup name (null when there is none). */
  public BackupException(String name, String message) {
    super(message);
    this.name = name;
  }

  /** Creates the exception with an I/O cause (whose message holds no secret). */
  public BackupException(String name, String message, Throwable cause) {
    super(message, cause);
    this.name = name;
  }

  /** Returns the backup name, or null. */
  public String name() {
    return name;
  }
}
