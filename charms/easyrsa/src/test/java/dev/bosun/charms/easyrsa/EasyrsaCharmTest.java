package dev.bosun.charms.easyrsa;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bosun.charm.CharmCatalog;
import dev.bosun.charm.CharmDefinition;
import dev.bosun.charm.CharmFiles;
import dev.bosun.charm.HookContext;
import dev.bosun.charm.Status;
import dev.bosun.charm.relation.TypedRelation;
import dev.bosun.charms.easyrsa.pki.KeySpec;
import dev.bosun.charms.easyrsa.pki.Pem;
import dev.bosun.charms.easyrsa.pki.RequesterKey;
import dev.bosun.interfaces.tls.CertificateType;
import dev.bosun.interfaces.tls.TlsCertificates;
import dev.bosun.interfaces.tls.TlsProviderData;
import dev.bosun.interfaces.tls.TlsRequirerData;
import dev.bosun.interfaces.tls.UnitCertificates;
import dev.bosun.model.charm.CharmMeta;
import dev.bosun.model.charm.ConfigOption;
import dev.bosun.model.charm.ConfigSchema;
import dev.bosun.model.charm.Endpoint;
import dev.bosun.model.charm.OptionType;
import dev.bosun.model.charm.Role;
import dev.bosun.model.spec.ModelSpec;
import dev.bosun.runtime.ActionResult;
import dev.bosun.runtime.ActionStatus;
import dev.bosun.runtime.ManualClock;
import dev.bosun.runtime.Runtime;
import dev.bosun.runtime.RuntimeSettings;
import dev.bosun.runtime.SettleResult;
import dev.bosun.runtime.store.InMemoryStore;
import dev.bosun.runtime.store.Txn;
import dev.bosun.runtime.substrate.InMemorySubstrate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The easyrsa charm on the real engine (in memory, deterministic) with a small requester charm that
 * keeps its key on its machine and sends CSRs.
 */
class EasyrsaCharmTest {
  /** What the requester units received, by unit name. */
  static final Map<String, UnitCertificates> RECEIVED = new ConcurrentHashMap<>();

  private final ManualClock clock = new ManualClock();
  private final InMemoryStore store = new InMemoryStore(clock);
  private final InMemorySubstrate substrate = InMemorySubstrate.temporary();
  private Runtime runtime = newRuntime();

  private Runtime newRuntime() {
    CharmCatalog charms =
        CharmCatalog.builder().discover(getClass().getClassLoader()).add(requester()).build();
    return Runtime.builder()
        .store(store)
        .substrate(substrate)
        .clock(clock)
        .settings(RuntimeSettings.deterministic(7))
        .charms(charms)
        .build();
  }

  @AfterEach
  void close() {
    RECEIVED.clear();
    runtime.close();
    substrate.close();
    store.close();
  }

  private void deploy(int easyrsaUnits, String keyType) {
    runtime.apply(model(easyrsaUnits, keyType));
    settled();
  }

  private static ModelSpec model(int easyrsaUnits, String keyType) {
    return ModelSpec.builder()
        .application(
            "easyrsa",
            app -> {
              app.units(easyrsaUnits);
              if (keyType != null) {
                app.option("key-type", keyType);
              }
            })
        .application("requester", app -> app.units(2))
        .relate("requester:certificates", "easyrsa:client")
        .build();
  }

  private void settled() {
    SettleResult result = runtime.awaitSettled(Duration.ofSeconds(60));
    assertThat(result.settled()).as("settled: %s", result).isTrue();
  }

  private String caCertificate() {
    return RECEIVED.get("requester/0").ca();
  }

