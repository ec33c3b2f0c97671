package dev.bosun.charms.easyrsa.pki;

import static dev.bosun.charms.easyrsa.pki.TestKeys.EC_KEY;
import static dev.bosun.charms.easyrsa.pki.TestKeys.RSA_CA;
import static dev.bosun.charms.easyrsa.pki.TestKeys.RSA_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequesterKeyTest {
  @TempDir Path directory;

  @Test
  void derivesThePublicKeyFromAStoredPrivateKey() {
    for (RequesterKey key : List.of(RSA_KEY, EC_KEY)) {
      RequesterKey read = RequesterKey.fromPem(key.privateKeyPem());

      assertThat(read.publicKey()).isEqualTo(key.publicKey());
      assertThat(read.privateKey()).isEqualTo(key.privateKey());
    }
  }

  @Test
  void writesTheKeyFileWithMode0600() throws Exception {
    assumeThat(SecureFiles.isPosix(directory)).isTrue();
    Path file = directory.resolve("tls").resolve("server.key");

    EC_KEY.writeTo(file);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(RequesterKey.readFrom(file).publicKey()).isEqualTo(EC_KEY.publicKey());
    try (var files = Files.list(file.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("server.key");
    }
  }

  @Test
  void replacingAKeyFileKeepsMode0600() throws Exception {
    assumeThat(SecureFiles.isPosix(directory)).isTrue();
    Path file = directory.resolve("server.key");
    Files.writeString(file, "old");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    RSA_KEY.writeTo(file);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(RequesterKey.readFrom(file).publicKey()).isEqualTo(RSA_KEY.publicKey());
  }

  @Test
  void knowsTheCertificatesIssuedForIt() {
    var issued = RSA_CA.signClientCertificate(EC_KEY.createCsr("c", List.of()), "c", 10);

    assertThat(EC_KEY.certifies(issued)).isTrue();
    assertThat(RSA_KEY.certifies(issued)).isFalse();
  }

  @Test
  void neverShowsThePrivateKey() {
    assertThat(RSA_KEY.toString()).isEqualTo("RequesterKey[RSA 2048, private key redacted]");
    assertThat(EC_KEY.toString()).isEqualTo("RequesterKey[EC 256, private key redacted]");
    Secrets.assertNoKeyMaterial(RSA_KEY.toString(), RSA_KEY.privateKey());
    Secrets.assertNoKeyMaterial(EC_KEY.toString(), EC_KEY.privateKey());
  }

  @Test
  void generatesTheRequestedKind() {
    RequesterKey rsa3072 = RequesterKey.generate(KeySpec.rsa(3072));

    assertThat(rsa3072.toString()).isEqualTo("RequesterKey[RSA 3072, private key redacted]");
  }
}
