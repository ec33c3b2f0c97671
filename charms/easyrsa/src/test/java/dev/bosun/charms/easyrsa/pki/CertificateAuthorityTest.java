package dev.bosun.charms.easyrsa.pki;

import static dev.bosun.charms.easyrsa.pki.TestKeys.CLOCK;
import static dev.bosun.charms.easyrsa.pki.TestKeys.EC_CA;
import static dev.bosun.charms.easyrsa.pki.TestKeys.EC_KEY;
import static dev.bosun.charms.easyrsa.pki.TestKeys.RSA_CA;
import static dev.bosun.charms.easyrsa.pki.TestKeys.RSA_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CertificateAuthorityTest {
  private static final String BASIC_CONSTRAINTS = "2.5.29.19";
  private static final String KEY_USAGE = "2.5.29.15";
  private static final String EXTENDED_KEY_USAGE = "2.5.29.37";
  private static final String SUBJECT_ALT_NAME = "2.5.29.17";
  private static final String SUBJECT_KEY_ID = "2.5.29.14";
  private static final String AUTHORITY_KEY_ID = "2.5.29.35";
  private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
  private static final int DNS = 2;
  private static final int IP = 7;

  /** Parses PEM with the JDK alone, as a TLS peer would. */
  private static X509Certificate jdk(String pem) throws Exception {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
  }

  static Stream<Arguments> authoritiesAndKeys() {
    return Stream.of(
        Arguments.of("RSA CA, RSA key", RSA_CA, RSA_KEY),
        Arguments.of("RSA CA, EC key", RSA_CA, EC_KEY),
        Arguments.of("EC CA, RSA key", EC_CA, RSA_KEY),
        Arguments.of("EC CA, EC key", EC_CA, EC_KEY));
  }

  static Stream<CertificateAuthority> authorities() {
    return Stream.of(RSA_CA, EC_CA);
  }

  private static byte[] subjectKeyId(X509Certificate certificate) {
    return SubjectKeyIdentifier.getInstance(
            ASN1OctetString.getInstance(certificate.getExtensionValue(SUBJECT_KEY_ID)).getOctets())
        .getKeyIdentifier();
  }

  private static byte[] authorityKeyId(X509Certificate certificate) {
    return AuthorityKeyIdentifier.getInstance(
            ASN1OctetString.getInstance(certificate.getExtensionValue(AUTHORITY_KEY_ID))
                .getOctets())
        .getKeyIdentifierOctets();
  }

  @ParameterizedTest
  @MethodSource("authorities")
  void createsACaCertificateWithCaExtensions(CertificateAuthority ca) throws Exception {
    X509Certificate certificate = jdk(ca.certificatePem());

    assertThat(certificate.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
    assertThat(certificate.getCriticalExtensionOIDs()).contains(BASIC_CONSTRAINTS, KEY_USAGE);
    boolean[] usage = certificate.getKeyUsage();
    assertThat(usage[5]).as("keyCertSign").isTrue();
    assertThat(usage[6]).as("cRLSign").isTrue();
    assertThat(usage[0] || usage[1] || usage[2] || usage[3] || usage[4]).isFalse();
    assertThat(certificate.getExtendedKeyUsage()).isNull();
    assertThat(subjectKeyId(certificate)).isNotEmpty();
    assertThat(authorityKeyId(certificate)).isEqualTo(subjectKeyId(certificate));
    assertThat(certificate.getSubjectX500Principal())
        .isEqualTo(certificate.getIssuerX500Principal());
    certificate.verify(certificate.getPublicKey());
    assertThat(certificate.getNotBefore().toInstant()).isEqualTo(CLOCK.instant());
    assertThat(
            Duration.between(
                certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant()))
        .isEqualTo(Duration.ofDays(3650));
  }

  @Test
  void usesTheConfiguredKeyTypeAndCommonName() throws Exception {
    assertThat(jdk(RSA_CA.certificatePem()).getSubjectX500Principal().getName())
        .isEqualTo("CN=10.0.0.5");
    assertThat(RSA_CA.publicKey().getAlgorithm()).isEqualTo("RSA");
    assertThat(
            ((java.security.interfaces.RSAPublicKey) RSA_CA.publicKey()).getModulus().bitLength())
        .isEqualTo(2048);
    assertThat(jdk(RSA_CA.certificatePem()).getSigAlgName()).isEqualTo("SHA256withRSA");
    assertThat(EC_CA.publicKey().getAlgorithm()).isEqualTo("EC");
    assertThat(
            ((java.security.interfaces.ECPublicKey) EC_CA.publicKey())
                .getParams()
                .getCurve()
                .getField()
                .getFieldSize())
        .isEqualTo(256);
    assertThat(jdk(EC_CA.certificatePem()).getSigAlgName()).isEqualTo("SHA256withECDSA");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("authoritiesAndKeys")
  void signsServerCertificatesWithServerExtensions(
      String name, CertificateAuthority ca, RequesterKey key) throws Exception {
    X509Certificate issued =
        jdk(
            Pem.certificate(
                ca.signServerCertificate(
                    key.createCsr("10.0.0.1", List.of()),
                    "10.0.0.1",
                    List.of("10.0.0.1", "etcd-0.example", "fd00::1", "127.0.0.1", "localhost"),
                    825)));

    assertThat(issued.getSubjectX500Principal().getName()).isEqualTo("CN=10.0.0.1");
    assertThat(issued.getIssuerX500Principal())
        .isEqualTo(ca.certificate().getSubjectX500Principal());
    assertThat(issued.getBasicConstraints()).isEqualTo(-1);
    assertThat(issued.getCriticalExtensionOIDs()).contains(BASIC_CONSTRAINTS, KEY_USAGE);
    assertThat(issued.getNonCriticalExtensionOIDs())
        .contains(EXTENDED_KEY_USAGE, SUBJECT_ALT_NAME, SUBJECT_KEY_ID, AUTHORITY_KEY_ID);
    assertThat(issued.getKeyUsage())
        .startsWith(true, false, true, false, false, false, false, false, false);
    assertThat(issued.getExtendedKeyUsage()).containsExactly(SERVER_AUTH, CLIENT_AUTH);
    assertThat(sans(issued))
        .containsExactly(
            List.of(IP, "10.0.0.1"),
            List.of(DNS, "etcd-0.example"),
            List.of(IP, InetAddress.getByName("fd00::1").getHostAddress()),
            List.of(IP, "127.0.0.1"),
            List.of(DNS, "localhost"));
    assertThat(authorityKeyId(issued)).isEqualTo(subjectKeyId(ca.certificate()));
    assertThat(subjectKeyId(issued)).isNotEqualTo(subjectKeyId(ca.certificate()));
    assertThat(issued.getPublicKey()).isEqualTo(key.publicKey());
    assertThat(key.certifies(issued)).isTrue();
    assertThat(
            Duration.between(issued.getNotBefore().toInstant(), issued.getNotAfter().toInstant()))
        .isEqualTo(Duration.ofDays(825));
    issued.verify(ca.publicKey());
  }

  private static List<List<Object>> sans(X509Certificate certificate) throws Exception {
    Collection<List<?>> names = certificate.getSubjectAlternativeNames();
    List<List<Object>> result = new ArrayList<>();
    if (names != null) {
      for (List<?> name : names) {
        result.add(List.of(name.get(0), name.get(1)));
      }
    }
    return result;
  }

  @Test
  void withoutSansTheCommonNameIsTheSan() throws Exception {
    X509Certificate byIp =
        jdk(
            Pem.certificate(
                RSA_CA.signServerCertificate(
                    TestKeys.csr(EC_KEY, "10.1.2.3"), "10.1.2.3", List.of(), 30)));
    X509Certificate byName =
        jdk(
            Pem.certificate(
                RSA_CA.signServerCertificate(TestKeys.csr(EC_KEY, "etcd"), "etcd", List.of(), 30)));

    assertThat(sans(byIp)).containsExactly(List.of(IP, "10.1.2.3"));
    assertThat(sans(byName)).containsExactly(List.of(DNS, "etcd"));
  }

  @Test
  void dropsRepeatedSans() throws Exception {
    X509Certificate issued =
        jdk(
            Pem.certificate(
                RSA_CA.signServerCertificate(
                    TestKeys.csr(EC_KEY, "a"),
                    "a",
                    List.of("b", "10.0.0.1", "b", "10.0.0.1"),
                    30)));

    assertThat(sans(issued)).containsExactly(List.of(DNS, "b"), List.of(IP, "10.0.0.1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("authoritiesAndKeys")
  void signsClientCertificatesWithClientExtensions(
      String name, CertificateAuthority ca, RequesterKey key) throws Exception {
    X509Certificate issued =
        jdk(
            Pem.certificate(
                ca.signClientCertificate(
                    key.createCsr("system:kube-apiserver", List.of("ignored")),
                    "system:kube-apiserver",
                    365)));

    assertThat(issued.getSubjectX500Principal().getName()).isEqualTo("CN=system:kube-apiserver");
    assertThat(issued.getBasicConstraints()).isEqualTo(-1);
    assertThat(issued.getCriticalExtensionOIDs()).contains(BASIC_CONSTRAINTS, KEY_USAGE);
    assertThat(issued.getKeyUsage())
        .startsWith(true, false, false, false, false, false, false, false, false);
    assertThat(issued.getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
    assertThat(issued.getSubjectAlternativeNames()).isNull();
    assertThat(authorityKeyId(issued)).isEqualTo(subjectKeyId(ca.certificate()));
    assertThat(subjectKeyId(issued)).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("authoritiesAndKeys")
  void issuedCertificatesValidateAgainstTheCaWithPkix(
      String name, CertificateAuthority ca, RequesterKey key) throws Exception {
    X509Certificate server =
        jdk(
            Pem.certificate(
                ca.signServerCertificate(TestKeys.csr(key, "s"), "s", List.of("s.example"), 10)));
    X509Certificate client =
        jdk(Pem.certificate(ca.signClientCertificate(TestKeys.csr(key, "c"), "c", 10)));

    for (X509Certificate leaf : List.of(server, client)) {
      validate(leaf, ca.certificate());
    }
  }

  @Test
  void aCertificateFromAnotherCaDoesNotValidate() throws Exception {
    X509Certificate issued = EC_CA.signClientCertificate(TestKeys.csr(RSA_KEY, "c"), "c", 10);

    assertThatThrownBy(() -> validate(issued, RSA_CA.certificate()))
        .isInstanceOf(CertPathValidatorException.class);
  }

  private static void validate(X509Certificate leaf, X509Certificate anchor) throws Exception {
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
    parameters.setRevocationEnabled(false);
    parameters.setDate(Date.from(CLOCK.instant().plusSeconds(60)));
    CertPathValidator.getInstance("PKIX")
        .validate(factory.generateCertPath(List.of(leaf)), parameters);
  }

  @Test
  void serialNumbersAreRandomPositive128BitNumbers() {
    Set<BigInteger> serials = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      BigInteger serial =
          EC_CA.signClientCertificate(TestKeys.csr(EC_KEY, "c"), "c", 1).getSerialNumber();
      assertThat(serial.signum()).isEqualTo(1);
      assertThat(serial.bitLength()).isLessThanOrEqualTo(128);
      serials.add(serial);
    }
    assertThat(serials).hasSize(20);
    assertThat(serials.stream().mapToInt(BigInteger::bitLength).max().orElseThrow())
        .isGreaterThan(120);
  }

  @Test
  void issuedCertificatesNeverOutliveTheCa() {
    CertificateAuthority shortLived =
        CertificateAuthority.create("short", new PkiSettings(KeySpec.ECDSA_P256, 10, 825), CLOCK);

    X509Certificate issued = shortLived.signClientCertificate(TestKeys.csr(EC_KEY, "c"), "c", 825);

    assertThat(issued.getNotAfter()).isEqualTo(shortLived.certificate().getNotAfter());
  }

  @Test
  void rejectsAWeakRsaKey() throws Exception {
    var weak = TestKeys.keyPair("RSA", 1024);
    CertificateSigningRequest csr = TestKeys.rawCsr(weak, weak, "weak", "SHA256withRSA");

    assertThatThrownBy(() -> RSA_CA.signServerCertificate(csr, "weak", List.of(), 10))
        .isInstanceOf(InvalidCsrException.class)
        .hasMessage(
            "the CSR for \"weak\" has a weak RSA key of 1024 bits; Bosun signs RSA keys of 2048"
                + " bits or more");
  }

  @Test
  void rejectsACsrWhoseSignatureDoesNotVerify() throws Exception {
    var subject = TestKeys.keyPair("EC", 256);
    var other = TestKeys.keyPair("EC", 256);
    CertificateSigningRequest forged = TestKeys.rawCsr(subject, other, "forged", "SHA256withECDSA");

    assertThatThrownBy(() -> RSA_CA.signClientCertificate(forged, "forged", 10))
        .isInstanceOf(InvalidCsrException.class)
        .hasMessage("the CSR for \"forged\" has an invalid signature");
  }

  @Test
  void rejectsUnsupportedKeyKinds() throws Exception {
    var dsa = TestKeys.keyPair("DSA", 2048);
    CertificateSigningRequest csr = TestKeys.rawCsr(dsa, dsa, "dsa", "SHA256withDSA");

    assertThatThrownBy(() -> RSA_CA.signClientCertificate(csr, "dsa", 10))
        .isInstanceOf(InvalidCsrException.class)
        .hasMessage(
            "the CSR for \"dsa\" has a DSA key; Bosun signs RSA (2048 bits or more) and EC (P-256"
                + " or larger) keys");
  }

  @Test
  void rejectsACsrForAnotherName() {
    assertThatThrownBy(
            () ->
                RSA_CA.signServerCertificate(
                    TestKeys.csr(EC_KEY, "etcd-1"), "etcd-0", List.of(), 10))
        .isInstanceOf(InvalidCsrException.class)
        .hasMessage(
            "the CSR's subject common name is \"etcd-1\" but the request is for \"etcd-0\"; the"
                + " requester must sign a CSR for the name it asks for");
  }

  @Test
  void rejectsNamesThatCannotGoInACertificate() {
    assertThatThrownBy(() -> CertificateAuthority.create("", PkiSettings.DEFAULTS))
        .isInstanceOf(InvalidNameException.class)
        .hasMessage("a common name must not be empty");
    assertThatThrownBy(
            () ->
                RSA_CA.signServerCertificate(
                    TestKeys.csr(EC_KEY, "a"), "a", List.of("bad name"), 10))
        .isInstanceOf(InvalidNameException.class)
        .hasMessage(
            "DNS name \"bad?name\" holds a character that is not printable ASCII (spaces included)");
    assertThatThrownBy(() -> RSA_CA.signClientCertificate(TestKeys.csr(EC_KEY, "a"), "a", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("validityDays must be 1 to 36500, not 0");
  }

  @Test
  void neverShowsThePrivateKey() {
    for (CertificateAuthority ca : List.of(RSA_CA, EC_CA)) {
      Secrets.assertNoKeyMaterial(ca.toString(), ca.privateKey());
      assertThat(ca.toString())
          .contains("private key redacted")
          .contains(ca.certificate().getSubjectX500Principal().getName());
    }
  }

  @Test
  void aStoredKeyOfTheSameAlgorithmMustBelongToTheCertificateToo() {
    CertificateAuthority otherEc =
        CertificateAuthority.create("other", new PkiSettings(KeySpec.ECDSA_P256, 10, 825), CLOCK);
    CertificateAuthority otherRsa =
        CertificateAuthority.create("other", new PkiSettings(KeySpec.RSA_2048, 10, 825), CLOCK);

    assertThatThrownBy(
            () -> CertificateAuthority.of(otherEc.privateKey(), EC_CA.certificate(), CLOCK))
        .isInstanceOf(PkiException.class)
        .hasMessageStartingWith("the CA key does not belong to the CA certificate");
    assertThatThrownBy(
            () -> CertificateAuthority.of(otherRsa.privateKey(), RSA_CA.certificate(), CLOCK))
        .isInstanceOf(PkiException.class)
        .hasMessageStartingWith("the CA key does not belong to the CA certificate");
    assertThat(
            CertificateAuthority.of(EC_CA.privateKey(), EC_CA.certificate(), CLOCK).certificate())
        .isEqualTo(EC_CA.certificate());
    assertThat(
            CertificateAuthority.of(RSA_CA.privateKey(), RSA_CA.certificate(), CLOCK).certificate())
        .isEqualTo(RSA_CA.certificate());
  }

  @Test
  void aStoredKeyMustBelongToTheCertificate() {
    PkiException error =
        org.junit.jupiter.api.Assertions.assertThrows(
            PkiException.class,
            () -> CertificateAuthority.of(EC_CA.privateKey(), RSA_CA.certificate(), CLOCK));

    assertThat(error).hasMessage("the CA key does not belong to the CA certificate CN=10.0.0.5");
    Secrets.assertNoKeyMaterial(error, EC_CA.privateKey());
    assertThat(Arrays.asList(RSA_CA, EC_CA)).doesNotContainNull();
  }
}
