package dev.bosun.charms.easyrsa.pki;

import java.nio.file.Path;

/**
 * Thrown when a CA would be created in a store that already holds one. The CA is created once and
 * never regenerated: a new CA would invalidate every certificate issued so far.
 */
public class CaAlreadyExistsException extends PkiException {
  private static final long serialVersionUID = 1L;

  private final transient Path directory;

  /** Creates the exception for the store directory. */
  public CaAlreadyExistsException(Path directory) {
    super(
        "a certificate authority already exists in "
            + directory
            + "; it is never regenerated (load it, or restore a backup to replace it)");
    this.directory = directory;
  }

  /** Returns the store directory. */
  public Path directory() {
    return directory;
  }
}