  @Test
  void theLeaderCreatesOneCaAndSignsServerAndClientCertificatesFromCsrs() throws Exception {
    deploy(1, null);

    assertThat(runtime.status().unit("easyrsa/0").orElseThrow().workload().message())
        .isEqualTo("Certificate Authority connected.");
    UnitCertificates zero = RECEIVED.get("requester/0");
    UnitCertificates one = RECEIVED.get("requester/1");
    assertThat(zero.ca()).isEqualTo(one.ca());
    X509Certificate server = Pem.parseCertificate(zero.serverCertificate().orElseThrow());
    assertThat(server.getSubjectX500Principal().getName()).startsWith("CN=");
    assertThat(sans(server))
        .containsExactlyInAnyOrder("7:" + address("requester/0"), "7:127.0.0.1", "2:localhost");
    assertThat(server.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
    X509Certificate client =
        Pem.parseCertificate(zero.certificate(CertificateType.CLIENT, "admin").orElseThrow());
    assertThat(client.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
    assertThat(client.getSubjectAlternativeNames()).isNull();
    server.verify(Pem.parseCertificate(zero.ca()).getPublicKey());
    client.verify(Pem.parseCertificate(zero.ca()).getPublicKey());
    PublicKey caKey = Pem.parseCertificate(zero.ca()).getPublicKey();
    assertThat(caKey).isInstanceOf(RSAPublicKey.class);
    assertThat(((RSAPublicKey) caKey).getModulus().bitLength())
        .as("default key-size")
        .isEqualTo(2048);
    X509Certificate oneServer = Pem.parseCertificate(one.serverCertificate().orElseThrow());
    oneServer.verify(caKey);
    assertThat(sans(oneServer))
        .containsExactlyInAnyOrder("7:" + address("requester/1"), "7:127.0.0.1", "2:localhost");
    assertThat(UnitCertificates.certifies(pem(server), keyOf("requester/0").publicKey())).isTrue();

    ActionResult getCa = action("easyrsa/0", "get-ca", Map.of());
    assertThat(getCa.results().get("ca").strip()).isEqualTo(zero.ca().strip());
    assertThat(getCa.results().get("fingerprint"))
        .isEqualTo(
            HexFormat.ofDelimiter(":")
                .withUpperCase()
                .formatHex(
                    MessageDigest.getInstance("SHA-256")
                        .digest(Pem.parseCertificate(zero.ca()).getEncoded())));
    assertThat(getCa.results().toString()).doesNotContain("PRIVATE KEY");
  }

  @Test
  void theCaKeyIsOnTheMachineWithMode0600AndNeverInRelationData() throws Exception {
    deploy(1, "ecdsa");

    Path key = machineRoot("easyrsa/0").resolve("var/lib/easyrsa/pki/private/ca.key");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
        .isEqualTo("rw-------");
    String keyPem = Files.readString(key);
    assertThat(new String(store.get("m/secret/easyrsa").orElseThrow().value(), UTF_8))
        .as("the application secret holds the key")
        .contains("PRIVATE KEY");
    int bags = 0;
    for (var kv : store.range("m/").entries()) {
      String value = new String(kv.value(), UTF_8);
      if (!kv.key().equals("m/secret/easyrsa")) {
        assertThat(value).as(kv.key()).doesNotContain("PRIVATE KEY");
      }
      if (kv.key().startsWith("m/bag/") && value.contains("CERTIFICATE")) {
        bags++;
      }
    }
    assertThat(bags).as("relation data with certificates was inspected").isPositive();
    assertThat(runtime.status().toString()).doesNotContain(keyPem.substring(30, 60));
    assertThat(Pem.parseCertificate(caCertificate()).getPublicKey().getAlgorithm()).isEqualTo("EC");
  }

  @Test
  void changedSansAreReissuedAndUnchangedRequestsAreNot() throws Exception {
    deploy(1, "ecdsa");
    String before = RECEIVED.get("requester/0").serverCertificate().orElseThrow();
    String clientBefore =
        RECEIVED.get("requester/0").certificate(CertificateType.CLIENT, "admin").orElseThrow();

    runtime.setConfig("requester", Map.of("extra-san", "requester.example"));
    settled();

    String after = RECEIVED.get("requester/0").serverCertificate().orElseThrow();
    assertThat(after).isNotEqualTo(before);
    assertThat(sans(Pem.parseCertificate(after))).contains("2:requester.example");
    assertThat(RECEIVED.get("requester/0").certificate(CertificateType.CLIENT, "admin"))
        .contains(clientBefore);
    assertThat(RECEIVED.get("requester/0").ca()).isEqualTo(caCertificate());
  }

  @Test
  void aRequestThatCannotBeSignedIsReportedAndKeepsItsPreviousCertificate() throws Exception {
    deploy(1, "ecdsa");
    String before = RECEIVED.get("requester/0").serverCertificate().orElseThrow();

    runtime.setConfig(
        "requester", Map.of("extra-san", "new.example", "csr-common-name", "someone-else"));
    settled();

    assertThat(runtime.status().unit("easyrsa/0").orElseThrow().workload().message())
        .isEqualTo(
            "Certificate Authority connected. Refused requests of requester/0, requester/1 (see"
                + " the unit's log).");
    assertThat(RECEIVED.get("requester/0").serverCertificate()).contains(before);
    assertThat(RECEIVED.get("requester/0").certificate(CertificateType.CLIENT, "admin"))
        .isPresent();

    runtime.resetConfig("requester", "csr-common-name");
    settled();
    assertThat(runtime.status().unit("easyrsa/0").orElseThrow().workload().message())
        .isEqualTo("Certificate Authority connected.");
    String after = RECEIVED.get("requester/0").serverCertificate().orElseThrow();
    assertThat(sans(Pem.parseCertificate(after)))
        .containsExactlyInAnyOrder(
            "7:" + address("requester/0"), "7:127.0.0.1", "2:localhost", "2:new.example");
  }

  @Test
  void theCaSurvivesARuntimeRestartAndALeaderChange() throws Exception {
    deploy(2, "ecdsa");
    String ca = caCertificate();

    runtime.close();
    runtime = newRuntime();
    runtime.removeUnits("easyrsa/0");
    settled();
    clock.advance(Duration.ofSeconds(61));
    settled();
    runtime.setConfig("requester", Map.of("extra-san", "after.example"));
    settled();

    assertThat(runtime.status().unit("easyrsa/1").orElseThrow().leader()).isTrue();
    assertThat(caCertificate()).isEqualTo(ca);
    String server = RECEIVED.get("requester/0").serverCertificate().orElseThrow();
    assertThat(sans(Pem.parseCertificate(server))).contains("2:after.example");
    assertThat(Files.exists(machineRoot("easyrsa/1").resolve("var/lib/easyrsa/pki/ca.crt")))
        .isTrue();
  }

  @Test
  void backupListRestoreAndDeleteBackups() throws Exception {
    deploy(1, "ecdsa");
    String ca = caCertificate();

    ActionResult backup = action("easyrsa/0", "backup", Map.of());
    assertThat(backup.status()).isEqualTo(ActionStatus.COMPLETED);
    String name = backup.results().get("name");
    Path archive = Path.of(backup.results().get("path"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(archive)))
        .isEqualTo("rw-------");
    assertThat(backup.results().toString()).doesNotContain("PRIVATE KEY");
    assertThat(action("easyrsa/0", "list-backups", Map.of()).results().get("message"))
        .isEqualTo("Available backup files:\n" + name);

    ActionResult restore = action("easyrsa/0", "restore", Map.of("name", name));
    assertThat(restore.status()).as("%s", restore).isEqualTo(ActionStatus.COMPLETED);
    settled();
    assertThat(caCertificate()).isEqualTo(ca);

    ActionResult missing = action("easyrsa/0", "restore", Map.of("name", "easyrsa-nope.tar.gz"));
    assertThat(missing.status()).isEqualTo(ActionStatus.FAILED);
    assertThat(missing.message())
        .isEqualTo(
            "Backup with name 'easyrsa-nope.tar.gz' does not exist. Use action 'list-backups' to"
                + " list all available backups");

    ActionResult deleted = action("easyrsa/0", "delete-backup", Map.of("all", true));
    assertThat(deleted.status()).isEqualTo(ActionStatus.COMPLETED);
    assertThat(action("easyrsa/0", "list-backups", Map.of()).results().get("message"))
        .isEqualTo("There are no available backup files.");
  }

  @Test
  void nonLeadersWaitForTheLeaderThenMirrorItsCa() throws Exception {
    runtime.apply(
        ModelSpec.builder()
            .application("easyrsa", app -> app.units(2).option("key-type", "dsa"))
            .build());
    settled();
    String leader =
        runtime.status().unit("easyrsa/0").orElseThrow().leader() ? "easyrsa/0" : "easyrsa/1";
    String other = leader.equals("easyrsa/0") ? "easyrsa/1" : "easyrsa/0";

    runtime.stopUnitAgent(leader);
    runtime.setConfig("easyrsa", Map.of("key-type", "ecdsa"));
    runtime.awaitSettled(Duration.ofSeconds(30));
    assertThat(runtime.status().unit(other).orElseThrow().workload())
        .satisfies(
            w -> {
              assertThat(w.current()).isEqualTo("waiting");
              assertThat(w.message())
                  .isEqualTo("Waiting for the leader to create the Certificate Authority.");
            });
    assertThat(Files.exists(machineRoot(other).resolve("var/lib/easyrsa/pki/ca.crt"))).isFalse();

    runtime.startUnitAgent(leader);
    settled();

    assertThat(runtime.status().unit(other).orElseThrow().workload().message())
        .isEqualTo("Certificate Authority ready.");
    Path pki = machineRoot(other).resolve("var/lib/easyrsa/pki");
    assertThat(Files.readString(pki.resolve("ca.crt")))
        .isEqualTo(Files.readString(machineRoot(leader).resolve("var/lib/easyrsa/pki/ca.crt")));
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(pki.resolve("private/ca.key"))))
        .isEqualTo("rw-------");
  }

