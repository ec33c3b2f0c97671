package dev.bosun.benchmarks;

import dev.bosun.runtime.store.InMemoryStore;
import dev.bosun.runtime.store.Store;
import dev.bosun.runtime.store.Txn;
import dev.bosun.runtime.store.TxnResult;
import dev.bosun.store.sqlite.Durability;
import dev.bosun.store.sqlite.SqliteStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The commit of a typical hook: a transaction that compares the unit's state document's revision
 * and puts five JSON documents of about 200 bytes (unit state, status, two relation databags, the
 * operation record). Latency with one committing thread, and with eight committing at once, where
 * the SQLite store's group commit shares transactions and disk syncs among them.
 *
 * <pre>
 * ./mvnw -B -q install -DskipTests -pl model,charms/sdk,runtime/engine,runtime/testing,runtime/store-sqlite
 * ./mvnw -B -q -f benchmarks/pom.xml package
 * java -jar benchmarks/target/benchmarks.jar StoreCommitBenchmark
 * </pre>
 */
@BenchmarkMode({Mode.SampleTime, Mode.Throughput})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
@State(Scope.Benchmark)
public class StoreCommitBenchmark {

  /** The store under test. */
  @Param({"sqlite", "sqlite-process-crash", "in-memory"})
  public String store;

  private Path directory;
  private Store target;
  private final AtomicInteger units = new AtomicInteger();

  /** Opens a store in a fresh temporary directory. */
  @Setup(Level.Trial)
  public void open() throws IOException {
    directory = Files.createTempDirectory("bosun-store-bench");
    Path file = directory.resolve("model.db");
    target =
        switch (store) {
          case "sqlite" -> SqliteStore.builder(file).durability(Durability.POWER_LOSS).open();
          case "sqlite-process-crash" ->
              SqliteStore.builder(file).durability(Durability.PROCESS_CRASH).open();
          case "in-memory" -> new InMemoryStore();
          default -> throw new IllegalArgumentException("unknown store " + store);
        };
  }

  /** Closes the store and deletes its files. */
  @TearDown(Level.Trial)
  public void close() throws IOException {
    target.close();
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  /** One unit agent: its keys and the revision of its state document. */
  @State(Scope.Thread)
  public static class Unit {
    String name;
    long stateRevision;
    long hooks;

    /** Names the unit. */
    @Setup(Level.Trial)
    public void name(StoreCommitBenchmark benchmark) {
      name = "etcd/" + benchmark.units.getAndIncrement();
    }
  }

  /** A hook commit with one thread committing. */
  @Benchmark
  @Threads(1)
  public TxnResult hookCommit(Unit unit) {
    return commit(unit);
  }

  /** A hook commit with eight threads committing at once. */
  @Benchmark
  @Threads(8)
  public TxnResult hookCommitEightThreads(Unit unit) {
    return commit(unit);
  }

  private TxnResult commit(Unit unit) {
    long hook = ++unit.hooks;
    String unitKey = "m/unit/" + unit.name;
    Txn txn =
        Txn.builder()
            .ifModRevision(unitKey + "/state", unit.stateRevision)
            .put(unitKey + "/state", json(unit.name, "state", hook))
            .put(unitKey + "/status", json(unit.name, "status", hook))
            .put("m/relation/0/" + unit.name, json(unit.name, "databag-0", hook))
            .put("m/relation/1/" + unit.name, json(unit.name, "databag-1", hook))
            .put(unitKey + "/operation", json(unit.name, "operation", hook))
            .build();
    TxnResult result = target.commit(txn);
    if (!result.succeeded()) {
      throw new IllegalStateException(unit.name + " lost its own comparison: " + result);
    }
    unit.stateRevision = result.revision();
    return result;
  }

  private static byte[] json(String unit, String kind, long hook) {
    String json =
        "{\"unit\":\""
            + unit
            + "\",\"kind\":\""
            + kind
            + "\",\"hook\":"
            + hook
            + ",\"status\":\"active\",\"message\":\"ready\",\"workload-version\":\"3.5.21\","
            + "\"addresses\":[\"127.77.0.1\"],\"relations\":{\"cluster\":[\"etcd/1\",\"etcd/2\"]},"
            + "\"leader\":false}";
    return json.getBytes(StandardCharsets.UTF_8);
  }
}
