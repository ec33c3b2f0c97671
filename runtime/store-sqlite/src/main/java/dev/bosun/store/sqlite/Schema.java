package dev.bosun.store.sqlite;

import dev.bosun.runtime.store.StoreException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/**
 * The store's tables, and the version recorded in the file ({@code PRAGMA user_version}) with
 * Bosun's application id ({@code PRAGMA application_id}), so a file from a newer Bosun, or not from
 * Bosun at all, is refused rather than misread.
 *
 * <ul>
 *   <li>{@code store_meta}: one row, the store's revision and the newest revision compacted out of
 *       the change log.
 *   <li>{@code kv}: the keys (UTF-8 BLOBs, so ordered byte by byte) with their values (BLOBs),
 *       create and modification revisions, version and lease.
 *   <li>{@code changes}: the change log, one row per put or delete per revision, for watches, with
 *       ids in revision order ({@link ChangeIds}); rows up to the compacted revision are deleted.
 *   <li>{@code leases}: each lease's time to live and deadline (epoch milliseconds on the store's
 *       clock); ids are never reused ({@code AUTOINCREMENT}).
 * </ul>
 *
 * <p>Version 1 keyed the change log by {@code (revision, key)}; a version 1 file is migrated to
 * version 2 when it is opened, in one transaction, keeping its history.
 */
final class Schema {
  /** The schema version this code writes and reads. */
  static final int VERSION = 2;

  /** "Bosn": marks the file as a Bosun store. */
  static final int APPLICATION_ID = 0x426f736e;

  private static final String CHANGES_TABLE =
      "CREATE TABLE changes ("
          + " id INTEGER PRIMARY KEY,"
          + " key BLOB NOT NULL,"
          + " deleted INTEGER NOT NULL,"
          + " value BLOB NOT NULL)";

  private static final List<String> CURRENT =
      List.of(
          "CREATE TABLE store_meta ("
              + " id INTEGER PRIMARY KEY CHECK (id = 1),"
              + " revision INTEGER NOT NULL,"
              + " compacted_revision INTEGER NOT NULL)",
          "INSERT INTO store_meta (id, revision, compacted_revision) VALUES (1, 0, 0)",
          "CREATE TABLE kv ("
              + " key BLOB PRIMARY KEY,"
              + " value BLOB NOT NULL,"
              + " create_revision INTEGER NOT NULL,"
              + " mod_revision INTEGER NOT NULL,"
              + " version INTEGER NOT NULL,"
              + " lease INTEGER NOT NULL)",
          "CREATE INDEX kv_by_lease ON kv (lease) WHERE lease <> 0",
          CHANGES_TABLE,
          "CREATE TABLE leases ("
              + " id INTEGER PRIMARY KEY AUTOINCREMENT,"
              + " ttl_millis INTEGER NOT NULL,"
              + " deadline_millis INTEGER NOT NULL)",
          "CREATE INDEX leases_by_deadline ON leases (deadline_millis)",
          "PRAGMA application_id = " + APPLICATION_ID,
          "PRAGMA user_version = " + VERSION);

  /** From version 1: the change log's rows numbered in revision and key order. */
  private static final List<String> FROM_VERSION_1 =
      List.of(
          "ALTER TABLE changes RENAME TO changes_v1",
          CHANGES_TABLE,
          "INSERT INTO changes (id, key, deleted, value)"
              + " SELECT (revision << "
              + ChangeIds.SHIFT
              + ") + row_number() OVER (PARTITION BY revision ORDER BY key) - 1,"
              + " key, deleted, value FROM changes_v1 ORDER BY revision, key",
          "DROP TABLE changes_v1",
          "PRAGMA user_version = " + VERSION);

  private Schema() {}

  /**
   * Creates the tables in an empty file, or checks that an existing file is a Bosun store of a
   * version this code reads and migrates it from an older version. Runs in one write transaction,
   * so two processes opening a new file at once create the tables once, and a migration is applied
   * whole or not at all.
   *
   * @throws UnsupportedSchemaException when the file has a newer schema
   * @throws StoreException when the file is not a Bosun store
   */
  static void createOrCheck(SqliteConnection connection, Path file) throws SQLException {
    connection.execute("BEGIN IMMEDIATE");
    try {
      long applicationId = connection.queryLong("PRAGMA application_id");
      long version = connection.queryLong("PRAGMA user_version");
      if (applicationId == 0 && version == 0) {
        long tables = connection.queryLong("SELECT count(*) FROM sqlite_master");
        if (tables != 0) {
          throw new StoreException(
              "the file "
                  + file
                  + " is an SQLite database but not a Bosun store: it has tables and no Bosun"
                  + " schema version; give the store a file of its own");
        }
        for (String statement : CURRENT) {
          connection.execute(statement);
        }
      } else if (applicationId != APPLICATION_ID) {
        throw new StoreException(
            "the file "
                + file
                + " is an SQLite database of another application (application id 0x"
                + Long.toHexString(applicationId)
                + "), not a Bosun store");
      } else if (version > VERSION) {
        throw new UnsupportedSchemaException(file, (int) version, VERSION);
      } else if (version == 1) {
        for (String statement : FROM_VERSION_1) {
          connection.execute(statement);
        }
      } else if (version < VERSION) {
        throw new StoreException(
            "the file "
                + file
                + " is marked as a Bosun store but has no schema version; is it"
                + " damaged?");
      }
      connection.execute("COMMIT");
    } catch (SQLException | RuntimeException e) {
      connection.rollbackQuietly();
      throw e;
    }
  }
}