  @Test
  void aCaLeftOnTheMachineByAHookThatNeverCommittedIsKept() throws Exception {
    deploy(1, "ecdsa");
    String ca = caCertificate();

    // The runner died after the leader wrote the CA to its machine but before the hook committed:
    // the machine holds the CA, the store has no secret.
    runtime.close();
    store.commit(Txn.builder().delete("m/secret/easyrsa").build());
    runtime = newRuntime();
    runtime.setConfig("requester", Map.of("extra-san", "after.example"));
    settled();

    assertThat(caCertificate()).isEqualTo(ca);
    assertThat(new String(store.get("m/secret/easyrsa").orElseThrow().value(), UTF_8))
        .as("the CA went into the secret with the next hook")
        .contains(ca.strip().lines().skip(1).findFirst().orElseThrow());
    X509Certificate server =
        Pem.parseCertificate(RECEIVED.get("requester/0").serverCertificate().orElseThrow());
    server.verify(Pem.parseCertificate(ca).getPublicKey());
    assertThat(sans(server)).contains("2:after.example");
  }

  @Test
  void aBackupRestoresTheCaIntoANewDeployment(@TempDir Path safe) throws Exception {
    deploy(1, "ecdsa");
    String original = caCertificate();
    ActionResult backup = action("easyrsa/0", "backup", Map.of());
    String name = backup.results().get("name");
    Files.copy(Path.of(backup.results().get("path")), safe.resolve(name));

    runtime.removeApplication("easyrsa");
    settled();
    runtime.apply(model(1, "ecdsa"));
    settled();
    String unit =
        runtime.status().units().keySet().stream()
            .filter(u -> u.startsWith("easyrsa/"))
            .findFirst()
            .orElseThrow();
    assertThat(caCertificate()).as("a new deployment has a new CA").isNotEqualTo(original);

    Path backups = machineRoot(unit).resolve("var/lib/easyrsa/backups");
    Files.createDirectories(backups);
    Files.copy(safe.resolve(name), backups.resolve(name));
    ActionResult restore = action(unit, "restore", Map.of("name", name));
    assertThat(restore.status()).as("%s", restore).isEqualTo(ActionStatus.COMPLETED);
    settled();

    assertThat(caCertificate()).isEqualTo(original);
    for (String requester : List.of("requester/0", "requester/1")) {
      X509Certificate server =
          Pem.parseCertificate(RECEIVED.get(requester).serverCertificate().orElseThrow());
      server.verify(Pem.parseCertificate(original).getPublicKey());
    }
    assertThat(Files.readString(machineRoot(unit).resolve("var/lib/easyrsa/pki/ca.crt")).strip())
        .isEqualTo(original.strip());
    runtime.close();
    runtime = newRuntime();
    runtime.setConfig("requester", Map.of("extra-san", "later.example"));
    settled();
    assertThat(caCertificate())
        .as("the restored CA is the application's, kept in its secret")
        .isEqualTo(original);
  }

