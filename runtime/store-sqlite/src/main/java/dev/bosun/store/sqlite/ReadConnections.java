package dev.bosun.store.sqlite;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Connections for reads, one per reading thread at a time: in WAL mode readers never wait for the
 * writer, and each read sees one committed state. Idle connections are kept for reuse, up to {@link
 * #MAX_IDLE}.
 */
final class ReadConnections implements AutoCloseable {
  static final int MAX_IDLE = 4;

  private final Path file;
  private final Durability durability;
  private final Duration busyTimeout;
  private final ConcurrentLinkedDeque<SqliteConnection> idle = new ConcurrentLinkedDeque<>();
  private volatile boolean closed;

  ReadConnections(Path file, Durability durability, Duration busyTimeout) {
    this.file = file;
    this.durability = durability;
    this.busyTimeout = busyTimeout;
  }

  /** A read on one connection. */
  @FunctionalInterface
  interface Read<T> {
    T on(SqliteConnection connection) throws SQLException;
  }

  /** Runs a read on an idle connection, or a new one. */
  <T> T read(Read<T> read) throws SQLException {
    SqliteConnection connection = idle.pollFirst();
    if (connection == null) {
      connection = SqliteConnection.open(file, durability, busyTimeout);
    }
    boolean healthy = false;
    try {
      T result = read.on(connection);
      healthy = true;
      return result;
    } finally {
      if (healthy && !closed && idle.size() < MAX_IDLE) {
        idle.addFirst(connection);
        // close() may have emptied the pool between the check and the add.
        if (closed && idle.remove(connection)) {
          connection.close();
        }
      } else {
        connection.close();
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    SqliteConnection connection;
    while ((connection = idle.pollFirst()) != null) {
      connection.close();
    }
  }
}
