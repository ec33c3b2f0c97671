package dev.bosun.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bosun.runtime.ManualClock;
import dev.bosun.runtime.store.CompactedException;
import dev.bosun.runtime.store.KeyValue;
import dev.bosun.runtime.store.LeaseNotFoundException;
import dev.bosun.runtime.store.Store;
import dev.bosun.runtime.store.StoreException;
import dev.bosun.runtime.store.Txn;
import dev.bosun.runtime.store.TxnResult;
import dev.bosun.testing.store.ContractClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the SQLite store does beyond the store contract: the file, durability, processes. */
class SqliteStoreTest {
  private final ContractClock time = ContractClock.manual();
  private final ManualClock clock = (ManualClock) time.clock();
  private final List<SqliteStore> stores = new ArrayList<>();
  private final ExecutorService threads = Executors.newCachedThreadPool();
  @TempDir Path directory;

  @AfterEach
  void closeEverything() {
    threads.shutdownNow();
    stores.forEach(SqliteStore::close);
  }

  private Path file() {
    return directory.resolve("model.db");
  }

  private SqliteStore open(SqliteStore.Builder builder) {
    SqliteStore store = builder.open();
    stores.add(store);
    return store;
  }

  private SqliteStore open() {
    return open(SqliteStore.builder(file()).clock(clock).pollInterval(Duration.ofMillis(10)));
  }

  @Test
  void reopeningTheFileFindsEverythingCommitted() {
    SqliteStore first = open();
    first.commit(Txn.builder().put("a", "1").put("b", "1").build());
    first.commit(Txn.builder().put("a", "2").delete("b").build());
    long lease = first.grantLease(Duration.ofSeconds(60));
    first.commit(Txn.builder().put("leader", "x".getBytes(StandardCharsets.UTF_8), lease).build());
    first.close();

    SqliteStore second = open();
    assertThat(second.revision()).isEqualTo(3);
    KeyValue a = second.get("a").orElseThrow();
    assertThat(a.valueAsString()).isEqualTo("2");
    assertThat(a.createRevision()).isEqualTo(1);
    assertThat(a.modRevision()).isEqualTo(2);
    assertThat(a.version()).isEqualTo(2);
    assertThat(second.get("b")).isEmpty();
    assertThat(second.get("leader").orElseThrow().lease()).isEqualTo(lease);
    second.keepAlive(lease);
    assertThat(second.grantLease(Duration.ofSeconds(60))).isGreaterThan(lease);

    List<String> replayed = Collections.synchronizedList(new ArrayList<>());
    second.watch("", 1, (revision, events) -> events.forEach(e -> replayed.add(e.toString())));
    time.await("the history is replayed", () -> replayed.size() == 5);
    assertThat(replayed)
        .containsExactly("PUT a@1", "PUT b@1", "PUT a@2", "DELETE b@2", "PUT leader@3");
  }

