package dev.bosun.charms.easyrsa.pki;

import static dev.bosun.charms.easyrsa.pki.TestKeys.EC_KEY;
import static dev.bosun.charms.easyrsa.pki.TestKeys.RSA_CA;
import static dev.bosun.charms.easyrsa.pki.TestKeys.RSA_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.Test;

class PemTest {
  @Test
  void certificatesRoundTrip() {
    String pem = RSA_CA.certificatePem();

    assertThat(pem)
        .startsWith("-----BEGIN CERTIFICATE-----\n")
        .endsWith("-----END CERTIFICATE-----\n");
    assertThat(pem.lines().filter(l -> !l.startsWith("-----")).allMatch(l -> l.length() <= 64))
        .isTrue();
    assertThat(Pem.parseCertificate(pem)).isEqualTo(RSA_CA.certificate());
  }

  @Test
  void readsChainsAndIgnoresTextBetweenBlocks() {
    String easyRsaIssuedFile =
        "Certificate:\n    Data:\n        Version: 3 (0x2)\n"
            + RSA_CA.certificatePem()
            + TestKeys.EC_CA.certificatePem();

    assertThat(Pem.parseCertificates(easyRsaIssuedFile))
        .containsExactly(RSA_CA.certificate(), TestKeys.EC_CA.certificate());
  }

  @Test
  void privateKeysRoundTripAsPkcs8() {
    for (RequesterKey key : List.of(RSA_KEY, EC_KEY)) {
      String pem = key.privateKeyPem();

      assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----\n");
      assertThat(Pem.parsePrivateKey(pem)).isEqualTo(key.privateKey());
    }
  }

  @Test
  void readsOpenSslTraditionalRsaKeys() throws Exception {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(RSA_KEY.privateKey());
    }

    assertThat(text.toString()).startsWith("-----BEGIN RSA PRIVATE KEY-----");
    assertThat(RequesterKey.fromPem(text.toString()).publicKey()).isEqualTo(RSA_KEY.publicKey());
  }

  @Test
  void readsOpenSslTraditionalEcKeys() throws Exception {
    // SEC1 with the curve inside, as "openssl ecparam -genkey" writes it.
    PrivateKeyInfo pkcs8 = PrivateKeyInfo.getInstance(EC_KEY.privateKey().getEncoded());
    ECPrivateKey inner = ECPrivateKey.getInstance(pkcs8.parsePrivateKey());
    ECPrivateKey sec1 =
        new ECPrivateKey(256, inner.getKey(), pkcs8.getPrivateKeyAlgorithm().getParameters());
    String pem = Pem.encode("EC PRIVATE KEY", sec1.getEncoded());

    assertThat(RequesterKey.fromPem(pem).publicKey()).isEqualTo(EC_KEY.publicKey());
  }

  @Test
  void refusesAPrivateKeyWhereACertificateBelongsWithoutShowingIt() {
    Throwable error =
        org.junit.jupiter.api.Assertions.assertThrows(
            PemException.class, () -> Pem.parseCertificate(RSA_KEY.privateKeyPem()));

    assertThat(error).hasMessage("expected one PEM CERTIFICATE block, but found [\"PRIVATE KEY\"]");
    Secrets.assertNoKeyMaterial(error, RSA_KEY.privateKey());
  }

  @Test
  void reportsABrokenKeyWithoutShowingIt() {
    String pem = EC_KEY.privateKeyPem();
    String broken = pem.replace(pem.substring(40, 60), "AAAAAAAAAAAAAAAAAAAA");

    Throwable error =
        org.junit.jupiter.api.Assertions.assertThrows(
            PemException.class, () -> Pem.parsePrivateKey(broken));

    assertThat(error)
        .hasMessage("the PEM \"PRIVATE KEY\" block is not a usable unencrypted private key");
    assertThat(error.getCause()).isNull();
    Secrets.assertNoKeyMaterial(error, EC_KEY.privateKey());
  }

  @Test
  void refusesEncryptedKeysAndOtherText() {
    assertThatThrownBy(
            () ->
                Pem.parsePrivateKey(
                    "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n"))
        .isInstanceOf(PemException.class)
        .hasMessage("the private key is encrypted; Bosun reads unencrypted keys");
    assertThatThrownBy(() -> Pem.parseCertificate(""))
        .hasMessage("expected PEM CERTIFICATE, but the text is empty");
    assertThatThrownBy(() -> Pem.parseCertificate("hello"))
        .hasMessage("expected PEM CERTIFICATE, but found no PEM block");
    assertThatThrownBy(
            () ->
                Pem.parseCertificate(
                    "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"))
        .hasMessage("the PEM CERTIFICATE block is not an X.509 certificate");
  }
}
