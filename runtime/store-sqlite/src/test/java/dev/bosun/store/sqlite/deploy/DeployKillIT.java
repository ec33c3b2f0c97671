package dev.bosun.store.sqlite.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bosun.runtime.HookRecord;
import dev.bosun.runtime.ModelStatus;
import dev.bosun.runtime.RelationStatus;
import dev.bosun.runtime.Runtime;
import dev.bosun.runtime.SettleResult;
import dev.bosun.runtime.UnitStatus;
import dev.bosun.runtime.store.KeyValue;
import dev.bosun.runtime.store.Store;
import dev.bosun.runtime.substrate.local.LocalSubstrate;
import dev.bosun.store.sqlite.SqliteStore;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crash safety of a whole deploy on the SQLite store (issue 4): a child JVM runs an embedded
 * runtime over a {@link SqliteStore} and a {@link LocalSubstrate} and deploys {@link LedgerModel}
 * (three applications, peers, two relations, 9 to 20 units) whose every hook commits unit state,
 * status and relation data; the test kills it with SIGKILL at random points, a dozen times, growing
 * the model by one unit each round so that every round has a deploy to interrupt. After each kill
 * it checks, reading the store file: every hook commit the child saw acknowledged is there, and
 * none is half applied (a unit's hook counter, its log of hooks and its workload status agree).
 * Then a child runs the model to settlement, and the test checks that it converged to what a clean
 * run of the same model (no kills) reaches — same units, all active and idle, the same relation
 * data — that every committed hook is in both the charm's own log and the engine's hook log
 * (written in the same transaction), and that each unit's hooks ran in Juju's order, an interrupted
 * hook being retried before anything else.
 *
 * <p>The seed of the kill points is logged and named in failure messages; run again with {@code
 * -Dbosun.kill.seed=<seed>} to repeat them ({@code -Dbosun.kill.rounds=<n>} changes the number of
 * kills, 12 by default).
 */
class DeployKillIT {
  private static final Logger LOG = LoggerFactory.getLogger(DeployKillIT.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ROUNDS = Integer.getInteger("bosun.kill.rounds", 12);
  private static final int FIRST_WORKERS = 2;

  /** A kill comes after the child acknowledged up to this many hook commits in its round. */
  private static final int KILL_WINDOW_COMMITS = 30;

  /** ... and up to this many milliseconds later, so it lands anywhere between two commits. */
  private static final int KILL_JITTER_MILLIS = 5;

  private static final long READY_TIMEOUT_MILLIS = 60_000;
  private static final Set<String> ADDRESS_KEYS =
      Set.of("private-address", "ingress-address", "egress-subnets");

  @TempDir Path directory;

  /** A hook commit the child saw acknowledged. */
  private record Ack(String unit, long hooks, long revision, String trace) {}

  /** What one round's child printed, and whether it settled before the kill. */
  private record Round(List<Ack> acks, boolean settled) {}

  /** When to kill a child: {@code millis} after it acknowledged {@code commits} hook commits. */
  private record Kill(int commits, int millis) {}

  @Test
  void aDeployKilledAtRandomPointsLosesNoHookCommitAndConvergesToACleanRunsModel()
      throws Exception {
    long seed = Long.getLong("bosun.kill.seed", System.nanoTime());
    LOG.info("killing the deploy {} times, seed {}", ROUNDS, seed);
    Random random = new Random(seed);
    Path file = directory.resolve("crashed").resolve("model.db");
    Path machines = directory.resolve("crashed").resolve("machines");
    List<Ack> acknowledged = new ArrayList<>();
    int killedWhileDeploying = 0;

    for (int round = 1; round <= ROUNDS; round++) {
      String context = "round " + round + " (seed " + seed + ")";
      Kill kill = new Kill(random.nextInt(KILL_WINDOW_COMMITS), random.nextInt(KILL_JITTER_MILLIS));
      Round outcome = runChild(file, machines, workers(round), round, kill, context);
      acknowledged.addAll(outcome.acks());
      if (!outcome.settled()) {
        killedWhileDeploying++;
      }
      LOG.info(
          "{}: killed {} ms after the {}th acknowledged hook commit, {} acknowledged in all{}",
          context,
          kill.millis(),
          kill.commits(),
          outcome.acks().size(),
          outcome.settled() ? " (the model had settled)" : "");
      checkCommitted(file, acknowledged, context);
    }

    String context = "after the last kill (seed " + seed + ")";
    Round last = runChild(file, machines, workers(ROUNDS), ROUNDS + 1, null, context);
    assertThat(last.settled()).as("the rerun settles the model, " + context).isTrue();
    acknowledged.addAll(last.acks());
    checkCommitted(file, acknowledged, context);

    Snapshot crashed;
    try (SqliteStore store = SqliteStore.open(file);
        LocalSubstrate substrate = LocalSubstrate.open(machines);
        Runtime runtime = reader(store, substrate)) {
      crashed = Snapshot.of(runtime, store);
    }
    Snapshot clean = cleanRun(workers(ROUNDS));

    assertThat(crashed.units())
        .as("every unit active and idle, as in a clean run, " + context)
        .isEqualTo(clean.units())
        .containsKeys("server/0", "web/0", "worker/" + (workers(ROUNDS) - 1))
        .allSatisfy((unit, status) -> assertThat(status).isEqualTo("active/idle"));
    assertThat(crashed.relationData())
        .as("relation data as in a clean run, " + context)
        .isEqualTo(clean.relationData());
    for (String unit : crashed.units().keySet()) {
      assertThat(crashed.succeededHooks().get(unit))
          .as("the hooks %s committed: the engine's log and the charm's own, %s", unit, context)
          .isEqualTo(crashed.charmLog().get(unit));
      checkJujuOrder(unit, crashed.hookLog().get(unit), context);
      checkJujuOrder(unit, clean.hookLog().get(unit), "clean run");
    }
    long interrupted =
        crashed.hookLog().values().stream()
            .flatMap(List::stream)
            .filter(record -> record.outcome() == HookRecord.Outcome.INTERRUPTED)
            .count();
    LOG.info(
        "{} of {} kills hit a deploy in progress; {} hooks were interrupted and retried; {} hook"
            + " commits acknowledged in all",
        killedWhileDeploying,
        ROUNDS,
        interrupted,
        acknowledged.size());
    assertThat(killedWhileDeploying)
        .as("kills that hit a deploy in progress (seed " + seed + ")")
        .isGreaterThanOrEqualTo(ROUNDS / 2);
  }

  private static int workers(int round) {
    return FIRST_WORKERS + round - 1;
  }

  // -----------------------------------------------------------------------------------------------
  // The child

  /**
   * Runs a child that deploys the model with {@code workers} workers; kills it as {@code kill}
   * says, counting from when it applied the model (or, when null, waits for it to settle and exit),
   * and returns what it acknowledged. A child that settles first is left to exit.
   */
  private Round runChild(
      Path file, Path machines, int workers, int round, Kill kill, String context)
      throws Exception {
    // The child's stdout goes to a file, not a pipe: the JDK closes a dead child's pipe under a
    // concurrent reader and can drop its last lines, which would look like lost acknowledgements.
    Path output = directory.resolve("child-" + round + ".out");
    Path log = directory.resolve("child-" + round + ".log");
    Files.createDirectories(file.getParent());
    Process child = start(file, machines, workers, output.toFile(), log.toFile());
    try {
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READY_TIMEOUT_MILLIS);
      while (!lines(output).contains("ready")) {
        assertThat(child.isAlive())
            .as("the child is running, %s; its log: %s", context, Files.readString(log))
            .isTrue();
        assertThat(System.nanoTime() - deadline).as("the child starts, " + context).isNegative();
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
      }
      if (kill != null) {
        while (child.isAlive() && acknowledgements(output) < kill.commits()) {
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(kill.millis()));
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the child dies, " + context).isTrue();
      } else {
        assertThat(child.waitFor(2, TimeUnit.MINUTES)).as("the child ends, " + context).isTrue();
        assertThat(child.exitValue())
            .as("the child's exit code, %s; its log: %s", context, Files.readString(log))
            .isZero();
      }
    } finally {
      child.destroyForcibly();
    }
    List<String> printed = lines(output);
    List<Ack> acks = new ArrayList<>();
    for (String line : printed) {
      if (line.startsWith("ack ")) {
        String[] parts = line.split(" ", 5);
        acks.add(new Ack(parts[1], Long.parseLong(parts[2]), Long.parseLong(parts[3]), parts[4]));
      }
    }
    return new Round(acks, printed.contains("settled"));
  }

  private static long acknowledgements(Path output) throws IOException {
    return lines(output).stream().filter(line -> line.startsWith("ack ")).count();
  }

  /** Returns the complete lines of a file; a line the kill cut short was not acknowledged. */
  private static List<String> lines(Path output) throws IOException {
    if (!Files.exists(output)) {
      return List.of();
    }
    String text = Files.readString(output, StandardCharsets.UTF_8);
    return text.substring(0, text.lastIndexOf('\n') + 1).lines().toList();
  }

  private static Process start(Path file, Path machines, int workers, File output, File log)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return new ProcessBuilder(
            java,
            "-Xmx256m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            classpath,
            DeployUntilKilled.class.getName(),
            file.toString(),
            machines.toString(),
            Integer.toString(workers))
        .redirectOutput(output)
        .redirectError(log)
        .start();
  }

  // -----------------------------------------------------------------------------------------------
  // After a kill: nothing acknowledged is lost, nothing is half applied

  /**
   * Reads the store file after a kill. Every acknowledged hook commit is there: its unit's state
   * counts at least as many hooks and logs the same hook under that number. Every unit's state is
   * whole: it counts n hooks, logs exactly hooks 1 to n, and the workload status its last hook set
   * (committed in the same transaction, in another key) names the same n.
   */
  private static void checkCommitted(Path file, List<Ack> acknowledged, String context) {
    try (SqliteStore store = SqliteStore.open(file)) {
      Map<String, Map<String, String>> states = new TreeMap<>();
      for (KeyValue kv : store.range("m/state/").entries()) {
        states.put(kv.key().substring("m/state/".length()), decode(kv.value()));
      }
      for (Ack ack : acknowledged) {
        Map<String, String> state = states.get(ack.unit());
        assertThat(state)
            .as("the state of %s, acknowledged as %s, %s", ack.unit(), ack, context)
            .isNotNull();
        assertThat(Long.parseLong(state.get("hooks")))
            .as("the hooks %s committed, acknowledged %s, %s", ack.unit(), ack, context)
            .isGreaterThanOrEqualTo(ack.hooks());
        assertThat(state.get("hook." + ack.hooks()))
            .as("hook %d of %s, acknowledged %s, %s", ack.hooks(), ack.unit(), ack, context)
            .isEqualTo(ack.trace());
      }
      for (Map.Entry<String, Map<String, String>> entry : states.entrySet()) {
        String unit = entry.getKey();
        Map<String, String> state = entry.getValue();
        long hooks = Long.parseLong(state.get("hooks"));
        Set<String> expected = new HashSet<>();
        expected.add("hooks");
        for (long n = 1; n <= hooks; n++) {
          expected.add("hook." + n);
        }
        assertThat(state.keySet())
            .as("the state of %s logs hooks 1 to %d, %s", unit, hooks, context)
            .isEqualTo(expected);
        String agent = store.get("m/agent/" + unit).orElseThrow().valueAsString();
        assertThat(agent)
            .as("the status of %s, committed with its hook %d, %s", unit, hooks, context)
            .contains("\"committed " + hooks + " hooks\"");
      }
    }
  }

  private static Map<String, String> decode(byte[] json) {
    try {
      return JSON.readValue(json, new TypeReference<Map<String, String>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // -----------------------------------------------------------------------------------------------
  // The settled model

  /**
   * A runtime that only reads the model: deterministic mode, so no agent runs unless asked to
   * settle, which the test never does.
   */
  private static Runtime reader(Store store, LocalSubstrate substrate) {
    return Runtime.builder()
        .charms(LedgerModel.charms())
        .store(store)
        .substrate(substrate)
        .settings(LedgerModel.settings().toBuilder().threads(0).build())
        .build();
  }

  /** Deploys the model with no kill, in this process, and returns what it settled to. */
  private Snapshot cleanRun(int workers) throws InterruptedException {
    Path base = directory.resolve("clean");
    try (SqliteStore store = SqliteStore.open(base.resolve("model.db"));
        LocalSubstrate substrate = LocalSubstrate.open(base.resolve("machines"));
        Runtime runtime =
            Runtime.builder()
                .charms(LedgerModel.charms())
                .store(store)
                .substrate(substrate)
                .settings(LedgerModel.settings())
                .build()) {
      runtime.apply(LedgerModel.spec(workers));
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      SettleResult result = runtime.awaitSettled(Duration.ofMinutes(2));
      while (!result.settled() || !result.errors().isEmpty()) {
        assertThat(System.nanoTime() - deadline)
            .as("the clean run settles: " + result)
            .isNegative();
        Thread.sleep(50);
        result = runtime.awaitSettled(Duration.ofMinutes(2));
      }
      return Snapshot.of(runtime, store);
    }
  }

  /**
   * A settled model as the test compares it.
   *
   * @param units each unit's workload and agent status, {@code active/idle}
   * @param relationData each relation's (by key) databags: of every unit and application in it,
   *     without the addresses the engine adds (machines get their addresses in the order they are
   *     provisioned, which agents on two threads do in no fixed order)
   * @param hookLog each unit's hook log, all outcomes
   * @param succeededHooks each unit's committed hooks, as the engine logged them
   * @param charmLog each unit's committed hooks, as the charm logged them in its state
   */
  private record Snapshot(
      Map<String, String> units,
      Map<String, Map<String, Map<String, String>>> relationData,
      Map<String, List<HookRecord>> hookLog,
      Map<String, List<String>> succeededHooks,
      Map<String, List<String>> charmLog) {

    static Snapshot of(Runtime runtime, Store store) {
      ModelStatus status = runtime.status();
      Map<String, String> units = new TreeMap<>();
      Map<String, List<HookRecord>> hookLog = new TreeMap<>();
      Map<String, List<String>> succeeded = new TreeMap<>();
      Map<String, List<String>> charmLog = new TreeMap<>();
      for (UnitStatus unit : status.units().values()) {
        units.put(unit.name(), unit.workload().current() + "/" + unit.agent().current());
        List<HookRecord> log = runtime.hookLog(unit.name());
        hookLog.put(unit.name(), log);
        List<String> traces = new ArrayList<>();
        for (HookRecord record : log) {
          if (record.outcome() == HookRecord.Outcome.SUCCEEDED) {
            traces.add(trace(record));
          }
        }
        succeeded.put(unit.name(), traces);
        Map<String, String> state =
            decode(store.get("m/state/" + unit.name()).orElseThrow().value());
        List<String> logged = new ArrayList<>();
        for (long n = 1; n <= Long.parseLong(state.get("hooks")); n++) {
          logged.add(state.get("hook." + n));
        }
        charmLog.put(unit.name(), logged);
      }
      Map<String, Map<String, Map<String, String>>> data = new TreeMap<>();
      for (RelationStatus relation : status.relations()) {
        Map<String, Map<String, String>> bags = new TreeMap<>();
        for (String endpoint : relation.endpoints()) {
          String app = endpoint.substring(0, endpoint.indexOf(':'));
          List<String> members = new ArrayList<>(status.applications().get(app).units().keySet());
          members.add(app);
          for (String member : members) {
            Map<String, String> bag = new TreeMap<>(runtime.relationData(relation.id(), member));
            bag.keySet().removeAll(ADDRESS_KEYS);
            bags.put(member, bag);
          }
        }
        data.put(relation.key(), bags);
      }
      return new Snapshot(units, data, hookLog, succeeded, charmLog);
    }
  }

  private static String trace(HookRecord record) {
    return record.remoteUnit() == null ? record.hook() : record.hook() + " " + record.remoteUnit();
  }

  // -----------------------------------------------------------------------------------------------
  // Juju's order

  /**
   * Checks a unit's hook log against Juju's order. Of the hooks that ran to completion: {@code
   * install} comes first; every relation's first hook is {@code relation-created}, and the
   * relations this model has from the start are all created before {@code leader-elected} or {@code
   * leader-settings-changed}, which comes before {@code config-changed}, which comes before {@code
   * start}; {@code start} runs once; a remote unit joins a relation once, and its {@code
   * relation-joined} is followed at once by its {@code relation-changed}, never preceded by one. A
   * hook interrupted by a kill is followed by the same hook (retried) before any other.
   */
  private static void checkJujuOrder(String unit, List<HookRecord> log, String context) {
    for (int i = 0; i < log.size(); i++) {
      HookRecord record = log.get(i);
      if (record.outcome() != HookRecord.Outcome.SUCCEEDED) {
        assertThat(record.outcome())
            .as("%s: %s, %s (no hook of this charm fails)", unit, record, context)
            .isEqualTo(HookRecord.Outcome.INTERRUPTED);
        if (i + 1 < log.size()) {
          assertThat(trace(log.get(i + 1)))
              .as("%s: the hook after interrupted %s, %s", unit, trace(record), context)
              .isEqualTo(trace(record));
        }
      }
    }
    List<HookRecord> done =
        log.stream().filter(r -> r.outcome() == HookRecord.Outcome.SUCCEEDED).toList();
    List<String> names = done.stream().map(HookRecord::hook).toList();
    assertThat(names).as("%s's hooks, %s", unit, context).isNotEmpty();
    assertThat(names.get(0)).as("%s's first hook, %s", unit, context).isEqualTo("install");
    assertThat(names.stream().filter("start"::equals).count())
        .as("%s runs start once, %s", unit, context)
        .isEqualTo(1);
    int leadership = firstIndex(names, "leader-elected", "leader-settings-changed");
    int config = names.indexOf("config-changed");
    int start = names.indexOf("start");
    assertThat(leadership).as("%s: leadership hook, %s: %s", unit, context, names).isPositive();
    assertThat(config)
        .as("%s: config-changed after leadership, %s", unit, context)
        .isGreaterThan(leadership);
    assertThat(start).as("%s: start after config-changed, %s", unit, context).isGreaterThan(config);
    Map<Integer, Integer> created = new HashMap<>();
    Map<String, Integer> joined = new LinkedHashMap<>();
    for (int i = 0; i < done.size(); i++) {
      HookRecord record = done.get(i);
      if (record.relationId() < 0) {
        continue;
      }
      String hook = record.hook();
      if (hook.endsWith("-relation-created")) {
        assertThat(created.put(record.relationId(), i))
            .as("%s: %s once, %s", unit, hook, context)
            .isNull();
        assertThat(i)
            .as("%s: %s before leadership, %s", unit, hook, context)
            .isLessThan(leadership);
        continue;
      }
      assertThat(created)
          .as("%s: %s after relation-created, %s", unit, trace(record), context)
          .containsKey(record.relationId());
      String member = record.relationId() + " " + record.remoteUnit();
      if (hook.endsWith("-relation-joined")) {
        assertThat(joined.put(member, i))
            .as("%s: %s once, %s", unit, trace(record), context)
            .isNull();
        assertThat(i + 1)
            .as("%s: %s is not the last hook, %s", unit, hook, context)
            .isLessThan(done.size());
        HookRecord next = done.get(i + 1);
        assertThat(trace(next) + " in " + next.relationId())
            .as("%s: the hook after %s, %s", unit, trace(record), context)
            .isEqualTo(
                hook.replace("-joined", "-changed")
                    + " "
                    + record.remoteUnit()
                    + " in "
                    + record.relationId());
      } else if (hook.endsWith("-relation-changed") && record.remoteUnit() != null) {
        assertThat(joined)
            .as("%s: %s after the unit joined, %s", unit, trace(record), context)
            .containsKey(member);
      }
    }
  }

  private static int firstIndex(List<String> names, String... candidates) {
    for (int i = 0; i < names.size(); i++) {
      if (List.of(candidates).contains(names.get(i))) {
        return i;
      }
    }
    return -1;
  }
}
