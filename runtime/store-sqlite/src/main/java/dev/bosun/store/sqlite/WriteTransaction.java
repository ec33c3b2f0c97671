package dev.bosun.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One SQLite write transaction on the writer connection, shared by every operation of a group
 * commit: it hands out revisions, writes keys with their change-log rows, and manages leases. The
 * operations run in order, so each sees the writes of those before it.
 */
final class WriteTransaction {
  private final SqliteConnection connection;
  private final long now;
  private long revision;
  private final long startRevision;
  private long compactedRevision;
  private long earliestNewDeadline = Queries.NO_DEADLINE;
  private final List<byte[]> writtenKeys = new ArrayList<>();

  /** The revision of the last change logged, and how many changes it has so far. */
  private long loggedRevision = -1;

  private long changesAtRevision;

  private WriteTransaction(SqliteConnection connection, long now) throws SQLException {
    this.connection = connection;
    this.now = now;
    Queries.Meta meta = Queries.meta(connection);
    this.revision = meta.revision();
    this.compactedRevision = meta.compactedRevision();
    this.startRevision = revision;
  }

  /** Begins a write transaction, waiting for other writers up to the busy timeout. */
  static WriteTransaction begin(SqliteConnection connection, long now) throws SQLException {
    connection.execute("BEGIN IMMEDIATE");
    try {
      return new WriteTransaction(connection, now);
    } catch (SQLException | RuntimeException e) {
      connection.rollbackQuietly();
      throw e;
    }
  }

  /** Returns the store's revision, including the writes of this transaction so far. */
  long revision() {
    return revision;
  }

  /** Returns a key's modification revision, or 0 when it is absent. */
  long modRevision(byte[] key) throws SQLException {
    PreparedStatement select = connection.prepared("SELECT mod_revision FROM kv WHERE key = ?");
    select.setBytes(1, key);
    try (ResultSet rows = select.executeQuery()) {
      return rows.next() ? rows.getLong(1) : 0;
    }
  }

  /** Writes a key at {@code at} (which must be {@link #revision()} + 1), logging the change. */
  void put(byte[] key, byte[] value, long lease, long at) throws SQLException {
    PreparedStatement upsert =
        connection.prepared(
            "INSERT INTO kv (key, value, create_revision, mod_revision, version, lease)"
                + " VALUES (?1, ?2, ?3, ?3, 1, ?4)"
                + " ON CONFLICT (key) DO UPDATE SET value = excluded.value,"
                + " mod_revision = excluded.mod_revision, version = kv.version + 1,"
                + " lease = excluded.lease");
    upsert.setBytes(1, key);
    upsert.setBytes(2, value);
    upsert.setLong(3, at);
    upsert.setLong(4, lease);
    upsert.executeUpdate();
    logChange(at, key, false, value);
  }

  /**
   * Deletes a key at {@code at}, logging the change.
   *
   * @return whether the key existed
   */
  boolean delete(byte[] key, long at) throws SQLException {
    PreparedStatement delete = connection.prepared("DELETE FROM kv WHERE key = ?");
    delete.setBytes(1, key);
    if (delete.executeUpdate() == 0) {
      return false;
    }
    logChange(at, key, true, new byte[0]);
    return true;
  }

  /** Records that the writes at {@code at} are done: the store's revision becomes {@code at}. */
  void advanceTo(long at) {
    revision = at;
  }

  /** Whether a lease exists and has not reached its deadline. */
  boolean leaseIsAlive(long lease) throws SQLException {
    long deadline = deadline(lease);
    return deadline != Queries.NO_DEADLINE && now < deadline;
  }

  /** Returns a lease's deadline, or {@link Queries#NO_DEADLINE} when it does not exist. */
  long deadline(long lease) throws SQLException {
    PreparedStatement select =
        connection.prepared("SELECT deadline_millis FROM leases WHERE id = ?");
    select.setLong(1, lease);
    try (ResultSet rows = select.executeQuery()) {
      return rows.next() ? rows.getLong(1) : Queries.NO_DEADLINE;
    }
  }

  /** Grants a lease that lives {@code ttlMillis} from now and returns its id. */
  long grantLease(long ttlMillis) throws SQLException {
    PreparedStatement insert =
        connection.prepared(
            "INSERT INTO leases (ttl_millis, deadline_millis) VALUES (?, ?) RETURNING id");
    insert.setLong(1, ttlMillis);
    insert.setLong(2, now + ttlMillis);
    long id;
    try (ResultSet rows = insert.executeQuery()) {
      rows.next();
      id = rows.getLong(1);
    }
    expectDeadline(now + ttlMillis);
    return id;
  }