  @Test
  void invalidOptionsBlockTheUnitWithWhatToFix() {
    runtime.apply(
        ModelSpec.builder()
            .application("easyrsa", app -> app.units(1).option("key-type", "dsa"))
            .build());
    settled();

    assertThat(runtime.status().unit("easyrsa/0").orElseThrow().workload())
        .satisfies(
            w -> {
              assertThat(w.current()).isEqualTo("blocked");
              assertThat(w.message())
                  .isEqualTo(
                      "Invalid configuration: option \"key-type\": must be \"rsa\" or \"ecdsa\","
                          + " not \"dsa\"");
            });
  }

  @Test
  void withoutRelationsTheCaIsReady() {
    runtime.apply(ModelSpec.builder().application("easyrsa", app -> app.units(1)).build());
    settled();

    assertThat(runtime.status().unit("easyrsa/0").orElseThrow().workload().message())
        .isEqualTo("Certificate Authority ready.");
  }

  private ActionResult action(String unit, String name, Map<String, Object> parameters) {
    return runtime.runAction(unit, name, parameters).await(Duration.ofSeconds(30));
  }

  private String address(String unit) {
    String machine = runtime.status().unit(unit).orElseThrow().machine();
    return substrate.lookup(machine).orElseThrow().address();
  }

  private Path machineRoot(String unit) {
    String machine = runtime.status().unit(unit).orElseThrow().machine();
    return substrate.lookup(machine).orElseThrow().root();
  }

