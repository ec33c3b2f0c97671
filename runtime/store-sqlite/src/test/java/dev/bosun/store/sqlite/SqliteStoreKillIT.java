package dev.bosun.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bosun.runtime.store.KeyValue;
import dev.bosun.runtime.store.Range;
import dev.bosun.runtime.store.TxnResult;
import dev.bosun.runtime.store.WatchEvent;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durability under {@code kill -9}: a child JVM commits numbered transactions as fast as it can and
 * prints each acknowledged one; the test kills it with SIGKILL at random points, many times, on the
 * same file, and after each kill checks that every acknowledged transaction is there, that none is
 * half applied, that the store keeps working, and that a watch in this process saw every committed
 * revision in order.
 *
 * <p>The seed of the random kill points is printed in failure messages; run again with {@code
 * -Dbosun.kill.seed=<seed>} to repeat them.
 */
class SqliteStoreKillIT {
  private static final Logger LOG = LoggerFactory.getLogger(SqliteStoreKillIT.class);
  private static final int ROUNDS = 12;
  private static final long READY_TIMEOUT_MILLIS = 60_000;

  @TempDir Path directory;

  @Test
  void everyAcknowledgedCommitSurvivesSigkillAndNoneIsHalfApplied() throws Exception {
    long seed = Long.getLong("bosun.kill.seed", System.nanoTime());
    Random random = new Random(seed);
    Path file = directory.resolve("model.db");
    List<Long> watchedSeq = Collections.synchronizedList(new ArrayList<>());
    List<String> watchBreaches = Collections.synchronizedList(new ArrayList<>());
    long totalAcknowledged = 0;
    int roundsWithAcks = 0;
    long committed = 0;

    try (SqliteStore watcher = SqliteStore.open(file)) {
      watcher.watch(
          "seq",
          1,
          (revision, events) -> {
            WatchEvent event = events.get(0);
            if (events.size() != 1 || event.type() != WatchEvent.Type.PUT) {
              watchBreaches.add("revision " + revision + " delivered " + events);
            }
            watchedSeq.add(Long.parseLong(new String(event.value(), StandardCharsets.UTF_8)));
          });

      for (int round = 1; round <= ROUNDS; round++) {
        String context = "round " + round + " (seed " + seed + ")";
        // The first round may die before the child has even opened the file.
        boolean waitForReady = round > 1;
        long killAfterMillis = waitForReady ? random.nextInt(600) : random.nextInt(1500);
        List<long[]> acks = runAndKill(file, round, waitForReady, killAfterMillis, context);

        totalAcknowledged += acks.size();
        if (!acks.isEmpty()) {
          roundsWithAcks++;
        }
        long lastAcknowledged = acks.isEmpty() ? committed : acks.get(acks.size() - 1)[0];
        long before = committed;
        committed = verify(file, acks, committed, context);
        LOG.info(
            "{}: killed after {} ms with {} commits acknowledged; {} found committed ({} beyond the"
                + " last acknowledged)",
            context,
            killAfterMillis,
            acks.size(),
            committed - 1 - before,
            committed - 1 - lastAcknowledged);

        long last = committed;
        watchedSeqAwait(watchedSeq, last, context);
        assertThat(watchBreaches).as(context).isEmpty();
        assertThat(watchedSeq)
            .as("the watch saw every committed transaction in order, " + context)
            .containsExactlyElementsOf(sequence(last));
      }
    }
    assertThat(roundsWithAcks)
        .as("rounds killed while committing (seed " + seed + ")")
        .isGreaterThanOrEqualTo(ROUNDS / 2);
    assertThat(totalAcknowledged).isPositive();
  }

