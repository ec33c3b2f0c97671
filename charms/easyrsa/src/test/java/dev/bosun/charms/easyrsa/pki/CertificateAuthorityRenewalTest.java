package dev.bosun.charms.easyrsa.pki;

import static dev.bosun.charms.easyrsa.pki.TestKeys.CLOCK;
import static dev.bosun.charms.easyrsa.pki.TestKeys.EC_CA;
import static dev.bosun.charms.easyrsa.pki.TestKeys.EC_KEY;
import static dev.bosun.charms.easyrsa.pki.TestKeys.RSA_CA;
import static dev.bosun.charms.easyrsa.pki.TestKeys.RSA_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When an issued certificate still answers a request ({@link CertificateAuthority#answers}), and
 * the CA kept in an application secret as PEM.
 */
class CertificateAuthorityRenewalTest {
  private static final List<String> SANS = List.of("10.0.0.1", "etcd-0", "127.0.0.1");

  private static X509Certificate server(CertificateAuthority ca, List<String> sans) {
    return ca.signServerCertificate(EC_KEY.createCsr("10.0.0.1", sans), "10.0.0.1", sans, 90);
  }

  @Test
  void aFreshCsrForTheSameKeyAndNamesIsAnswered() {
    X509Certificate issued = server(EC_CA, SANS);
    CertificateSigningRequest fresh = EC_KEY.createCsr("10.0.0.1", SANS);

    assertThat(fresh.pem()).isNotEqualTo(EC_KEY.createCsr("10.0.0.1", SANS).pem());
    assertThat(EC_CA.answers(issued, fresh, "10.0.0.1", SANS, true)).isTrue();
    assertThat(
            EC_CA.answers(
                issued,
                fresh,
                "10.0.0.1",
                List.of("127.0.0.1", "etcd-0", "10.0.0.1", "etcd-0"),
                true))
        .as("order and repeats do not matter")
        .isTrue();
  }

  @Test
  void changedSansAreNotAnswered() {
    X509Certificate issued = server(EC_CA, SANS);
    CertificateSigningRequest csr = EC_KEY.createCsr("10.0.0.1", SANS);

    assertThat(EC_CA.answers(issued, csr, "10.0.0.1", List.of("10.0.0.1", "etcd-0"), true))
        .isFalse();
    assertThat(
            EC_CA.answers(
                issued,
                csr,
                "10.0.0.1",
                List.of("10.0.0.1", "etcd-0", "127.0.0.1", "10.0.0.2"),
                true))
        .isFalse();
    assertThat(
            EC_CA.answers(
                issued, csr, "10.0.0.1", List.of("10.0.0.1", "etcd-0", "localhost"), true))
        .isFalse();
  }

  @Test
  void ipSansCompareAsAddressesNotAsText() {
    X509Certificate issued = server(EC_CA, List.of("::1"));
    CertificateSigningRequest csr = EC_KEY.createCsr("10.0.0.1", List.of());

    assertThat(EC_CA.answers(issued, csr, "10.0.0.1", List.of("0:0:0:0:0:0:0:1"), true)).isTrue();
    assertThat(EC_CA.answers(issued, csr, "10.0.0.1", List.of("::2"), true)).isFalse();
  }

  @Test
  void aRotatedRequesterKeyIsNotAnswered() {
    X509Certificate issued = server(EC_CA, SANS);

    assertThat(EC_CA.answers(issued, RSA_KEY.createCsr("10.0.0.1", SANS), "10.0.0.1", SANS, true))
        .isFalse();
  }

  @Test
  void aCertificateOfAnotherCaOrCommonNameIsNotAnswered() {
    X509Certificate issued = server(EC_CA, SANS);
    CertificateSigningRequest csr = EC_KEY.createCsr("10.0.0.1", SANS);

    assertThat(RSA_CA.answers(issued, csr, "10.0.0.1", SANS, true)).isFalse();
    assertThat(EC_CA.answers(issued, csr, "10.0.0.2", SANS, true)).isFalse();
  }

  @Test
  void aClientCertificateIsAnsweredWithoutSans() {
    X509Certificate client =
        EC_CA.signClientCertificate(EC_KEY.createCsr("admin", List.of()), "admin", 90);
    CertificateSigningRequest csr = EC_KEY.createCsr("admin", List.of());

    assertThat(EC_CA.answers(client, csr, "admin", List.of(), false)).isTrue();
    assertThat(EC_CA.answers(client, csr, "admin", List.of(), true))
        .as("as a server certificate it would need the common name as SAN")
        .isFalse();
  }

  @Test
  void aCertificateTwoThirdsThroughItsValidityIsRenewed() {
    X509Certificate issued = server(EC_CA, SANS); // 90 days from CLOCK
    CertificateSigningRequest csr = EC_KEY.createCsr("10.0.0.1", SANS);

    CertificateAuthority day59 =
        EC_CA.withClock(Clock.offset(CLOCK, Duration.ofDays(59).plusHours(23)));
    CertificateAuthority day60 = EC_CA.withClock(Clock.offset(CLOCK, Duration.ofDays(60)));
    assertThat(day59.answers(issued, csr, "10.0.0.1", SANS, true)).isTrue();
    assertThat(day60.answers(issued, csr, "10.0.0.1", SANS, true)).isFalse();
  }

  @Test
  void theCaRoundTripsThroughPem() {
    CertificateAuthority copy =
        CertificateAuthority.fromPem(EC_CA.certificatePem(), EC_CA.privateKeyPem());

    assertThat(copy.sameAs(EC_CA)).isTrue();
    assertThat(copy.sameAs(RSA_CA)).isFalse();
    X509Certificate issued = server(copy.withClock(CLOCK), SANS);
    assertThat(EC_CA.answers(issued, EC_KEY.createCsr("10.0.0.1", SANS), "10.0.0.1", SANS, true))
        .as("a certificate the copy signs verifies with the original")
        .isTrue();
    assertThat(copy.toString()).doesNotContain(EC_CA.privateKeyPem().substring(40, 80));
  }

  @Test
  void aKeyOfAnotherCaIsRefused() {
    assertThatThrownBy(
            () -> CertificateAuthority.fromPem(EC_CA.certificatePem(), RSA_CA.privateKeyPem()))
        .isInstanceOf(PkiException.class)
        .satisfies(error -> Secrets.assertNoKeyMaterial(error, RSA_CA.privateKey()));
  }

  @Test
  void theFingerprintIsTheSha256OfTheCertificateAsOpensslPrintsIt() throws Exception {
    byte[] digest =
        java.security.MessageDigest.getInstance("SHA-256").digest(EC_CA.certificate().getEncoded());
    StringBuilder expected = new StringBuilder();
    for (byte b : digest) {
      expected.append(expected.length() == 0 ? "" : ":").append(String.format("%02X", b));
    }

    assertThat(EC_CA.fingerprint()).isEqualTo(expected.toString()).hasSize(95);
    assertThat(RSA_CA.fingerprint()).isNotEqualTo(EC_CA.fingerprint());
  }
}
