package dev.bosun.charms.easyrsa.pki;

import static dev.bosun.charms.easyrsa.pki.TestKeys.CLOCK;
import static dev.bosun.charms.easyrsa.pki.TestKeys.EC_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaBackupsTest {
  private static final String HUGE_ID = "kubernetes-worker_3/client/" + "\u00fc".repeat(64);
  private static final PkiSettings FAST = new PkiSettings(KeySpec.ECDSA_P256, 3650, 825);

  @TempDir Path root;
  private CaStore store;
  private CaBackups backups;
  private CertificateAuthority ca;
  private X509Certificate issued;

  @BeforeEach
  void createCa() {
    store = CaStore.open(root.resolve("pki"), CLOCK);
    ca = store.create("10.0.0.5", FAST);
    issued =
        ca.signServerCertificate(
            EC_KEY.createCsr("10.0.0.1", List.of()), "10.0.0.1", List.of("10.0.0.1"), 10);
    store.saveIssued("etcd_0/top-level-server/10.0.0.1", issued);
    store.saveIssued(HUGE_ID, issued);
    backups = CaBackups.of(store, root.resolve("backups"), CLOCK);
  }

  @Test
  void backupDeleteRestoreKeepsTheCa() throws Exception {
    String name = backups.backup();
    deleteRecursively(root.resolve("pki"));
    assertThat(store.exists()).isFalse();

    RestoreResult result = backups.restore(name);

    assertThat(result.name()).isEqualTo(name);
    assertThat(result.safetyBackup()).isEmpty();
    assertThat(result.issuedCertificates()).isEqualTo(2);
    CertificateAuthority restored = CaStore.open(root.resolve("pki"), CLOCK).load().orElseThrow();
    assertThat(restored.certificate()).isEqualTo(ca.certificate());
    assertThat(store.issued())
        .containsOnlyKeys("etcd_0/top-level-server/10.0.0.1", HUGE_ID)
        .containsEntry(HUGE_ID, issued);
    X509Certificate afterRestore =
        restored.signClientCertificate(EC_KEY.createCsr("c", List.of()), "c", 5);
    afterRestore.verify(ca.publicKey());
  }

  @Test
  void namesBackupsAsTheOriginalCharmAndNeverOverwritesOne() {
    String first = backups.backup();
    String second = backups.backup();

    assertThat(first).isEqualTo("easyrsa-2026-03-01_10-15-30.tar.gz");
    assertThat(second).isEqualTo("easyrsa-2026-03-01_10-15-30-1.tar.gz");
    assertThat(backups.list()).containsExactly(first, second);
    assertThat(backups.listMessage())
        .isEqualTo("Available backup files:\n" + first + "\n" + second);
  }

  @Test
  void backupsAreReadableByTheOwnerOnly() throws Exception {
    assumeThat(SecureFiles.isPosix(root)).isTrue();

    String name = backups.backup();

    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(root.resolve("backups").resolve(name))))
        .isEqualTo("rw-------");
    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("backups"))))
        .isEqualTo("rwx------");
  }

  @Test
  void aRestoreBacksUpTheCaItReplaces() {
    String name = backups.backup();
    CaStore other = CaStore.open(root.resolve("other"), CLOCK);
    CertificateAuthority otherCa = other.create("other", FAST);
    CaBackups otherBackups = CaBackups.of(other, root.resolve("backups"), CLOCK);

    RestoreResult result = otherBackups.restore(name);

    assertThat(result.safetyBackup()).contains("easyrsa-2026-03-01_10-15-30-1.tar.gz");
    assertThat(other.load().orElseThrow().certificate()).isEqualTo(ca.certificate());
    CaStore check = CaStore.open(root.resolve("check"), CLOCK);
    CaBackups.of(check, root.resolve("backups"), CLOCK)
        .restore(result.safetyBackup().orElseThrow());
    assertThat(check.load().orElseThrow().certificate()).isEqualTo(otherCa.certificate());
  }

  @Test
  void listsAndDeletesBackups() {
    assertThat(backups.listMessage()).isEqualTo("There are no available backup files.");
    String first = backups.backup();
    String second = backups.backup();

    backups.delete(first);

    assertThat(backups.list()).containsExactly(second);
    assertThat(backups.deleteAll()).isEqualTo(1);
    assertThat(backups.list()).isEmpty();
  }

  @Test
  void reportsMissingBackupsWithTheOriginalWording() {
    assertThatThrownBy(() -> backups.restore("easyrsa-nope.tar.gz"))
        .isInstanceOf(BackupException.class)
        .hasMessage(
            "Backup with name 'easyrsa-nope.tar.gz' does not exist. Use action 'list-backups' to"
                + " list all available backups");
    assertThatThrownBy(() -> backups.delete("easyrsa-nope.tar.gz"))
        .isInstanceOf(BackupException.class)
        .hasMessage("Backup file 'easyrsa-nope.tar.gz' does not exist");
  }

  @Test
  void refusesNamesThatLeaveTheBackupDirectory() throws Exception {
    Files.writeString(root.resolve("secret.tar.gz"), "x");

    for (String name : List.of("../secret.tar.gz", "/etc/passwd", ".hidden", "a/b")) {
      assertThatThrownBy(() -> backups.delete(name))
          .isInstanceOf(BackupException.class)
          .hasMessageStartingWith("Backup name '" + name + "' is not valid");
    }
    assertThat(root.resolve("secret.tar.gz")).exists();
  }

  @Test
  void refusesToBackUpWithoutCa() {
    CaBackups empty =
        CaBackups.of(CaStore.open(root.resolve("empty")), root.resolve("backups"), CLOCK);

    assertThatThrownBy(empty::backup)
        .isInstanceOf(BackupException.class)
        .hasMessage("there is no certificate authority to back up");
  }

  @Test
  void refusesAnArchiveWithoutCa() throws Exception {
    writeArchive(
        "no-ca.tar.gz",
        List.of(
            TarArchive.Entry.file("pki/issued/x.crt", 0644, Pem.ascii(Pem.certificate(issued)))));

    assertThatThrownBy(() -> backups.restore("no-ca.tar.gz"))
        .isInstanceOf(BackupException.class)
        .hasMessage(
            "Backup has unexpected content. Corrupted file? It holds no CA (pki/ca.crt and"
                + " pki/private/ca.key).");
    assertThat(store.load().orElseThrow().certificate()).isEqualTo(ca.certificate());
  }

  @Test
  void refusesAnArchiveWhoseKeyIsNotTheCasWithoutShowingIt() throws Exception {
    RequesterKey other = RequesterKey.generate(KeySpec.ECDSA_P256);
    writeArchive(
        "mismatch.tar.gz",
        List.of(
            TarArchive.Entry.file("pki/ca.crt", 0644, Pem.ascii(ca.certificatePem())),
            TarArchive.Entry.file("pki/private/ca.key", 0600, Pem.ascii(other.privateKeyPem()))));

    BackupException error =
        org.junit.jupiter.api.Assertions.assertThrows(
            BackupException.class, () -> backups.restore("mismatch.tar.gz"));

    assertThat(error)
        .hasMessage(
            "Backup has unexpected content. Corrupted file? Its CA is not usable: the CA key does"
                + " not belong to the CA certificate CN=10.0.0.5");
    Secrets.assertNoKeyMaterial(error, other.privateKey());
    Secrets.assertNoKeyMaterial(error, ca.privateKey());
  }

  @Test
  void refusesPathsOutsideThePkiDirectory() throws Exception {
    writeArchive(
        "evil.tar.gz",
        List.of(
            TarArchive.Entry.file("pki/ca.crt", 0644, Pem.ascii(ca.certificatePem())),
            TarArchive.Entry.file("pki/../../escape", 0644, new byte[] {1})));

    assertThatThrownBy(() -> backups.restore("evil.tar.gz"))
        .isInstanceOf(BackupException.class)
        .hasMessage(
            "Backup has unexpected content. Corrupted file? It holds the path 'pki/../../escape',"
                + " outside pki/.");
    assertThat(root.resolve("escape")).doesNotExist();
  }

  @Test
  void refusesAnArchiveThatIsNotGzip() throws Exception {
    Files.createDirectories(root.resolve("backups"));
    Files.writeString(root.resolve("backups/garbage.tar.gz"), "not an archive");

    assertThatThrownBy(() -> backups.restore("garbage.tar.gz"))
        .isInstanceOf(BackupException.class)
        .hasMessageStartingWith("Backup has unexpected content. Corrupted file? ");
  }

  @Test
  void restoresAnArchiveOfTheOriginalEasyRsaLayout() throws Exception {
    List<TarArchive.Entry> original = new ArrayList<>();
    original.add(TarArchive.Entry.directory("pki", 0700));
    original.add(TarArchive.Entry.file("pki/ca.crt", 0644, Pem.ascii(ca.certificatePem())));
    original.add(
        TarArchive.Entry.file(
            "pki/private/ca.key", 0600, Pem.ascii(Pem.privateKey(ca.privateKey()))));
    original.add(
        TarArchive.Entry.file("pki/private/client.key", 0600, Pem.ascii(EC_KEY.privateKeyPem())));
    original.add(
        TarArchive.Entry.file(
            "pki/issued/client.crt",
            0644,
            Pem.ascii("Certificate:\n    Data: ...\n" + Pem.certificate(issued))));
    original.add(
        TarArchive.Entry.file("pki/serial", 0644, "1A\n".getBytes(StandardCharsets.US_ASCII)));
    original.add(TarArchive.Entry.file("pki/index.txt", 0644, new byte[0]));
    writeArchive("easyrsa-2020-01-01_00-00-00.tar.gz", original);
    CaStore fresh = CaStore.open(root.resolve("fresh"), CLOCK);

    RestoreResult result =
        CaBackups.of(fresh, root.resolve("backups"), CLOCK)
            .restore("easyrsa-2020-01-01_00-00-00.tar.gz");

    assertThat(result.issuedCertificates()).isEqualTo(1);
    assertThat(fresh.load().orElseThrow().certificate()).isEqualTo(ca.certificate());
    assertThat(fresh.issued()).containsOnlyKeys("client");
  }

  @Test
  void describesResultsWithoutTheKey() {
    RestoreResult result = backups.restore(backups.backup());

    Secrets.assertNoKeyMaterial(result.toString(), ca.privateKey());
    Secrets.assertNoKeyMaterial(backups.toString(), ca.privateKey());
  }

  private void writeArchive(String name, List<TarArchive.Entry> entries) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream gzip = new GZIPOutputStream(bytes)) {
      TarArchive.write(gzip, entries, 0);
    }
    Files.createDirectories(root.resolve("backups"));
    Files.write(root.resolve("backups").resolve(name), bytes.toByteArray());
  }

  private static void deleteRecursively(Path path) throws Exception {
    try (var paths = Files.walk(path)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
