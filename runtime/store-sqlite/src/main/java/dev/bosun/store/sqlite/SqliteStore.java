package dev.bosun.store.sqlite;

import static java.util.Objects.requireNonNull;

import dev.bosun.runtime.store.CompactedException;
import dev.bosun.runtime.store.KeyValue;
import dev.bosun.runtime.store.Range;
import dev.bosun.runtime.store.Store;
import dev.bosun.runtime.store.StoreException;
import dev.bosun.runtime.store.Txn;
import dev.bosun.runtime.store.TxnResult;
import dev.bosun.runtime.store.Watch;
import dev.bosun.runtime.store.WatchListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Store} in one SQLite file: the embedded durable store, what Bosun uses when nothing else
 * is configured. It keeps the whole contract of {@link Store}, and:
 *
 * <ul>
 *   <li><b>Durable commits.</b> The file is in WAL mode; a transaction {@link #commit} has
 *       acknowledged survives the process being killed an instant later ({@code kill -9}) and, with
 *       the default {@link Durability#POWER_LOSS}, the machine losing power. A transaction is never
 *       half applied.
 *   <li><b>Group commit.</b> Commits from many threads at once share one SQLite transaction and one
 *       disk sync; each transaction's comparisons are evaluated in order, against the writes of
 *       those before it.
 *   <li><b>Bounded history.</b> The change log keeps the last {@code historyLimit} revisions
 *       (10,000 unless given) for watches; a watch from an older revision fails with {@link
 *       CompactedException}.
 *   <li><b>Leases</b> expire on the store's clock (the system clock unless given); the keys of an
 *       expired lease are deleted at a revision of their own, by whichever process sharing the file
 *       notices first. Leases survive a restart: a lease whose deadline passed while no process had
 *       the file open expires when it is next opened.
 *   <li><b>Watches</b> are delivered on one thread per store, in revision order, right after this
 *       process commits, and within about one poll interval (50 ms unless given) of a commit by
 *       another process sharing the file.
 *   <li><b>Several processes</b> may share one file: SQLite's locks serialize their writes; a
 *       writer waits up to the busy timeout (5 s unless given) for another, then fails with {@link
 *       StoreLockedException}. The file must be on a local file system (WAL needs shared memory).
 *   <li><b>Schema version.</b> The file records its schema version; a file from a newer Bosun is
 *       refused with {@link UnsupportedSchemaException}.
 * </ul>
 *
 * <p>Besides the file, SQLite keeps {@code <file>-wal} and {@code <file>-shm} next to it while it
 * is open; copy the file only when no process has it open.
 *
 * <pre>{@code
 * try (SqliteStore store = SqliteStore.open(Path.of("model.db"))) {
 *   store.commit(Txn.builder().ifAbsent("m/app/etcd").put("m/app/etcd", json).build());
 * }
 * SqliteStore tuned = SqliteStore.builder(file).clock(clock).historyLimit(50_000).open();
 * }</pre>
 */
public final class SqliteStore implements Store {
  /** How many revisions of changes a store remembers for watches unless told otherwise. */
  public static final int DEFAULT_HISTORY_LIMIT = 10_000;

  /** How often a store looks for changes made by other processes unless told otherwise. */
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(50);

  /** How long a writer waits for another process's lock unless told otherwise. */
  public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(5);

  /** The schema version this Bosun writes, and the newest it opens. */
  public static final int SCHEMA_VERSION = Schema.VERSION;

  private static final Logger LOG = LoggerFactory.getLogger(SqliteStore.class);

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

  private final Path file;
  private final Clock clock;
  private final int historyLimit;

  /**
   * The change log is compacted when at least this many revisions can go: an eighth of the history
   * limit (1 for a limit below 16), so it holds between {@code historyLimit} and {@code
   * historyLimit} + {@code compactionStep} revisions.
   */
  private final int compactionStep;

  private static final int COMPACTION_STEPS_PER_HISTORY = 8;
  private final Failures failures;
  private final SqliteConnection writer;
  private final ReadConnections readers;
  private final GroupCommit groupCommit;
  private final WatchDispatcher dispatcher;
  private final LeaseReaper reaper;
  private final BatchObserver observer;
  private final Object closeLock = new Object();
  private volatile boolean closed;

  private SqliteStore(Builder builder, SqliteConnection writer, SqliteConnection watchConnection) {
    this.file = builder.file;
    this.clock = builder.clock;
    this.historyLimit = builder.historyLimit;
    this.compactionStep = Math.max(1, builder.historyLimit / COMPACTION_STEPS_PER_HISTORY);
    this.failures = new Failures(file, builder.busyTimeout);
    this.writer = writer;
    this.observer = builder.observer;
    this.readers = new ReadConnections(file, builder.durability, builder.busyTimeout);
    this.groupCommit = new GroupCommit(this::runBatch);
    String name = "bosun-sqlite-store-" + file.getFileName();
    this.reaper = new LeaseReaper(clock, name + "-leases", this::reap, builder.pollInterval);
    this.dispatcher =
        new WatchDispatcher(
            watchConnection,
            builder.pollInterval,
            reaper::expect,
            () -> groupCommit.flushQueued(builder.pollInterval.toNanos()),
            failures,
            name + "-watches");
  }

  /**
   * Opens (creating if need be) the store in {@code file} with the defaults: the system clock,
   * {@link #DEFAULT_HISTORY_LIMIT}, {@link #DEFAULT_POLL_INTERVAL}, {@link #DEFAULT_BUSY_TIMEOUT},
   * {@link Durability#POWER_LOSS}.
   *
   * @throws UnsupportedSchemaException when the file was written by a newer Bosun
   * @throws StoreException when the file cannot be opened or is not a Bosun store
   */
  public static SqliteStore open(Path file) {
    return builder(file).open();
  }

  /**
   * Loads SQLite's driver and native library and sets up what its first connection needs, as the
   * first {@link #open} would otherwise do on its caller's thread: a command calls this on another
   * thread while it reads its arguments. Opens and closes an in-memory database, touching no file;
   * never throws (a problem shows again, with its message, at {@link #open}).
   */
  public static void preload() {
    try {
      SqliteConnection.preload();
    } catch (SQLException | RuntimeException e) {
      LOG.debug("cannot preload SQLite's driver: {}", e.getMessage());
    }
  }

  /** Returns a builder for the store in {@code file}. */
  public static Builder builder(Path file) {
    return new Builder(file);
  }

  /** Returns the store's file. */
  public Path file() {
    return file;
  }

  @Override
  public Optional<KeyValue> get(String key) {
    requireNonNull(key, "key");
    checkOpen();
    try {
      return readers.read(connection -> Queries.get(connection, key));
    } catch (SQLException e) {
      throw failures.of("read " + key, e);
    }
  }

  @Override
  public Range range(String prefix) {
    requireNonNull(prefix, "prefix");
    checkOpen();
    try {
      return readers.read(connection -> Queries.range(connection, prefix));
    } catch (SQLException e) {
      throw failures.of("read the keys under \"" + prefix + "\"", e);
    }
  }

  @Override
  public long revision() {
    checkOpen();
    try {
      return readers.read(Queries::revision);
    } catch (SQLException e) {
      throw failures.of("read the revision", e);
    }
  }

  @Override
  public TxnResult commit(Txn txn) {
    requireNonNull(txn, "txn");
    checkOpen();
    return groupCommit.run(new CommitOp(txn));
  }

  /**
   * Queues a transaction for the next group commit and returns at once; see {@link Store#queue}.
   * Transactions queued while another thread is committing share its successor's SQLite transaction
   * and disk sync.
   *
   * @throws StoreException when the store is closed
   */
  @Override
  public PendingCommit queue(Txn txn) {
    requireNonNull(txn, "txn");
    checkOpen();
    CommitOp op = new CommitOp(txn);
    groupCommit.submit(op);
    return () -> groupCommit.await(op);
  }

  @Override
  public Watch watch(String prefix, long fromRevision, WatchListener listener) {
    requireNonNull(prefix, "prefix");
    requireNonNull(listener, "listener");
    if (fromRevision < 1) {
      throw new IllegalArgumentException("fromRevision must be at least 1, got " + fromRevision);
    }
    checkOpen();
    SqliteWatch watch = new SqliteWatch(prefix, fromRevision, listener, dispatcher::remove);
    // No batch runs while the watch is checked and added, so none compacts what it is owed.
    return groupCommit.exclusively(
        () -> {
          checkOpen();
          long compacted;
          try {
            compacted = Queries.meta(writer).compactedRevision();
          } catch (SQLException e) {
            throw failures.of("start a watch", e);
          }
          if (fromRevision <= compacted) {
            throw new CompactedException(fromRevision, compacted + 1);
          }
          dispatcher.add(watch);
          return watch;
        });
  }

  @Override
  public long grantLease(Duration timeToLive) {
    requireNonNull(timeToLive, "timeToLive");
    long ttl = timeToLive.toMillis();
    if (ttl < 1) {
      throw new IllegalArgumentException("a lease lives at least 1 ms, not " + timeToLive);
    }
    checkOpen();
    return groupCommit.run(new LeaseOps.Grant(ttl));
  }

  @Override
  public void keepAlive(long leaseId) {
    checkOpen();
    groupCommit.run(new LeaseOps.KeepAlive(leaseId));
  }

  @Override
  public void revokeLease(long leaseId) {
    checkOpen();
    groupCommit.run(new LeaseOps.Revoke(leaseId));
  }

  /**
   * Closes the store: stops its threads, cancels its watches, waits for a commit in progress and
   * closes the file. Closing twice does nothing.
   */
  @Override
  public void close() {
    synchronized (closeLock) {
      if (closed) {
        return;
      }
      closed = true;
    }
    reaper.close();
    dispatcher.stop(STOP_TIMEOUT);
    groupCommit.exclusively(
        () -> {
          // Writes queued and not yet awaited (their writers went on working) are committed
          // rather than lost with the connection.
          groupCommit.runQueued(this::commitBatch);
          writer.close();
          return null;
        });
    readers.close();
  }

  /** Returns how many writes wait for a group commit; for tests. */
  int queuedWrites() {
    return groupCommit.queued();
  }

  @Override
  public String toString() {
    return "SqliteStore[" + file + "]";
  }

  /** Reaps the expired leases; returns the earliest deadline left. */
  private long reap() {
    checkOpen();
    return groupCommit.run(new LeaseOps.Reap());
  }

  /** Runs a batch of writes in one transaction; called by the group commit's leader. */
  private void runBatch(List<WriteOp<?>> batch) {
    if (closed) {
      batch.forEach(op -> op.fail(failures.closed()));
      return;
    }
    commitBatch(batch);
  }

  /** Applies a batch of writes in one transaction and completes each of them. */
  private void commitBatch(List<WriteOp<?>> batch) {
    if (observer != null) {
      observer.beforeBatch(batch.size());
    }
    WriteTransaction txn;
    try {
      txn = WriteTransaction.begin(writer, clock.millis());
      for (WriteOp<?> op : batch) {
        op.applyIn(txn);
      }
      txn.commit(
          Math.min(txn.revision() - historyLimit, dispatcher.compactionFloor()), compactionStep);
    } catch (SQLException | RuntimeException e) {
      writer.rollbackQuietly();
      for (WriteOp<?> op : batch) {
        op.fail(
            e instanceof SQLException sql
                ? failures.of("commit", sql)
                : new StoreException("cannot commit (store file " + file + "): " + e, e));
      }
      return;
    }
    for (WriteOp<?> op : batch) {
      op.committed();
    }
    reaper.expect(txn.earliestNewDeadline());
    if (txn.advanced() && dispatcher.watchesAny(txn.writtenKeys())) {
      // A batch no watch here cares about is left to the next poll, which only skips it.
      dispatcher.wake();
    }
  }

  private void checkOpen() {
    if (closed) {
      throw failures.closed();
    }
  }

  /** Sees the size of every group commit before it runs; for tests. */
  interface BatchObserver {
    void beforeBatch(int size);
  }

  /**
   * Builds a {@link SqliteStore}.
   *
   * <pre>{@code
   * SqliteStore store = SqliteStore.builder(Path.of("model.db"))
   *     .clock(clock)                        // leases expire on this clock
   *     .historyLimit(50_000)                // revisions remembered for watches
   *     .pollInterval(Duration.ofMillis(20)) // how soon other processes' changes are seen
   *     .busyTimeout(Duration.ofSeconds(10)) // how long to wait for another process's lock
   *     .durability(Durability.POWER_LOSS)
   *     .open();
   * }</pre>
   */
  public static final class Builder {
    private final Path file;
    private Clock clock = Clock.systemUTC();
    private int historyLimit = DEFAULT_HISTORY_LIMIT;
    private Duration pollInterval = DEFAULT_POLL_INTERVAL;
    private Duration busyTimeout = DEFAULT_BUSY_TIMEOUT;
    private Durability durability = Durability.POWER_LOSS;
    private BatchObserver observer;

    private Builder(Path file) {
      this.file = requireNonNull(file, "file").toAbsolutePath();
    }

    /** Sets the clock leases expire on (the system clock unless set). */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets how many revisions of changes to remember for watches.
     *
     * @throws IllegalArgumentException when it is less than 1
     */
    public Builder historyLimit(int historyLimit) {
      if (historyLimit < 1) {
        throw new IllegalArgumentException("historyLimit must be at least 1, got " + historyLimit);
      }
      this.historyLimit = historyLimit;
      return this;
    }

    /**
     * Sets how often to look for changes other processes made to the file.
     *
     * @throws IllegalArgumentException when it is not positive
     */
    public Builder pollInterval(Duration pollInterval) {
      requireNonNull(pollInterval, "pollInterval");
      if (pollInterval.isNegative() || pollInterval.isZero()) {
        throw new IllegalArgumentException("pollInterval must be positive, not " + pollInterval);
      }
      this.pollInterval = pollInterval;
      return this;
    }

    /**
     * Sets how long a write waits for another connection's lock before failing with {@link
     * StoreLockedException}.
     *
     * @throws IllegalArgumentException when it is negative
     */
    public Builder busyTimeout(Duration busyTimeout) {
      requireNonNull(busyTimeout, "busyTimeout");
      if (busyTimeout.isNegative()) {
        throw new IllegalArgumentException("busyTimeout must not be negative: " + busyTimeout);
      }
      this.busyTimeout = busyTimeout;
      return this;
    }

    /** Sets what an acknowledged commit survives ({@link Durability#POWER_LOSS} unless set). */
    public Builder durability(Durability durability) {
      this.durability = requireNonNull(durability, "durability");
      return this;
    }

    /** Sees the size of every group commit before it runs; for tests. */
    Builder observer(BatchObserver observer) {
      this.observer = observer;
      return this;
    }

    /**
     * Opens the store, creating the file and its tables if need be.
     *
     * @throws UnsupportedSchemaException when the file was written by a newer Bosun
     * @throws StoreLockedException when another process kept the file locked past the busy timeout
     * @throws StoreException when the file cannot be opened or is not a Bosun store
     */
    public SqliteStore open() {
      Failures failures = new Failures(file, busyTimeout);
      try {
        Path parent = file.getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
      } catch (IOException e) {
        throw new StoreException("cannot create the directory of the store file " + file, e);
      }
      SqliteConnection writer = null;
      SqliteConnection watchConnection = null;
      try {
        writer = SqliteConnection.open(file, durability, busyTimeout);
        String mode = writer.queryString("PRAGMA journal_mode = WAL");
        if (!"wal".equalsIgnoreCase(mode)) {
          throw new StoreException(
              "the store file "
                  + file
                  + " cannot use write-ahead logging (journal mode stays "
                  + mode
                  + "); put it on a local file system");
        }
        Schema.createOrCheck(writer, file);
        watchConnection = SqliteConnection.open(file, durability, busyTimeout);
      } catch (SQLException e) {
        closeQuietly(writer);
        closeQuietly(watchConnection);
        throw failures.of("open the store", e);
      } catch (RuntimeException e) {
        closeQuietly(writer);
        closeQuietly(watchConnection);
        throw e;
      }
      SqliteStore store = new SqliteStore(this, writer, watchConnection);
      store.start();
      return store;
    }

    private static void closeQuietly(SqliteConnection connection) {
      if (connection != null) {
        connection.close();
      }
    }
  }

  private void start() {
    dispatcher.start();
    // Leases granted before this store opened (by an earlier run or another process).
    dispatcher.wake();
  }
}
