package dev.bosun.charms.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bosun.charm.CharmCatalog;
import dev.bosun.charm.CharmDefinition;
import dev.bosun.charm.CharmFiles;
import dev.bosun.charm.Status;
import dev.bosun.charm.machine.Machine;
import dev.bosun.charm.machine.ServiceStatus;
import dev.bosun.charm.relation.TypedRelation;
import dev.bosun.interfaces.etcd.EtcdClient;
import dev.bosun.interfaces.etcd.EtcdConnection;
import dev.bosun.interfaces.etcd.EtcdInterface;
import dev.bosun.interfaces.etcd.EtcdPeer;
import dev.bosun.model.charm.CharmMeta;
import dev.bosun.model.charm.Endpoint;
import dev.bosun.model.charm.Role;
import dev.bosun.model.spec.ModelSpec;
import dev.bosun.runtime.ActionResult;
import dev.bosun.runtime.ActionStatus;
import dev.bosun.runtime.Runtime;
import dev.bosun.runtime.RuntimeSettings;
import dev.bosun.runtime.SettleResult;
import dev.bosun.runtime.UnitStatus;
import dev.bosun.runtime.substrate.local.LocalSubstrate;
import dev.bosun.store.sqlite.SqliteStore;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.kv.GetResponse;
import io.grpc.netty.GrpcSslContexts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The etcd-cluster bundle (easyrsa ×1, etcd ×3) on the real engine with a durable SQLite store and
 * the local substrate: real etcd processes with TLS, real certificates. The tests share one cluster
 * and run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EtcdClusterIT {
  static final Path ETCD = Path.of("/usr/bin/etcd");
  static final Path ETCDCTL = Path.of("/usr/bin/etcdctl");
  static final Duration SETTLE = Duration.ofMinutes(2);

  private Path directory;
  private SqliteStore store;
  private LocalSubstrate substrate;
  private Runtime runtime;

  /** What the consumer units last received on {@code etcd} (the etcd charm's {@code db}). */
  static final Map<String, EtcdConnection> RECEIVED =
      new java.util.concurrent.ConcurrentHashMap<>();

  @BeforeAll
  void deploy() throws IOException {
    assumeTrue(
        Files.isExecutable(ETCD), "etcd-server is not installed (apt-get install etcd-server)");
    directory = Files.createTempDirectory("etcd-cluster-it");
    open();
    runtime.apply(
        ModelSpec.builder()
            .application("easyrsa", app -> app.units(1))
            .application("etcd", app -> app.units(3))
            .application("consumer", app -> app.units(1))
            .relate("etcd:certificates", "easyrsa:client")
            .relate("consumer:etcd", "etcd:db")
            .build());
    settled();
  }

  /** A consumer of {@code db}: records the connection it is told about. */
  static CharmDefinition consumer() {
    CharmMeta meta =
        CharmMeta.builder("consumer")
            .requires(Endpoint.of("etcd", Role.REQUIRER, EtcdInterface.NAME))
            .build();
    CharmFiles none = CharmFiles.of("etcd consumer test charm", Map.of());
    return new CharmDefinition(
        meta,
        () ->
            ctx -> {
              for (TypedRelation<EtcdClient, EtcdConnection> db :
                  ctx.relations("etcd", EtcdInterface.DB_REQUIRER)) {
                EtcdInterface.connection(db).ifPresent(c -> RECEIVED.put(ctx.unitName(), c));
              }
              ctx.status().unit(Status.active("consuming"));
            },
        none);
  }

  private List<String> consumedEndpoints() {
    EtcdConnection connection = RECEIVED.get("consumer/0");
    assertThat(connection).as("the consumer was told where etcd is").isNotNull();
    return connection.endpoints();
  }

  private List<String> clientUrls() {
    return etcdUnits().stream().map(this::clientUrl).sorted().toList();
  }

  private void open() {
    store = SqliteStore.open(directory.resolve("model.db"));
    substrate =
        LocalSubstrate.builder(directory.resolve("machines"))
            .restartBackoff(Duration.ofMillis(200), Duration.ofSeconds(5))
            .checkInterval(Duration.ofMillis(200))
            .stopGracePeriod(Duration.ofSeconds(5))
            .build();
    runtime =
        Runtime.builder()
            .charms(
                CharmCatalog.builder()
                    .discover(getClass().getClassLoader())
                    .add(consumer())
                    .build())
            .store(store)
            .substrate(substrate)
            .settings(
                RuntimeSettings.builder()
                    .threads(4)
                    .retryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(10), 2, 0.03)
                    .build())
            .build();
  }

  static ModelSpec model(int etcdUnits) {
    return ModelSpec.builder()
        .application("easyrsa", app -> app.units(1))
        .application("etcd", app -> app.units(etcdUnits))
        .relate("etcd:certificates", "easyrsa:client")
        .build();
  }

  @AfterAll
  void tearDown() throws IOException {
    if (directory == null) {
      return;
    }
    LocalModels.tearDown(runtime, substrate, store, directory);
  }

  @Test
  @Order(1)
  void allUnitsAreActiveAndTheClusterHasThreeMembers() throws IOException {
    for (String unit : etcdUnits()) {
      assertThat(workload(unit)).isEqualTo("active: Healthy with 3 known peers");
    }
    assertThat(memberNames()).containsExactly("etcd0", "etcd1", "etcd2");
    assertThat(consumedEndpoints()).isEqualTo(clientUrls());
    assertThat(RECEIVED.get("consumer/0").version()).contains("3.4.23");
    assertThat(RECEIVED.get("consumer/0").clientCa())
        .isEqualTo(Files.readString(machine("etcd/0").root().resolve("etc/etcd/ca.crt")));
    ActionResult health = action("etcd/1", "health", Map.of());
    assertThat(health.status()).isEqualTo(ActionStatus.COMPLETED);
    assertThat(health.results()).containsEntry("result", "Healthy with 3 known peers");
  }

  @Test
  @Order(2)
  void aClientWithACertificatePutsAndGetsOverTls() throws Exception {
    try (Client client = client("etcd/0")) {
      client.getKVClient().put(bytes("/it/greeting"), bytes("hello")).get(10, TimeUnit.SECONDS);
    }
    try (Client client = client("etcd/2")) {
      GetResponse response =
          client.getKVClient().get(bytes("/it/greeting")).get(10, TimeUnit.SECONDS);
      assertThat(response.getKvs()).hasSize(1);
      assertThat(response.getKvs().get(0).getValue().toString(StandardCharsets.UTF_8))
          .isEqualTo("hello");
    }
  }

  @Test
  @Order(3)
  void aConnectionWithoutAClientCertificateIsRefused() throws Exception {
    Path etc = machine("etcd/0").root().resolve("etc/etcd");
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry(
        "ca",
        java.security.cert.CertificateFactory.getInstance("X.509")
            .generateCertificate(Files.newInputStream(etc.resolve("ca.crt"))));
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, factory.getTrustManagers(), null);
    HttpClient http =
        HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1).build();
    URI health = URI.create(clientUrl("etcd/0") + "/health");

    assertThatThrownBy(
            () ->
                http.send(
                    HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class);
    assertThat(EtcdHttp.of(clientFiles("etcd/0")).healthy(clientUrl("etcd/0")))
        .as("the same request with the client certificate succeeds")
        .isTrue();
    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(etc.resolve("server.key"))))
        .isEqualTo("rw-------");
    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(etc.resolve("client.key"))))
        .isEqualTo("rw-------");
  }

  @Test
  @Order(4)
  void scalingToFiveAndBackToThreeKeepsTheMemberListInStep() {
    List<String> added = runtime.addUnits("etcd", 2);
    settled();
    assertThat(memberNames()).containsExactlyElementsOf(memberNamesOf(etcdUnits()));
    assertThat(memberNames()).hasSize(5);
    String first = etcdUnits().get(0);
    assertThat(
            EtcdHttp.of(clientFiles(first)).members(clientUrl(first)).stream()
                .map(MembershipPlan.Member::name)
                .sorted()
                .toList())
        .as("the member list read through the v3 JSON gateway is jetcd's")
        .isEqualTo(memberNames());
    assertThat(consumedEndpoints()).as("consumers hear of new members").isEqualTo(clientUrls());
    for (String unit : etcdUnits()) {
      assertThat(workload(unit)).isEqualTo("active: Healthy with 5 known peers");
    }

    // etcd/1 leaves with the cluster's leadership: its own stop hook removes the leading member,
    // so the survivors' departed hooks meet an election (and may read a member list from before).
    leadTheCluster("etcd/1");
    runtime.removeUnits("etcd/1", added.get(0));
    settled();
    assertThat(etcdUnits()).hasSize(3);
    assertThat(memberNames()).containsExactlyElementsOf(memberNamesOf(etcdUnits()));
    assertThat(consumedEndpoints()).as("consumers hear of removed members").isEqualTo(clientUrls());
    for (String unit : etcdUnits()) {
      assertThat(workload(unit)).isEqualTo("active: Healthy with 3 known peers");
    }
    try (Client client = client(etcdUnits().get(0))) {
      assertThat(value(client, "/it/greeting")).isEqualTo("hello");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  @Order(5)
  void aKilledMemberIsRestartedByTheSupervisorAndTheClusterIsHealthy() throws Exception {
    String unit = etcdUnits().get(1);
    ServiceStatus before = machine(unit).services().status("etcd").orElseThrow();
    ProcessHandle.of(before.pid()).orElseThrow().destroyForcibly();

    await(
        () -> {
          ServiceStatus now = machine(unit).services().status("etcd").orElse(before);
          return now.running() && now.pid() != before.pid();
        });
    EtcdHttp probe = EtcdHttp.of(clientFiles(unit));
    await(() -> probe.healthy(clientUrl(unit)));
    assertThat(machine(unit).services().status("etcd").orElseThrow().restarts())
        .isGreaterThan(before.restarts());
    ActionResult health = action(unit, "health", Map.of());
    assertThat(health.results()).containsEntry("result", "Healthy with 3 known peers");
  }

  @Test
  @Order(6)
  void aMemberWhoseDataIsLostIsReRegisteredCleanly() throws Exception {
    String unit = etcdUnits().get(2);
    Machine lost = machine(unit);
    lost.services().stop("etcd");
    try (Stream<Path> files = Files.walk(lost.root().resolve("var/lib/etcd"))) {
      for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }

    runtime.setConfig("etcd", Map.of("snapshot_count", "50000")); // any hook will do
    settled();

    assertThat(memberNames()).containsExactlyElementsOf(memberNamesOf(etcdUnits()));
    assertThat(lost.root().resolve("var/lib/etcd/member")).isDirectory();
    for (String each : etcdUnits()) {
      assertThat(workload(each)).isEqualTo("active: Healthy with 3 known peers");
    }
    try (Client client = client(unit)) {
      assertThat(value(client, "/it/greeting"))
          .as("the rejoined member has the data")
          .isEqualTo("hello");
    }
  }

  @Test
  @Order(7)
  void aConfigurationChangeRestartsTheMembersOneAtATime() throws Exception {
    Map<String, Long> pids = new TreeMap<>();
    for (String unit : etcdUnits()) {
      pids.put(unit, machine(unit).services().status("etcd").orElseThrow().pid());
    }
    runtime.setConfig("etcd", Map.of("heartbeat_interval", 50, "election_timeout", 600));
    settled();

    List<long[]> windows = new ArrayList<>();
    try (Client client = client(etcdUnits().get(0))) {
      for (String member : memberNamesOf(etcdUnits())) {
        GetResponse log =
            client
                .getKVClient()
                .get(bytes(EtcdCharm.RESTART_LOG + member))
                .get(10, TimeUnit.SECONDS);
        for (var kv : log.getKvs()) {
          String[] range = kv.getValue().toString(StandardCharsets.UTF_8).split("-");
          windows.add(new long[] {Long.parseLong(range[0]), Long.parseLong(range[1])});
        }
      }
    }
    for (String unit : etcdUnits()) {
      long pid = machine(unit).services().status("etcd").orElseThrow().pid();
      assertThat(pid).as("%s was restarted", unit).isNotEqualTo(pids.get(unit));
      String commandLine =
          Files.readString(Path.of("/proc/" + pid + "/cmdline")).replace('\0', ' ');
      assertThat(commandLine).contains("--heartbeat-interval 50", "--election-timeout 600");
      assertThat(workload(unit)).isEqualTo("active: Healthy with 3 known peers");
    }
    // Each member restarted under the cluster's restart lock; the lock windows never overlap.
    assertThat(windows).hasSize(3);
    windows.sort(Comparator.comparingLong(w -> w[0]));
    for (int i = 1; i < windows.size(); i++) {
      assertThat(windows.get(i)[0])
          .as("restart %d began after restart %d ended", i, i - 1)
          .isGreaterThan(windows.get(i - 1)[1]);
    }
  }

  @Test
  @Order(8)
  void aSnapshotIsAFileEtcdCanRestore() throws Exception {
    ActionResult snapshot = action("etcd/0", "snapshot", Map.of());
    assertThat(snapshot.status()).as("%s", snapshot).isEqualTo(ActionStatus.COMPLETED);
    Path file = Path.of(snapshot.results().get("snapshot.path"));
    assertThat(file).isRegularFile();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assumeTrue(Files.isExecutable(ETCDCTL), "etcd-client is not installed");
    Path restored = directory.resolve("restored");
    String output =
        run(
            ETCDCTL.toString(),
            "snapshot",
            "restore",
            file.toString(),
            "--name",
            "restored",
            "--initial-cluster",
            "restored=https://127.0.0.1:1",
            "--initial-advertise-peer-urls",
            "https://127.0.0.1:1",
            "--data-dir",
            restored.toString());
    assertThat(restored.resolve("member/snap/db")).as(output).isRegularFile();
    String status = run(ETCDCTL.toString(), "snapshot", "status", file.toString(), "-w", "json");
    assertThat(status).contains("\"totalKey\"");
  }

  @Test
  @Order(9)
  void packagedClientCredentialsLetEtcdctlTalkToTheCluster() throws Exception {
    assumeTrue(Files.isExecutable(ETCDCTL), "etcd-client is not installed");
    ActionResult packaged = action("etcd/0", "package-client-credentials", Map.of());
    assertThat(packaged.status()).as("%s", packaged).isEqualTo(ActionStatus.COMPLETED);
    Path archive = Path.of(packaged.results().get("path"));
    Path unpacked = Files.createDirectories(directory.resolve("credentials"));
    run("tar", "-xzf", archive.toString(), "-C", unpacked.toString());
    Path credentials = unpacked.resolve("etcd_credentials");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(credentials.resolve("client.key"))))
        .isEqualTo("rw-------");
    String output =
        run(
            "bash",
            "-c",
            "cd '"
                + credentials
                + "' && . ./etcdctl.env && etcdctl get /it/greeting --print-value-only");
    assertThat(output.strip()).isEqualTo("hello");
  }

  @Test
  @Order(10)
  void aNewRunnerOverTheSameStoreAndMachinesKeepsTheCaAndTheCluster() throws Exception {
    String ca = Files.readString(machine("etcd/0").root().resolve("etc/etcd/ca.crt"));
    List<Long> pids = etcdPids();
    // The old runner is abandoned as a crash would leave it: no removal, services keep running.
    runtime.close();
    substrate.close();
    store.close();
    open();
    settled();

    assertThat(etcdPids()).containsExactlyInAnyOrderElementsOf(pids);
    assertThat(Files.readString(machine("etcd/0").root().resolve("etc/etcd/ca.crt"))).isEqualTo(ca);
    for (String unit : etcdUnits()) {
      assertThat(EtcdHttp.of(clientFiles(unit)).healthy(clientUrl(unit))).isTrue();
    }
  }

  @Test
  @Order(11)
  void removingTheApplicationLeavesNoEtcdProcess() throws Exception {
    List<Long> pids = etcdPids();
    assertThat(pids).hasSize(3);
    runtime.removeApplication("etcd");
    settled();

    for (long pid : pids) {
      await(() -> !running(pid)); // SIGTERM, then SIGKILL after the grace period
    }
    assertThat(etcdUnits()).isEmpty();
  }

  @Test
  @Order(12)
  void aSingleMemberClusterIsRestoredFromItsSnapshot() throws Exception {
    runtime.apply(model(1));
    settled();
    String unit = etcdUnits().get(0);
    assertThat(workload(unit)).isEqualTo("active: Healthy with 1 known peer");
    try (Client client = client(unit)) {
      client.getKVClient().put(bytes("/it/kept"), bytes("before")).get(10, TimeUnit.SECONDS);
    }
    ActionResult snapshot = action(unit, "snapshot", Map.of());
    assertThat(snapshot.status()).as("%s", snapshot).isEqualTo(ActionStatus.COMPLETED);
    try (Client client = client(unit)) {
      client.getKVClient().put(bytes("/it/kept"), bytes("after")).get(10, TimeUnit.SECONDS);
    }

    ActionResult restore = action(unit, "restore", Map.of());

    assertThat(restore.status()).as("%s", restore).isEqualTo(ActionStatus.COMPLETED);
    assertThat(restore.results().get("restored.from"))
        .isEqualTo(snapshot.results().get("snapshot.path"));
    try (Client client = client(unit)) {
      assertThat(value(client, "/it/kept")).isEqualTo("before");
    }
    settled();
    assertThat(workload(unit)).isEqualTo("active: Healthy with 1 known peer");
  }

  // ---------------------------------------------------------------------------------------------

  private void settled() {
    SettleResult result = runtime.awaitSettled(SETTLE);
    if (!result.settled() || !result.errors().isEmpty()) {
      try {
        LocalModels.keepLogs(directory);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    assertThat(result.settled()).as("settled: %s", result).isTrue();
    assertThat(result.errors()).as("units in error").isEmpty();
  }

  private ActionResult action(String unit, String name, Map<String, Object> parameters) {
    return runtime.runAction(unit, name, parameters).await(Duration.ofMinutes(1));
  }

  private List<String> etcdUnits() {
    List<String> units = new ArrayList<>();
    for (UnitStatus unit : runtime.status().units().values()) {
      if (unit.name().startsWith("etcd/")) {
        units.add(unit.name());
      }
    }
    units.sort(Comparator.comparingInt(u -> Integer.parseInt(u.substring(u.indexOf('/') + 1))));
    return units;
  }

  private List<Long> etcdPids() {
    List<Long> pids = new ArrayList<>();
    for (String unit : etcdUnits()) {
      pids.add(machine(unit).services().status("etcd").orElseThrow().pid());
    }
    return pids;
  }

  private static List<String> memberNamesOf(List<String> units) {
    return units.stream().map(u -> u.replace("/", "")).sorted().toList();
  }

  private String workload(String unit) {
    UnitStatus status = runtime.status().unit(unit).orElseThrow();
    return status.workload().current() + ": " + status.workload().message();
  }

  private Machine machine(String unit) {
    String id = runtime.status().unit(unit).orElseThrow().machine();
    return substrate.lookup(id).orElseThrow();
  }

  private String clientUrl(String unit) {
    return "https://" + machine(unit).address() + ":2379";
  }

  private EtcdFlags.TlsFiles clientFiles(String unit) {
    Path etc = machine(unit).root().resolve("etc/etcd");
    return new EtcdFlags.TlsFiles(
        etc.resolve("ca.crt").toString(),
        etc.resolve("client.crt").toString(),
        etc.resolve("client.key").toString());
  }

  /** Moves the raft leadership to the unit's member (etcd's move-leader), from whichever leads. */
  private void leadTheCluster(String unit) {
    String target = EtcdPeer.memberNameOf(unit);
    for (String candidate : etcdUnits()) {
      try (Client client = client(candidate)) {
        var status =
            client
                .getMaintenanceClient()
                .statusMember(clientUrl(candidate))
                .get(10, TimeUnit.SECONDS);
        if (status.getLeader() != status.getHeader().getMemberId()) {
          continue;
        }
        long transferee =
            client.getClusterClient().listMember().get(10, TimeUnit.SECONDS).getMembers().stream()
                .filter(m -> m.getName().equals(target))
                .findFirst()
                .orElseThrow()
                .getId();
        if (transferee != status.getLeader()) {
          client.getMaintenanceClient().moveLeader(transferee).get(10, TimeUnit.SECONDS);
        }
        return;
      } catch (Exception e) {
        throw new AssertionError("moving the leadership to " + target + " failed", e);
      }
    }
    throw new AssertionError("no member leads the cluster");
  }

  private List<String> memberNames() {
    try (Client client = client(etcdUnits().get(0))) {
      return client.getClusterClient().listMember().get(10, TimeUnit.SECONDS).getMembers().stream()
          .map(m -> m.getName())
          .sorted()
          .toList();
    } catch (Exception e) {
      throw new AssertionError("member list failed", e);
    }
  }

  private Client client(String unit) throws IOException {
    EtcdFlags.TlsFiles files = clientFiles(unit);
    return Client.builder()
        .endpoints(clientUrl(unit))
        .sslContext(
            GrpcSslContexts.forClient()
                .trustManager(Path.of(files.ca()).toFile())
                .keyManager(Path.of(files.certificate()).toFile(), Path.of(files.key()).toFile())
                .build())
        .build();
  }

  private static String value(Client client, String key) throws Exception {
    GetResponse response = client.getKVClient().get(bytes(key)).get(10, TimeUnit.SECONDS);
    return response.getKvs().get(0).getValue().toString(StandardCharsets.UTF_8);
  }

  private static ByteSequence bytes(String text) {
    return ByteSequence.from(text, StandardCharsets.UTF_8);
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("%s: %s", String.join(" ", command), output).isZero();
    return output;
  }

  /** Whether a process exists and is not a zombie waiting to be reaped. */
  private static boolean running(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
    } catch (IOException e) {
      return false;
    }
  }

  /** Polls a condition until it holds; fails after a generous bound (not a timing assertion). */
  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition still false after 60 s").isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
