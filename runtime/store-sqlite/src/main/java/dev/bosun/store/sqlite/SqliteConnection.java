package dev.bosun.store.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.sqlite.SQLiteConfig;

/**
 * One JDBC connection to the store's file with its prepared statements. Not thread-safe: one thread
 * uses it at a time. Runs in JDBC auto-commit mode and brackets transactions with explicit {@code
 * BEGIN} and {@code COMMIT} (the driver's own transaction mode would hold a write lock between
 * transactions).
 */
final class SqliteConnection implements AutoCloseable {
  /**
   * The page cache of each connection: 16 MiB (negative: in KiB, as the {@code cache_size} pragma
   * reads it; SQLite's default is 2 MiB). A model of thousands of units has tens of megabytes of
   * keys, and a hook commit touches several of them at random.
   */
  static final int CACHE_SIZE = -16 * 1024;

  /**
   * How many pages the write-ahead log grows to before a commit copies them back into the database
   * (SQLite's default is 1,000, 4 MiB). A checkpoint syncs the database file and copies each page
   * once however often it changed, so checkpointing less often writes and syncs less; the log grows
   * to about 40 MiB.
   */
  static final int CHECKPOINT_PAGES = 10_000;

  private final Connection connection;
  private final Map<String, PreparedStatement> statements = new HashMap<>();

  private SqliteConnection(Connection connection) {
    this.connection = connection;
  }

  /** Opens a connection that waits up to {@code busyTimeout} for locks held by others. */
  static SqliteConnection open(Path file, Durability durability, Duration busyTimeout)
      throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis()));
    config.setSynchronous(SQLiteConfig.SynchronousMode.valueOf(durability.synchronous()));
    config.setCacheSize(CACHE_SIZE);
    config.setPragma(SQLiteConfig.Pragma.WAL_AUTOCHECKPOINT, Integer.toString(CHECKPOINT_PAGES));
    // The driver otherwise runs "SELECT last_insert_rowid()", a statement prepared anew each
    // time, after every INSERT, for getGeneratedKeys(), which the store never calls: two extra
    // statements per key written (the upsert and its change-log row).
    config.setGetGeneratedKeys(false);
    return new SqliteConnection(config.createConnection("jdbc:sqlite:" + file));
  }

  /** Opens and closes an in-memory database, which loads the driver and its native library. */
  static void preload() throws SQLException {
    new SQLiteConfig().createConnection("jdbc:sqlite::memory:").close();
  }

  /** Returns the statement for {@code sql}, prepared once per connection. */
  PreparedStatement prepared(String sql) throws SQLException {
    PreparedStatement statement = statements.get(sql);
    if (statement == null) {
      statement = connection.prepareStatement(sql);
      statements.put(sql, statement);
    }
    return statement;
  }

  /** Runs a statement that returns no rows, such as {@code BEGIN}; prepared once. */
  void execute(String sql) throws SQLException {
    prepared(sql).execute();
  }

  /** Runs a query (or pragma) that returns one number. */
  long queryLong(String sql) throws SQLException {
    try (ResultSet rows = prepared(sql).executeQuery()) {
      if (!rows.next()) {
        throw new SQLException("no row from " + sql);
      }
      return rows.getLong(1);
    }
  }

  /** Runs a query (or pragma) that returns one text. */
  String queryString(String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      if (!rows.next()) {
        throw new SQLException("no row from " + sql);
      }
      return rows.getString(1);
    }
  }

  /** Ends the current transaction without applying it; a failure to do so is ignored. */
  void rollbackQuietly() {
    try {
      execute("ROLLBACK");
    } catch (SQLException alreadyEnded) {
      // SQLite rolls back by itself after some errors; then there is nothing to end.
    }
  }

  @Override
  public void close() {
    try {
      for (PreparedStatement statement : statements.values()) {
        statement.close();
      }
      statements.clear();
      connection.close();
    } catch (SQLException e) {
      // Closing releases memory and file handles; an error here leaves nothing to recover.
    }
  }

  /** Reads a BLOB column; SQLite may return {@code null} for an empty BLOB. */
  static byte[] blob(ResultSet rows, int column) throws SQLException {
    byte[] bytes = rows.getBytes(column);
    return bytes == null ? new byte[0] : bytes;
  }
}
