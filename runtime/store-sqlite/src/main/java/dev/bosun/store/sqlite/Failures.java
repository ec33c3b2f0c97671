package dev.bosun.store.sqlite;

import dev.bosun.runtime.store.StoreException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns SQLite's errors into {@link StoreException}s that name the file and the action. */
final class Failures {
  private final Path file;
  private final Duration busyTimeout;

  Failures(Path file, Duration busyTimeout) {
    this.file = file;
    this.busyTimeout = busyTimeout;
  }

  /**
   * Returns the exception for a failed action: {@link StoreLockedException} when another connection
   * kept the file locked past the busy timeout, else a {@link StoreException}.
   *
   * @param action what failed, completing "cannot ..." ({@code "commit"})
   */
  StoreException of(String action, SQLException e) {
    if (isLocked(e)) {
      return new StoreLockedException(file, busyTimeout, e);
    }
    return new StoreException(
        "cannot " + action + " (store file " + file + "): " + e.getMessage(), e);
  }

  /** Returns the exception for a call on a closed store. */
  StoreException closed() {
    return new StoreException("the SQLite store " + file + " is closed");
  }

  private static boolean isLocked(SQLException e) {
    if (!(e instanceof SQLiteException sqlite)) {
      return false;
    }
    int primary = sqlite.getResultCode().code & 0xff;
    return primary == SQLiteErrorCode.SQLITE_BUSY.code
        || primary == SQLiteErrorCode.SQLITE_LOCKED.code;
  }
}
