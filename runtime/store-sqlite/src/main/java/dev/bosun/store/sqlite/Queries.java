package dev.bosun.store.sqlite;

import dev.bosun.runtime.store.KeyValue;
import dev.bosun.runtime.store.Range;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The reads every connection makes: keys, ranges, the revision, lease deadlines. */
final class Queries {
  /** No lease, so no deadline. */
  static final long NO_DEADLINE = Long.MAX_VALUE;

  private Queries() {}

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
    return meta(connection).revision();
  }

  /** Reads the store's revision and the newest revision compacted out of the change log. */
  static Meta meta(SqliteConnection connection) throws SQLException {
    try (ResultSet rows =
        connection
            .prepared("SELECT revision, compacted_revision FROM store_meta WHERE id = 1")
            .executeQuery()) {
      if (!rows.next()) {
        throw new SQLException("the store_meta row is missing");
      }
      return new Meta(rows.getLong(1), rows.getLong(2));
    }
  }

  /** Returns the earliest deadline of any lease, or {@link #NO_DEADLINE}. */
  static long earliestDeadline(SqliteConnection connection) throws SQLException {
    try (ResultSet rows =
        connection.prepared("SELECT min(deadline_millis) FROM leases").executeQuery()) {
      rows.next();
      long deadline = rows.getLong(1);
      return rows.wasNull() ? NO_DEADLINE : deadline;
    }
  }

  /** The store's revision and the newest revision compacted out of the change log. */
  record Meta(long revision, long compactedRevision) {}
}
