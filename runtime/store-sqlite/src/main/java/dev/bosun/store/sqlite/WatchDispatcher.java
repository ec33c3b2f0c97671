package dev.bosun.store.sqlite;

import dev.bosun.runtime.store.CompactedException;
import dev.bosun.runtime.store.WatchEvent;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's one watch thread. It reads the change log on a connection of its own and delivers
 * each revision's changes to the watches owed it, in revision order, outside any transaction.
 *
 * <p>It runs when this process commits (woken at once) and every poll interval, when it asks SQLite
 * whether any connection changed the file ({@code PRAGMA data_version}); so changes other processes
 * make to a shared file reach this process's watches within about one poll interval. On every
 * change it also reads the earliest lease deadline, so leases granted by another process are reaped
 * here if that process dies. At every wake-up it also commits writes queued and not yet awaited
 * ({@link GroupCommit#flushQueued}), so they reach the file within about one poll interval.
 *
 * <p>The change log is read in chunks of at most {@link #CHUNK_REVISIONS} revisions. This process's
 * commits never compact revisions a watch here is still owed ({@link #compactionFloor()}); if
 * another process sharing the file compacts past one, the watch is cancelled and the failure
 * logged, since the watch SPI has no way to report it.
 */
final class WatchDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(WatchDispatcher.class);

  /** The most revisions read from the change log at once. */
  static final int CHUNK_REVISIONS = 256;

  /**
   * The most distinct prefixes whose keys the change log query selects; with more watches than that
   * it reads every change and lets each watch pick its own.
   */
  static final int MAX_FILTERED_PREFIXES = 8;

  private static final String CHANGES =
      "SELECT "
          + ChangeIds.revisionOf("id")
          + " AS revision, key, deleted, value FROM changes WHERE id >= ? AND id < ?";

  private final SqliteConnection connection;
  private final Duration pollInterval;
  private final LongConsumer leaseDeadline;
  private final Runnable everyPoll;
  private final Failures failures;
  private final CopyOnWriteArrayList<SqliteWatch> watches = new CopyOnWriteArrayList<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition wakeUp = lock.newCondition();
  private final Thread thread;
  private boolean woken;
  private volatile boolean running = true;
  private long dataVersion = -1;

  /**
   * @param connection the dispatcher's own connection, closed when it stops
   * @param leaseDeadline told the earliest lease deadline whenever the file changed
   * @param everyPoll run on the dispatcher's thread at every wake-up and poll, before it reads (the
   *     store commits writes left queued with it)
   */
  WatchDispatcher(
      SqliteConnection connection,
      Duration pollInterval,
      LongConsumer leaseDeadline,
      Runnable everyPoll,
      Failures failures,
      String threadName) {
    this.connection = connection;
    this.pollInterval = pollInterval;
    this.leaseDeadline = leaseDeadline;
    this.everyPoll = everyPoll;
    this.failures = failures;
    this.thread = new Thread(this::run, threadName);
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Adds a watch; it is delivered from its first revision on by the dispatcher thread. */
  void add(SqliteWatch watch) {
    watches.add(watch);
    wake();
  }

  void remove(SqliteWatch watch) {
    watches.remove(watch);
  }

  /** Whether any watch is open. */
  boolean hasWatches() {
    return !watches.isEmpty();
  }

  /** Whether any open watch's prefix starts one of the keys (UTF-8, as stored). */
  boolean watchesAny(List<byte[]> keys) {
    for (SqliteWatch watch : watches) {
      byte[] prefix = watch.prefixBytes();
      for (byte[] key : keys) {
        if (key.length >= prefix.length
            && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Returns the newest revision this process may compact: one before the earliest revision a watch
   * here is still owed ({@link Long#MAX_VALUE} without watches).
   */
  long compactionFloor() {
    long floor = Long.MAX_VALUE;
    for (SqliteWatch watch : watches) {
      floor = Math.min(floor, watch.next() - 1);
    }
    return floor;
  }

  /** Makes the dispatcher look for new changes now. */
  void wake() {
    lock.lock();
    try {
      woken = true;
      wakeUp.signal();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops the thread and cancels every watch; waits for a delivery in progress to finish for up to
   * {@code timeout}, unless called from a listener.
   */
  void stop(Duration timeout) {
    running = false;
    for (SqliteWatch watch : watches) {
      watch.cancel();
    }
    wake();
    if (Thread.currentThread() != thread) {
      try {
        thread.join(timeout.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void run() {
    try {
      while (running) {
        boolean local = awaitWakeUp();
        if (!running) {
          break;
        }
        runEveryPoll();
        try {
          long version = connection.queryLong("PRAGMA data_version");
          if (local || version != dataVersion) {
            dataVersion = version;
            leaseDeadline.accept(Queries.earliestDeadline(connection));
            deliverAll();
          }
        } catch (SQLException e) {
          if (running) {
            LOG.warn(
                "{}; watches retry in {}",
                failures.of("read the change log", e).getMessage(),
                pollInterval);
          }
        }
      }
    } finally {
      connection.close();
    }
  }

  private void runEveryPoll() {
    try {
      everyPoll.run();
    } catch (RuntimeException e) {
      LOG.warn("a store task on the watch thread failed: {}", e.toString());
    }
  }

  /** Waits for a wake-up or the poll interval; returns whether this process woke it. */
  private boolean awaitWakeUp() {
    lock.lock();
    try {
      long remaining = pollInterval.toNanos();
      while (!woken && running && remaining > 0) {
        remaining = wakeUp.awaitNanos(remaining);
      }
      boolean local = woken;
      woken = false;
      return local;
    } catch (InterruptedException e) {
      running = false;
      return false;
    } finally {
      lock.unlock();
    }
  }

  /** Delivers every revision the watches are owed, chunk by chunk, until they are up to date. */
  private void deliverAll() throws SQLException {
    while (running) {
      List<SqliteWatch> owed = new ArrayList<>(watches);
      if (owed.isEmpty()) {
        return;
      }
      long from = Long.MAX_VALUE;
      for (SqliteWatch watch : owed) {
        from = Math.min(from, watch.next());
      }
      long until = from + CHUNK_REVISIONS;
      List<Batch> batches = new ArrayList<>();
      long revision;
      long compacted;
      connection.execute("BEGIN");
      try {
        Queries.Meta meta = Queries.meta(connection);
        revision = meta.revision();
        compacted = meta.compactedRevision();
        if (from <= revision) {
          readBatches(changesUnder(owed, from, until), batches);
        }
        connection.execute("COMMIT");
      } catch (SQLException | RuntimeException e) {
        connection.rollbackQuietly();
        throw e;
      }
      for (SqliteWatch watch : owed) {
        if (watch.next() <= compacted && !watch.isCancelled()) {
          LOG.error(
              "watch on {} is cancelled: it was owed revision {}, but another process sharing"
                  + " the store compacted the change log up to revision {}",
              watch.quoted(),
              watch.next(),
              compacted);
          watch.fail(new CompactedException(watch.next(), compacted + 1));
        }
      }
      for (Batch batch : batches) {
        for (SqliteWatch watch : owed) {
          watch.offer(batch.revision, batch.events);
        }
      }
      long seen = Math.min(until - 1, revision);
      for (SqliteWatch watch : owed) {
        watch.skipTo(seen);
      }
      if (seen >= revision) {
        return;
      }
    }
  }

  /**
   * Returns the query for the changes from revision {@code from} until (excluding) {@code until}
   * under the prefixes of the watches owed them, in revision and key order. Only the rows the
   * watches want are read (the engine watches a few keys of a model that changes thousands of
   * others per second, each change carrying its whole value).
   */
  private PreparedStatement changesUnder(List<SqliteWatch> owed, long from, long until)
      throws SQLException {
    Set<String> prefixes = new TreeSet<>();
    for (SqliteWatch watch : owed) {
      prefixes.add(watch.prefix());
    }
    boolean filtered = !prefixes.contains("") && prefixes.size() <= MAX_FILTERED_PREFIXES;
    List<byte[]> bounds = new ArrayList<>();
    StringBuilder sql = new StringBuilder(CHANGES);
    if (filtered) {
      sql.append(" AND (");
      String separator = "";
      for (String prefix : prefixes) {
        byte[] start = Keys.encode(prefix);
        byte[] end = Keys.prefixEnd(start);
        sql.append(separator).append(end == null ? "key >= ?" : "(key >= ? AND key < ?)");
        separator = " OR ";
        bounds.add(start);
        if (end != null) {
          bounds.add(end);
        }
      }
      sql.append(")");
    }
    sql.append(" ORDER BY revision, key");
    PreparedStatement select = connection.prepared(sql.toString());
    select.setLong(1, ChangeIds.first(from));
    select.setLong(2, ChangeIds.first(until));
    for (int i = 0; i < bounds.size(); i++) {
      select.setBytes(3 + i, bounds.get(i));
    }
    return select;
  }

  private static void readBatches(PreparedStatement select, List<Batch> batches)
      throws SQLException {
    try (ResultSet rows = select.executeQuery()) {
      Batch current = null;
      while (rows.next()) {
        long revision = rows.getLong(1);
        if (current == null || current.revision != revision) {
          current = new Batch(revision, new ArrayList<>());
          batches.add(current);
        }
        boolean deleted = rows.getInt(3) != 0;
        current.events.add(
            new WatchEvent(
                deleted ? WatchEvent.Type.DELETE : WatchEvent.Type.PUT,
                Keys.decode(rows.getBytes(2)),
                deleted ? new byte[0] : SqliteConnection.blob(rows, 4),
                revision));
      }
    }
  }

  private record Batch(long revision, List<WatchEvent> events) {}
}
