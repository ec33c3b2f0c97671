package dev.bosun.charms.easyrsa.pki;

import java.nio.file.Path;

/** Thrown when the CA store cannot be read or written, or holds inconsistent files. */
public class CaStoreException extends PkiException {
  private static final long serialVersionUID = 1L;

  private final transient Path path;

  /** Creates the exception for a path. */
  public CaStoreException(Path path, String message) {
    super(message);
    this.path = path;
  }

  /** Creates the exception for a path, with an I/O cause (whose message holds no secret). */
  public CaStoreException(Path path, String message, Throwable cause) {
    super(message, cause);
    this.path = path;
  }

  /** Returns the file or directory concerned. */
  public Path path() {
    return path;
  }
}
