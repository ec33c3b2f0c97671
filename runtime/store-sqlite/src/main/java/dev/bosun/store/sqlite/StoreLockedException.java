package dev.bosun.store.sqlite;

import dev.bosun.runtime.store.StoreException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Thrown when the store's file stayed locked by another connection (usually another process writing
 * to the same model) for longer than the busy timeout. Nothing was applied; retry later.
 */
public class StoreLockedException extends StoreException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final Duration busyTimeout;

  /** Creates the exception. */
  public StoreLockedException(Path file, Duration busyTimeout, Throwable cause) {
    super(
        "the store file "
            + file
            + " stayed locked by another connection for "
            + busyTimeout.toMillis()
            + " ms (the busy timeout): another process is writing to it or holds it locked;"
            + " nothing was applied, retry later",
        cause);
    this.file = file;
    this.busyTimeout = busyTimeout;
  }

  /** Returns the store's file. */
  public Path file() {
    return file;
  }

  /** Returns how long the store waited for the lock. */
  public Duration busyTimeout() {
    return busyTimeout;
  }
}
