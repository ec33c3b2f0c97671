package dev.bosun.charms.easyrsa.pki;

import static dev.bosun.charms.easyrsa.pki.TestKeys.CLOCK;
import static dev.bosun.charms.easyrsa.pki.TestKeys.EC_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaStoreTest {
  private static final PkiSettings FAST = new PkiSettings(KeySpec.ECDSA_P256, 3650, 825);

  @TempDir Path root;

  private static String mode(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  @Test
  void writesTheKeyWithMode0600AndTheCertificatePublic() throws Exception {
    assumeThat(SecureFiles.isPosix(root)).isTrue();
    CaStore store = CaStore.open(root.resolve("pki"), CLOCK);

    store.create("10.0.0.5", FAST);

    assertThat(mode(root.resolve("pki/private/ca.key"))).isEqualTo("rw-------");
    assertThat(mode(root.resolve("pki/private"))).isEqualTo("rwx------");
    assertThat(mode(root.resolve("pki"))).isEqualTo("rwx------");
    assertThat(mode(root.resolve("pki/ca.crt"))).isEqualTo("rw-r--r--");
    assertThat(Files.readString(root.resolve("pki/private/ca.key")))
        .startsWith("-----BEGIN PRIVATE KEY-----");
    try (var files = Files.list(root.resolve("pki/private"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("ca.key");
    }
  }

  @Test
  void aReopenedStoreKeepsTheSameCa() {
    Path directory = root.resolve("pki");
    CertificateAuthority created = CaStore.open(directory, CLOCK).loadOrCreate("10.0.0.5", FAST);

    CaStore reopened = CaStore.open(directory, CLOCK);
    CertificateAuthority loaded = reopened.loadOrCreate("other-name", PkiSettings.DEFAULTS);

    assertThat(loaded.certificate()).isEqualTo(created.certificate());
    assertThat(reopened.load().orElseThrow().certificate()).isEqualTo(created.certificate());
    X509Certificate issued =
        loaded.signClientCertificate(EC_KEY.createCsr("c", List.of()), "c", 10);
    assertThat(issued.getIssuerX500Principal())
        .isEqualTo(created.certificate().getSubjectX500Principal());
    org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> issued.verify(created.publicKey()));
  }

  @Test
  void adoptStoresTheApplicationsCaAndReplacesAnotherOne() throws Exception {
    CaStore store = CaStore.open(root.resolve("pki"), CLOCK);
    CertificateAuthority application = CertificateAuthority.create("application", FAST, CLOCK);

    assertThat(store.adopt(application)).isTrue();
    assertThat(store.adopt(application)).as("already holds it").isFalse();
    assertThat(store.load().orElseThrow().sameAs(application)).isTrue();

    CertificateAuthority other = CertificateAuthority.create("other", FAST, CLOCK);
    store.saveIssued(
        "3/server/etcd", other.signClientCertificate(EC_KEY.createCsr("c", List.of()), "c", 10));
    assertThat(store.adopt(other)).isTrue();
    assertThat(store.load().orElseThrow().sameAs(other)).isTrue();
    assertThat(store.issued()).as("certificates of the replaced CA are dropped").isEmpty();
    if (SecureFiles.isPosix(root)) {
      assertThat(mode(root.resolve("pki/private/ca.key"))).isEqualTo("rw-------");
    }
  }

  @Test
  void neverReplacesAnExistingCa() throws Exception {
    CaStore store = CaStore.open(root.resolve("pki"), CLOCK);
    CertificateAuthority first = store.create("first", FAST);
    String certificateBefore = Files.readString(root.resolve("pki/ca.crt"));
    String keyBefore = Files.readString(root.resolve("pki/private/ca.key"));

    assertThatThrownBy(() -> CaStore.open(root.resolve("pki")).create("second", FAST))
        .isInstanceOf(CaAlreadyExistsException.class)
        .hasMessage(
            "a certificate authority already exists in "
                + root.resolve("pki")
                + "; it is never regenerated (load it, or restore a backup to replace it)");
    assertThatThrownBy(() -> store.save(CertificateAuthority.create("third", FAST)))
        .isInstanceOf(CaAlreadyExistsException.class);
    assertThat(Files.readString(root.resolve("pki/ca.crt"))).isEqualTo(certificateBefore);
    assertThat(Files.readString(root.resolve("pki/private/ca.key"))).isEqualTo(keyBefore);
    assertThat(store.load().orElseThrow().certificate()).isEqualTo(first.certificate());
  }

  @Test
  void aKeyLeftWithoutCertificateByACrashIsReplaced() throws Exception {
    Path directory = root.resolve("pki");
    Files.createDirectories(directory.resolve("private"));
    Files.writeString(directory.resolve("private/ca.key"), "half-written");

    CertificateAuthority ca = CaStore.open(directory, CLOCK).create("x", FAST);

    assertThat(CaStore.open(directory).load().orElseThrow().certificate())
        .isEqualTo(ca.certificate());
  }

  @Test
  void anEmptyStoreHoldsNoCa() {
    CaStore store = CaStore.open(root.resolve("none"));

    assertThat(store.exists()).isFalse();
    assertThat(store.load()).isEmpty();
    assertThat(store.issued()).isEmpty();
  }

  @Test
  void reportsAMissingKey() throws Exception {
    CaStore store = CaStore.open(root.resolve("pki"), CLOCK);
    store.create("x", FAST);
    Files.delete(root.resolve("pki/private/ca.key"));

    assertThatThrownBy(store::load)
        .isInstanceOf(CaStoreException.class)
        .hasMessage(
            "the CA certificate "
                + root.resolve("pki/ca.crt")
                + " exists but its key "
                + root.resolve("pki/private/ca.key")
                + " is missing; restore the CA from a backup");
  }

  @Test
  void reportsAKeyOfAnotherCaWithoutShowingEitherKey() throws Exception {
    CaStore store = CaStore.open(root.resolve("pki"), CLOCK);
    CertificateAuthority ca = store.create("x", FAST);
    RequesterKey intruder = RequesterKey.generate(KeySpec.ECDSA_P256);
    intruder.writeTo(root.resolve("pki/private/ca.key"));

    CaStoreException error =
        org.junit.jupiter.api.Assertions.assertThrows(CaStoreException.class, store::load);

    assertThat(error)
        .hasMessage(
            "the CA store "
                + root.resolve("pki")
                + " is damaged: the CA key does not belong to the CA certificate CN=x");
    Secrets.assertNoKeyMaterial(error, intruder.privateKey());
    Secrets.assertNoKeyMaterial(error, ca.privateKey());
  }

  @Test
  void reportsADamagedKeyFileWithoutShowingIt() throws Exception {
    CaStore store = CaStore.open(root.resolve("pki"), CLOCK);
    CertificateAuthority ca = store.create("x", FAST);
    Path key = root.resolve("pki/private/ca.key");
    String pem = Files.readString(key);
    Files.writeString(key, pem.substring(0, 60) + "\n-----END PRIVATE KEY-----\n");

    CaStoreException error =
        org.junit.jupiter.api.Assertions.assertThrows(CaStoreException.class, store::load);

    assertThat(error)
        .hasMessageStartingWith("the CA store " + root.resolve("pki") + " is damaged: ");
    Secrets.assertNoKeyMaterial(error, ca.privateKey());
  }

  @Test
  void keepsIssuedCertificatesUnderAnyId() {
    CaStore store = CaStore.open(root.resolve("pki"), CLOCK);
    CertificateAuthority ca = store.create("x", FAST);
    X509Certificate first =
        ca.signClientCertificate(
            EC_KEY.createCsr("system:kube-apiserver", List.of()), "system:kube-apiserver", 10);
    X509Certificate second =
        ca.signServerCertificate(
            EC_KEY.createCsr("10.0.0.1", List.of()), "10.0.0.1", List.of(), 10);
    String odd = "etcd_0/client/system:kube-apiserver";
    String dotted = "../../etc/passwd";
    String huge = "kubernetes-control-plane_12/client/" + "\u00e9".repeat(64);

    store.saveIssued(odd, first);
    store.saveIssued(dotted, second);
    store.saveIssued(huge, first);
    store.saveIssued("plain", second);
    store.deleteIssued("plain");

    assertThat(store.issued()).containsOnlyKeys(odd, dotted, huge);
    assertThat(store.issued().get(huge)).isEqualTo(first);
    assertThat(store.issued().get(odd)).isEqualTo(first);
    assertThat(store.issued().get(dotted)).isEqualTo(second);
    assertThat(root.resolve("etc")).doesNotExist();
    assertThat(root.resolve("pki/issued"))
        .isDirectoryContaining(p -> p.getFileName().toString().startsWith("%2E"));
  }

  @Test
  void describesItselfWithoutSecrets() {
    CaStore store = CaStore.open(root.resolve("pki"), CLOCK);
    CertificateAuthority ca = store.create("x", FAST);

    Secrets.assertNoKeyMaterial(store.toString(), ca.privateKey());
    Secrets.assertNoKeyMaterial(store.load().orElseThrow().toString(), ca.privateKey());
  }
}