  /** Restarts a lease's time to live from now; the lease must exist. */
  void renewLease(long lease) throws SQLException {
    PreparedStatement update =
        connection.prepared("UPDATE leases SET deadline_millis = ? + ttl_millis WHERE id = ?");
    update.setLong(1, now);
    update.setLong(2, lease);
    update.executeUpdate();
  }

  /**
   * Ends a lease: deletes the keys attached to it, all at one new revision (none when it has no
   * keys), and then the lease.
   */
  void endLease(long lease) throws SQLException {
    PreparedStatement select =
        connection.prepared("SELECT key FROM kv WHERE lease = ? ORDER BY key");
    select.setLong(1, lease);
    List<byte[]> keys = new ArrayList<>();
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        keys.add(rows.getBytes(1));
      }
    }
    if (!keys.isEmpty()) {
      long at = revision + 1;
      for (byte[] key : keys) {
        delete(key, at);
      }
      advanceTo(at);
    }
    PreparedStatement delete = connection.prepared("DELETE FROM leases WHERE id = ?");
    delete.setLong(1, lease);
    delete.executeUpdate();
  }

  /** Returns the leases whose deadline has passed, oldest id first. */
  List<Long> expiredLeases() throws SQLException {
    PreparedStatement select =
        connection.prepared("SELECT id FROM leases WHERE deadline_millis <= ? ORDER BY id");
    select.setLong(1, now);
    List<Long> expired = new ArrayList<>();
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        expired.add(rows.getLong(1));
      }
    }
    return expired;
  }

  /** Returns the earliest deadline of any lease, or {@link Queries#NO_DEADLINE}. */
  long earliestDeadline() throws SQLException {
    return Queries.earliestDeadline(connection);
  }

  /** Notes a deadline the lease reaper must wake for. */
  private void expectDeadline(long deadline) {
    earliestNewDeadline = Math.min(earliestNewDeadline, deadline);
  }

  /** Returns the earliest deadline granted in this transaction, or {@link Queries#NO_DEADLINE}. */
  long earliestNewDeadline() {
    return earliestNewDeadline;
  }

  /** Whether this transaction wrote any change. */
  boolean advanced() {
    return revision != startRevision;
  }

  /**
   * Forgets the change log up to revision {@code compactUpTo} (never past the store's revision) if
   * that forgets at least {@code compactionStep} revisions, records the store's revision and
   * commits. Compacting in steps deletes the log's oldest rows in runs rather than a revision at a
   * time, so an ordinary commit writes no page at the log's old end.
   */
  void commit(long compactUpTo, long compactionStep) throws SQLException {
    long compactable = Math.max(compactedRevision, Math.min(compactUpTo, revision));
    boolean compact = compactable - compactedRevision >= compactionStep;
    if (revision != startRevision || compact) {
      long compacted = compact ? compactable : compactedRevision;
      if (compacted > compactedRevision) {
        PreparedStatement forget = connection.prepared("DELETE FROM changes WHERE id < ?");
        forget.setLong(1, ChangeIds.first(compacted + 1));
        forget.executeUpdate();
        compactedRevision = compacted;
      }
      PreparedStatement meta =
          connection.prepared(
              "UPDATE store_meta SET revision = ?, compacted_revision = ? WHERE id = 1");
      meta.setLong(1, revision);
      meta.setLong(2, compactedRevision);
      meta.executeUpdate();
    }
    connection.execute("COMMIT");
  }

  /** Returns the keys this transaction put or deleted, in order (a key may repeat). */
  List<byte[]> writtenKeys() {
    return writtenKeys;
  }

  private void logChange(long at, byte[] key, boolean deleted, byte[] value) throws SQLException {
    if (at != loggedRevision) {
      loggedRevision = at;
      changesAtRevision = 0;
    } else if (changesAtRevision == ChangeIds.PER_REVISION) {
      throw new SQLException(
          "one revision cannot change more than " + ChangeIds.PER_REVISION + " keys");
    }
    writtenKeys.add(key);
    PreparedStatement insert =
        connection.prepared("INSERT INTO changes (id, key, deleted, value) VALUES (?, ?, ?, ?)");
    insert.setLong(1, ChangeIds.first(at) + changesAtRevision++);
    insert.setBytes(2, key);
    insert.setInt(3, deleted ? 1 : 0);
    insert.setBytes(4, value);
    insert.executeUpdate();
  }
}