  private RequesterKey keyOf(String unit) {
    return RequesterKey.readFrom(machineRoot(unit).resolve("etc/requester/key.pem"));
  }

  private static List<String> sans(X509Certificate certificate) throws Exception {
    return certificate.getSubjectAlternativeNames().stream()
        .map(entry -> entry.get(0) + ":" + entry.get(1))
        .collect(Collectors.toList());
  }

  private static String pem(X509Certificate certificate) {
    return Pem.certificate(certificate);
  }

  /**
   * A requester: one key on its machine (0600), a top-level server request for its address plus
   * 127.0.0.1, localhost and the {@code extra-san} option, and a client request {@code admin}. A
   * fresh CSR every hook (ECDSA: never the same bytes); option {@code csr-common-name} makes the
   * top-level CSR name another subject than the request.
   */
  static CharmDefinition requester() {
    CharmMeta meta =
        CharmMeta.builder("requester")
            .requires(Endpoint.of("certificates", Role.REQUIRER, TlsCertificates.NAME))
            .config(
                ConfigSchema.of(
                    Map.of(
                        "extra-san",
                        new ConfigOption("extra-san", OptionType.STRING, "", ""),
                        "csr-common-name",
                        new ConfigOption("csr-common-name", OptionType.STRING, "", ""))))
            .build();
    CharmFiles none = CharmFiles.of("requester test charm", Map.of());
    return new CharmDefinition(meta, () -> EasyrsaCharmTest::request, none);
  }

  private static void request(HookContext ctx) {
    Path keyFile = ctx.machine().path("etc/requester/key.pem");
    RequesterKey key;
    if (Files.exists(keyFile)) {
      key = RequesterKey.readFrom(keyFile);
    } else {
      key = RequesterKey.generate(KeySpec.ECDSA_P256);
      key.writeTo(keyFile);
    }
    String address = ctx.machine().address();
    List<String> sans = new java.util.ArrayList<>(Arrays.asList(address, "127.0.0.1", "localhost"));
    String extra = ctx.config().string("extra-san");
    if (!extra.isEmpty()) {
      sans.add(extra);
    }
    String wireName = TlsCertificates.wireUnitName(ctx.unitName());
    String csrName =
        ctx.config().string("csr-common-name").isEmpty()
            ? address
            : ctx.config().string("csr-common-name");
    for (TypedRelation<TlsRequirerData, TlsProviderData> tls :
        ctx.relations("certificates", TlsCertificates.REQUIRER)) {
      tls.publish(
          TlsRequirerData.builder(wireName)
              .topLevel(address, sans, wireName, key.createCsr(csrName, sans).pem())
              .client("admin", key.createCsr("admin", List.of()).pem())
              .build());
      UnitCertificates.of(wireName, tls.remoteUnits())
          .ifPresent(received -> RECEIVED.put(ctx.unitName(), received));
    }
    ctx.status().unit(Status.active("requesting"));
  }
}
