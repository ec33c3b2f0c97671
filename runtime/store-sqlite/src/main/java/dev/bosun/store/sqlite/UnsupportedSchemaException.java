package dev.bosun.store.sqlite;

import dev.bosun.runtime.store.StoreException;
import java.nio.file.Path;

/**
 * Thrown when a store file was written by a newer Bosun whose schema this one does not know: it
 * refuses to open the file rather than misread it.
 */
public class UnsupportedSchemaException extends StoreException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final int foundVersion;
  private final int supportedVersion;

  /** Creates the exception. */
  public UnsupportedSchemaException(Path file, int foundVersion, int supportedVersion) {
    super(
        "the store file "
            + file
            + " has schema version "
            + foundVersion
            + ", but this Bosun knows schema versions up to "
            + supportedVersion
            + ": open it with the newer Bosun that wrote it");
    this.file = file;
    this.foundVersion = foundVersion;
    this.supportedVersion = supportedVersion;
  }

  /** Returns the store's file. */
  public Path file() {
    return file;
  }

  /** Returns the schema version recorded in the file. */
  public int foundVersion() {
    return foundVersion;
  }

  /** Returns the newest schema version this Bosun reads. */
  public int supportedVersion() {
    return supportedVersion;
  }
}