  /**
   * Starts the child, lets it commit for {@code killAfterMillis}, kills it with SIGKILL and returns
   * every {@code (number, revision)} it acknowledged before dying.
   */
  private List<long[]> runAndKill(
      Path file, int round, boolean waitForReady, long killAfterMillis, String context)
      throws Exception {
    // The child's stdout goes to a file, not a pipe: the JDK closes a dead child's pipe under a
    // concurrent reader and can drop its last lines, which would look like lost acknowledgements.
    Path output = directory.resolve("child-" + round + ".out");
    Process child =
        start(file, output.toFile(), directory.resolve("child-" + round + ".log").toFile());
    if (waitForReady) {
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READY_TIMEOUT_MILLIS);
      while (!firstLine(output).startsWith("ready")) {
        assertThat(child.isAlive()).as("the child is running, " + context).isTrue();
        assertThat(System.nanoTime() - deadline).as("the child starts, " + context).isNegative();
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
      }
    }
    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(killAfterMillis));
    child.destroyForcibly();
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the child dies, " + context).isTrue();
    String printed = Files.readString(output, StandardCharsets.UTF_8);
    // A line the kill cut short (no newline yet) was not acknowledged.
    printed = printed.substring(0, printed.lastIndexOf('\n') + 1);
    List<long[]> acks = new ArrayList<>();
    for (String line : printed.lines().toList()) {
      String[] parts = line.split(" ");
      if (parts[0].equals("ack")) {
        acks.add(new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])});
      }
    }
    return acks;
  }

  private static String firstLine(Path output) throws IOException {
    if (!Files.exists(output)) {
      return "";
    }
    List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
    return lines.isEmpty() ? "" : lines.get(0);
  }

  /**
   * Opens the file afresh and checks it after a kill; commits one more transaction; returns the
   * number of transactions now committed.
   */
  private long verify(Path file, List<long[]> acks, long committedBefore, String context) {
    try (SqliteStore store = SqliteStore.open(file)) {
      KeyValue seq = store.get("seq").orElse(null);
      long last = seq == null ? 0 : Long.parseLong(seq.valueAsString());
      long lastAcknowledged = acks.isEmpty() ? committedBefore : acks.get(acks.size() - 1)[0];
      assertThat(last)
          .as("the committed transactions cover every acknowledged one, " + context)
          .isBetween(lastAcknowledged, lastAcknowledged + 1);
      assertThat(store.revision()).as("one revision per transaction, " + context).isEqualTo(last);

      for (long[] ack : acks) {
        KeyValue logged = store.get(NumberedCommits.logKey(ack[0])).orElse(null);
        assertThat(logged).as("acknowledged transaction " + ack[0] + ", " + context).isNotNull();
        assertThat(logged.modRevision())
            .as("revision of acknowledged transaction " + ack[0] + ", " + context)
            .isEqualTo(ack[1]);
      }
      Range log = store.range("log/");
      assertThat(log.entries()).as("no transaction is missing, " + context).hasSize((int) last);
      if (last > 0) {
        assertWholeTransaction(store, seq, last, context);
      }

      TxnResult more =
          store.commit(NumberedCommits.txn(last + 1, seq == null ? 0 : seq.modRevision()));
      assertThat(more.succeeded()).as("the store keeps working, " + context).isTrue();
      assertWholeTransaction(store, store.get("seq").orElseThrow(), last + 1, context);
      return last + 1;
    }
  }

  private static void assertWholeTransaction(
      SqliteStore store, KeyValue seq, long n, String context) {
    List<KeyValue> agreeing = store.range("agree/").entries();
    assertThat(agreeing).as(context).hasSize(NumberedCommits.AGREEING_KEYS);
    for (KeyValue kv : agreeing) {
      assertThat(kv.valueAsString())
          .as(kv.key() + " agrees with seq " + n + ", " + context)
          .isEqualTo(NumberedCommits.document(n));
      assertThat(kv.modRevision()).as(kv.key() + ", " + context).isEqualTo(seq.modRevision());
    }
    assertThat(store.get(NumberedCommits.logKey(n)).orElseThrow().modRevision())
        .as(context)
        .isEqualTo(seq.modRevision());
  }

  private static void watchedSeqAwait(List<Long> watchedSeq, long last, String context) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (watchedSeq.size() < last && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
    assertThat(watchedSeq)
        .as("the watch caught up, " + context)
        .hasSizeGreaterThanOrEqualTo((int) last);
  }

  private static List<Long> sequence(long last) {
    List<Long> numbers = new ArrayList<>();
    for (long n = 1; n <= last; n++) {
      numbers.add(n);
    }
    return numbers;
  }

  private static Process start(Path file, File output, File log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return new ProcessBuilder(
            java,
            "-Xmx128m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            classpath,
            NumberedCommits.class.getName(),
            file.toString())
        .redirectOutput(output)
        .redirectError(log)
        .start();
  }
}