  @Test
  void theFileIsInWalModeWithBosunsSchemaVersion() throws SQLException {
    open().commit(Txn.builder().put("a", "1").build());
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file());
        Statement statement = raw.createStatement()) {
      assertThat(query(statement, "PRAGMA journal_mode")).isEqualTo("wal");
      assertThat(query(statement, "PRAGMA user_version")).isEqualTo("2");
      assertThat(Long.parseLong(query(statement, "PRAGMA application_id"))).isEqualTo(0x426f736eL);
      assertThat(query(statement, "SELECT typeof(value) FROM kv")).isEqualTo("blob");
    }
    assertThat(SqliteStore.SCHEMA_VERSION).isEqualTo(2);
  }

  @Test
  void aFileOfSchemaVersionOneIsMigratedWithItsKeysAndItsHistory() throws SQLException {
    // Version 1 as it was written: the change log keyed by (revision, key).
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file());
        Statement statement = raw.createStatement()) {
      for (String sql :
          List.of(
              "PRAGMA journal_mode = WAL",
              "CREATE TABLE store_meta (id INTEGER PRIMARY KEY CHECK (id = 1),"
                  + " revision INTEGER NOT NULL, compacted_revision INTEGER NOT NULL)",
              "INSERT INTO store_meta VALUES (1, 3, 1)",
              "CREATE TABLE kv (key BLOB PRIMARY KEY, value BLOB NOT NULL,"
                  + " create_revision INTEGER NOT NULL, mod_revision INTEGER NOT NULL,"
                  + " version INTEGER NOT NULL, lease INTEGER NOT NULL)",
              "CREATE INDEX kv_by_lease ON kv (lease) WHERE lease <> 0",
              "CREATE TABLE changes (revision INTEGER NOT NULL, key BLOB NOT NULL,"
                  + " deleted INTEGER NOT NULL, value BLOB NOT NULL, PRIMARY KEY (revision, key))",
              "CREATE TABLE leases (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                  + " ttl_millis INTEGER NOT NULL, deadline_millis INTEGER NOT NULL)",
              "CREATE INDEX leases_by_deadline ON leases (deadline_millis)",
              "INSERT INTO kv VALUES (CAST('a' AS BLOB), CAST('2' AS BLOB), 2, 3, 2, 0)",
              "INSERT INTO kv VALUES (CAST('c' AS BLOB), CAST('1' AS BLOB), 2, 2, 1, 0)",
              "INSERT INTO changes VALUES (2, CAST('c' AS BLOB), 0, CAST('1' AS BLOB))",
              "INSERT INTO changes VALUES (2, CAST('a' AS BLOB), 0, CAST('1' AS BLOB))",
              "INSERT INTO changes VALUES (3, CAST('b' AS BLOB), 1, CAST('' AS BLOB))",
              "INSERT INTO changes VALUES (3, CAST('a' AS BLOB), 0, CAST('2' AS BLOB))",
              "PRAGMA application_id = " + 0x426f736e,
              "PRAGMA user_version = 1")) {
        statement.execute(sql);
      }
    }

    SqliteStore store = open();
    assertThat(store.revision()).isEqualTo(3);
    assertThat(store.get("a").orElseThrow().valueAsString()).isEqualTo("2");
    assertThat(store.get("a").orElseThrow().version()).isEqualTo(2);
    assertThat(store.commit(Txn.builder().put("c", "2").build()).revision()).isEqualTo(4);
    List<String> replayed = Collections.synchronizedList(new ArrayList<>());
    store.watch("", 2, (revision, events) -> events.forEach(e -> replayed.add(e.toString())));
    time.await("the history is replayed", () -> replayed.size() == 5);
    assertThat(replayed).containsExactly("PUT a@2", "PUT c@2", "PUT a@3", "DELETE b@3", "PUT c@4");
    assertThatThrownBy(() -> store.watch("", 1, (revision, events) -> {}))
        .isInstanceOf(CompactedException.class);
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file());
        Statement statement = raw.createStatement()) {
      assertThat(query(statement, "PRAGMA user_version")).isEqualTo("2");
      assertThat(query(statement, "SELECT count(*) FROM sqlite_master WHERE name = 'changes_v1'"))
          .isEqualTo("0");
    }
  }

  @Test
  void aFileFromANewerBosunIsRefused() throws SQLException {
    open().close();
    execute("PRAGMA user_version = 3");
    assertThatThrownBy(this::open)
        .isInstanceOf(UnsupportedSchemaException.class)
        .hasMessage(
            "the store file "
                + file()
                + " has schema version 3, but this Bosun knows schema versions up to 2: open it"
                + " with the newer Bosun that wrote it")
        .satisfies(
            e -> {
              UnsupportedSchemaException schema = (UnsupportedSchemaException) e;
              assertThat(schema.foundVersion()).isEqualTo(3);
              assertThat(schema.supportedVersion()).isEqualTo(2);
              assertThat(schema.file()).isEqualTo(file());
            });
  }

  @Test
  void aDatabaseOfAnotherApplicationIsRefused() throws SQLException {
    execute("CREATE TABLE accounts (id INTEGER)");
    assertThatThrownBy(this::open)
        .isInstanceOf(StoreException.class)
        .hasMessage(
            "the file "
                + file()
                + " is an SQLite database but not a Bosun store: it has tables and no Bosun schema"
                + " version; give the store a file of its own");
  }

  @Test
  void aFileThatIsNotADatabaseIsRefused() throws Exception {
    Files.write(
        file(), "not a database, just some text that is long enough".repeat(100).getBytes());
    assertThatThrownBy(this::open)
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("cannot open the store (store file " + file() + "): ")
        .hasMessageContaining("not a database");
  }

  @Test
  void aWriteBlockedByAnotherConnectionPastTheBusyTimeoutFailsClearlyAndAppliesNothing()
      throws SQLException {
    SqliteStore store = open(SqliteStore.builder(file()).busyTimeout(Duration.ofMillis(100)));
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file());
        Statement statement = other.createStatement()) {
      statement.execute("BEGIN IMMEDIATE");
      assertThatThrownBy(() -> store.commit(Txn.builder().put("a", "1").build()))
          .isInstanceOf(StoreLockedException.class)
          .hasMessage(
              "the store file "
                  + file()
                  + " stayed locked by another connection for 100 ms (the busy timeout): another"
                  + " process is writing to it or holds it locked; nothing was applied, retry"
                  + " later");
      assertThat(store.revision()).isZero();
      statement.execute("ROLLBACK");
    }
    assertThat(store.commit(Txn.builder().put("a", "1").build()).revision()).isEqualTo(1);
  }

  @Test
  void concurrentWritesShareOneTransactionAndSeeEachOtherInQueueOrder() throws Exception {
    CountDownLatch firstBatchRunning = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean first = new AtomicBoolean(true);
    SqliteStore store =
        open(
            SqliteStore.builder(file())
                .clock(clock)
                .observer(
                    size -> {
                      batchSizes.add(size);
                      if (first.getAndSet(false)) {
                        firstBatchRunning.countDown();
                        awaitQuietly(release);
                      }
                    }));
    Future<TxnResult> leader = threads.submit(() -> store.commit(put("first")));
    assertThat(firstBatchRunning.await(10, TimeUnit.SECONDS)).isTrue();

    List<Future<?>> queued = new ArrayList<>();
    List<Txn> txns =
        List.of(
            Txn.builder().ifAbsent("x").put("x", "a").build(),
            Txn.builder().ifAbsent("x").put("x", "b").build(),
            Txn.builder().ifModRevision("x", 2).put("y", "c").build(),
            Txn.builder().put("z", "d".getBytes(StandardCharsets.UTF_8), 999).build(),
            Txn.builder().ifModRevision("y", 3).delete("x").build());
    for (Txn txn : txns) {
      queued.add(threads.submit(() -> store.commit(txn)));
      int expected = queued.size();
      time.await("write " + expected + " is queued", () -> store.queuedWrites() == expected);
    }
    release.countDown();

    assertThat(leader.get()).isEqualTo(new TxnResult(true, 1));
    assertThat(queued.get(0).get()).isEqualTo(new TxnResult(true, 2));
    assertThat(queued.get(1).get()).isEqualTo(new TxnResult(false, 2));
    assertThat(queued.get(2).get()).isEqualTo(new TxnResult(true, 3));
    assertThatThrownBy(() -> queued.get(3).get()).hasCauseInstanceOf(LeaseNotFoundException.class);
    assertThat(queued.get(4).get()).isEqualTo(new TxnResult(true, 4));
    assertThat(batchSizes).containsExactly(1, txns.size());
    assertThat(store.get("x")).isEmpty();
    assertThat(store.get("y").orElseThrow().valueAsString()).isEqualTo("c");
    assertThat(store.get("z")).isEmpty();
    assertThat(store.revision()).isEqualTo(4);
  }

  @Test
  void aQueuedTransactionIsCommittedByTheNextBatchAndAnyThreadMayAwaitIt() throws Exception {
    List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
    // A poll interval of a minute: the store's own thread leaves the queued write alone.
    SqliteStore store =
        open(
            SqliteStore.builder(file())
                .clock(clock)
                .pollInterval(Duration.ofMinutes(1))
                .observer(batchSizes::add));
    Store.PendingCommit queued = store.queue(Txn.builder().ifAbsent("a").put("a", "1").build());
    assertThat(store.queuedWrites()).isEqualTo(1);
    assertThat(store.revision()).as("queued, not yet committed").isZero();

    // Another thread's commit leads a batch that takes the queued transaction first.
    TxnResult later =
        threads
            .submit(() -> store.commit(Txn.builder().ifModRevision("a", 1).put("b", "2").build()))
            .get(10, TimeUnit.SECONDS);
    assertThat(later).isEqualTo(new TxnResult(true, 2));
    assertThat(batchSizes).containsExactly(2);

    // The outcome waits for whoever asks, on any thread.
    assertThat(threads.submit(queued::await).get(10, TimeUnit.SECONDS))
        .isEqualTo(new TxnResult(true, 1));
    assertThat(store.get("a").orElseThrow().modRevision()).isEqualTo(1);
  }

  @Test
  void aQueuedTransactionNobodyElseCommitsIsCommittedWhenAwaited() {
    SqliteStore store =
        open(SqliteStore.builder(file()).clock(clock).pollInterval(Duration.ofMinutes(1)));
    Store.PendingCommit queued = store.queue(put("a"));
    assertThat(store.get("a")).isEmpty();
    assertThat(queued.await()).isEqualTo(new TxnResult(true, 1));
    assertThat(store.get("a")).isPresent();
  }

  @Test
  void aQueuedTransactionNobodyAwaitsReachesTheFileWithinAboutAPollInterval()
      throws InterruptedException {
    SqliteStore store = open();
    store.queue(put("a"));

    // No thread of the caller's commits it: the store's own thread does, once it has waited a
    // poll interval (10 ms here). Another connection to the file sees it.
    SqliteStore other = open();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (other.get("a").isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(other.get("a")).isPresent();
    assertThat(store.queuedWrites()).isZero();
  }

  @Test
  void closingTheStoreCommitsWhatWasQueuedAndNotAwaited() {
    SqliteStore store =
        open(SqliteStore.builder(file()).clock(clock).pollInterval(Duration.ofMinutes(1)));
    store.queue(put("a"));
    store.queue(put("b"));
    assertThat(store.revision()).isZero();

    store.close();

    SqliteStore reopened = open();
    assertThat(reopened.revision()).isEqualTo(2);
    assertThat(reopened.get("a")).isPresent();
    assertThat(reopened.get("b")).isPresent();
  }

  @Test
  void aBatchThatBreaksFailsItsWritesAndLaterWritesGoOn() {
    AtomicBoolean broken = new AtomicBoolean(true);
    SqliteStore store =
        open(
            SqliteStore.builder(file())
                .observer(
                    size -> {
                      if (broken.getAndSet(false)) {
                        throw new IllegalStateException("broken on purpose");
                      }
                    }));
    assertThatThrownBy(() -> store.commit(put("a")))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("broken on purpose");
    assertThat(store.commit(put("a"))).isEqualTo(new TxnResult(true, 1));
  }

  @Test
  void manyThreadsQueueingAndAwaitingInTurnAllFinishWithEveryWriteCommittedOnce() throws Exception {
    // One waiter is woken to lead each next batch; none may be left parked with its write queued.
    SqliteStore store = open(SqliteStore.builder(file()).clock(clock));
    int writers = 16;
    int writesEach = 150;
    List<Future<?>> running = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      String key = "w/" + w;
      running.add(
          threads.submit(
              () -> {
                Store.PendingCommit previous = null;
                for (int i = 0; i < writesEach; i++) {
                  // As the engine does: queue the next write, then await the one before.
                  Store.PendingCommit next = store.queue(Txn.builder().put(key, "" + i).build());
                  if (previous != null) {
                    assertThat(previous.await().succeeded()).isTrue();
                  }
                  previous = next;
                }
                return previous.await();
              }));
    }
    for (Future<?> writer : running) {
      writer.get(120, TimeUnit.SECONDS);
    }
    assertThat(store.revision()).isEqualTo((long) writers * writesEach);
    for (int w = 0; w < writers; w++) {
      KeyValue last = store.get("w/" + w).orElseThrow();
      assertThat(last.valueAsString()).isEqualTo("" + (writesEach - 1));
      assertThat(last.version()).isEqualTo(writesEach);
    }
  }

  @Test
  void eachWatchGetsExactlyTheChangesUnderItsPrefixWithFewOrManyWatches() {
    SqliteStore store = open();
    // Nested prefixes, then more distinct prefixes than the change log query filters on.
    List<String> prefixes = new ArrayList<>(List.of("u/", "u/a", "v/"));
    for (int i = 0; i < WatchDispatcher.MAX_FILTERED_PREFIXES + 2; i++) {
      prefixes.add("p" + i + "/");
    }
    List<List<String>> seen = new ArrayList<>();
    for (String prefix : prefixes) {
      List<String> events = Collections.synchronizedList(new ArrayList<>());
      seen.add(events);
      store.watch(prefix, 1, (revision, batch) -> batch.forEach(e -> events.add(e.toString())));
      if (seen.size() == 3) {
        store.commit(Txn.builder().put("u/a1", "1").put("u/b", "1").put("x", "1").build());
        store.commit(Txn.builder().put("v/c", "1").delete("u/a1").build());
      }
    }
    store.commit(Txn.builder().put("p1/k", "1").put("p3/k", "1").put("u/a2", "1").build());
    time.await(
        "every watch is up to date",
        () -> seen.get(0).size() == 4 && seen.get(4).size() == 1 && seen.get(6).size() == 1);
    assertThat(seen.get(0))
        .containsExactly("PUT u/a1@1", "PUT u/b@1", "DELETE u/a1@2", "PUT u/a2@3");
    assertThat(seen.get(1)).containsExactly("PUT u/a1@1", "DELETE u/a1@2", "PUT u/a2@3");
    assertThat(seen.get(2)).containsExactly("PUT v/c@2");
    assertThat(seen.get(3)).isEmpty();
    assertThat(seen.get(4)).containsExactly("PUT p1/k@3");
    assertThat(seen.get(5)).isEmpty();
    assertThat(seen.get(6)).containsExactly("PUT p3/k@3");
  }

  @Test
  void changesMadeThroughAnotherConnectionReachWatchers() {
    SqliteStore watched = open();
    SqliteStore other = open();
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    watched.watch("u/", 1, (revision, events) -> events.forEach(e -> seen.add(e.toString())));
    other.commit(Txn.builder().put("u/a", "1").put("x", "1").build());
    other.commit(Txn.builder().delete("u/a").build());
    time.await("the other store's changes arrive", () -> seen.size() == 2);
    assertThat(seen).containsExactly("PUT u/a@1", "DELETE u/a@2");
    assertThat(watched.get("x").orElseThrow().valueAsString()).isEqualTo("1");
  }

  @Test
  void aLeaseOfAStoreThatWentAwayIsReapedByAnother() {
    SqliteStore survivor = open();
    SqliteStore departed = open();
    long lease = departed.grantLease(Duration.ofSeconds(30));
    departed.commit(
        Txn.builder().put("leader", "d".getBytes(StandardCharsets.UTF_8), lease).build());
    departed.close();
    clock.advance(Duration.ofSeconds(31));
    time.await("the survivor reaps the lease", () -> survivor.get("leader").isEmpty());
    assertThat(survivor.revision()).isEqualTo(2);
  }

  @Test
  void aLeaseWhoseDeadlinePassedWhileTheFileWasClosedExpiresWhenItIsOpened() {
    SqliteStore first = open();
    long lease = first.grantLease(Duration.ofSeconds(30));
    first.commit(Txn.builder().put("leader", "a".getBytes(StandardCharsets.UTF_8), lease).build());
    first.close();
    clock.advance(Duration.ofMinutes(5));
    SqliteStore reopened = open();
    time.await("the lease expires", () -> reopened.get("leader").isEmpty());
    assertThatThrownBy(() -> reopened.keepAlive(lease)).isInstanceOf(LeaseNotFoundException.class);
  }

  @Test
  void theChangeLogKeepsOnlyTheHistoryLimit() throws SQLException {
    SqliteStore store = open(SqliteStore.builder(file()).historyLimit(5));
    for (int i = 0; i < 20; i++) {
      store.commit(put("k"));
    }
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file());
        Statement statement = raw.createStatement()) {
      assertThat(query(statement, "SELECT group_concat(id >> 24) FROM changes"))
          .isEqualTo("16,17,18,19,20");
      assertThat(query(statement, "SELECT compacted_revision FROM store_meta")).isEqualTo("15");
    }
    assertThatThrownBy(() -> store.watch("k", 15, (revision, events) -> {}))
        .isInstanceOf(CompactedException.class)
        .hasMessage(
            "required revision 15 has been compacted; the oldest revision that can be watched is"
                + " 16");
  }

  @Test
  void theChangeLogIsKeptForAWatchThatIsBehind() {
    SqliteStore store = open(SqliteStore.builder(file()).historyLimit(2));
    CountDownLatch release = new CountDownLatch(1);
    List<Long> revisions = Collections.synchronizedList(new ArrayList<>());
    store.watch(
        "",
        1,
        (revision, events) -> {
          revisions.add(revision);
          awaitQuietly(release);
        });
    for (int i = 0; i < 12; i++) {
      store.commit(put("k"));
    }
    release.countDown();
    time.await("the slow watch catches up", () -> revisions.size() == 12);
    assertThat(revisions).containsExactlyElementsOf(LongStream.rangeClosed(1, 12).boxed().toList());
  }

  @Test
  void keysAreOrderedByTheirUtf8Bytes() {
    SqliteStore store = open();
    String privateUse = "k/\uE000";
    String rocket = "k/\uD83D\uDE80";
    store.commit(Txn.builder().put(rocket, "r").put(privateUse, "p").put("k/z", "z").build());
    assertThat(store.range("k/").entries())
        .extracting(KeyValue::key)
        .containsExactly("k/z", privateUse, rocket);
  }

  @Test
  void theBuilderRefusesNonsense() {
    SqliteStore.Builder builder = SqliteStore.builder(file());
    assertThatThrownBy(() -> builder.historyLimit(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.pollInterval(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.busyTimeout(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aStoreThatSurvivesOnlyProcessCrashesWorksTheSame() {
    SqliteStore store = open(SqliteStore.builder(file()).durability(Durability.PROCESS_CRASH));
    store.commit(put("a"));
    store.close();
    assertThat(open().get("a").orElseThrow().valueAsString()).isEqualTo("value");
  }

  private static Txn put(String key) {
    return Txn.builder().put(key, "value").build();
  }

  private void execute(String sql) throws SQLException {
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file());
        Statement statement = raw.createStatement()) {
      statement.execute(sql);
    }
  }

  private static String query(Statement statement, String sql) throws SQLException {
    try (ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
