package dev.bosun.store.sqlite;

import dev.bosun.runtime.store.KeyValue;
import dev.bosun.runtime.store.Range;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

  /** Reads a key. */
  static Optional<KeyValue> get(SqliteConnection connection, String key) throws SQLException {
    PreparedStatement select =
        connection.prepared(
            "SELECT value, create_revision, mod_revision, version, lease FROM kv WHERE key = ?");
    select.setBytes(1, Keys.encode(key));
    try (ResultSet rows = select.executeQuery()) {
      if (!rows.next()) {
        return Optional.empty();
      }
      return Optional.of(
          new KeyValue(
              key,
              SqliteConnection.blob(rows, 1),
              rows.getLong(2),
              rows.getLong(3),
              rows.getLong(4),
              rows.getLong(5)));
    }
  }

  /** Reads the keys under a prefix and the revision, in one read transaction. */
  static Range range(SqliteConnection connection, String prefix) throws SQLException {
    byte[] start = Keys.encode(prefix);
    byte[] end = Keys.prefixEnd(start);
    String columns = "SELECT key, value, create_revision, mod_revision, version, lease FROM kv";
    PreparedStatement select =
        end == null
            ? connection.prepared(columns + " WHERE key >= ? ORDER BY key")
            : connection.prepared(columns + " WHERE key >= ? AND key < ? ORDER BY key");
    select.setBytes(1, start);
    if (end != null) {
      select.setBytes(2, end);
    }
    connection.execute("BEGIN");
    try {
      long revision = revision(connection);
      List<KeyValue> entries = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          entries.add(
              new KeyValue(
                  Keys.decode(rows.getBytes(1)),
                  SqliteConnection.blob(rows, 2),
                  rows.getLong(3),
                  rows.getLong(4),
                  rows.getLong(5),
                  rows.getLong(6)));
        }
      }
      connection.execute("COMMIT");
      return new Range(entries, revision);
    } catch (SQLException | RuntimeException e) {
      connection.rollbackQuietly();
      throw e;
    }
  }

  /** Reads the store's revision. */
  static long revision(SqliteConnection connection) throws SQLException {
    return connection.queryLong("SELECT revision FROM store_meta WHERE id = 1");
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
