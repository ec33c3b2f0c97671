package dev.bosun.interfaces.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bosun.interfaces.TestPems;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

class UnitCertificatesTest {
  private static final String CA = TestPems.certificate(1);
  private static final String OTHER_CA = TestPems.certificate(2);

  private static RequestKey key(CertificateType type, String cn) {
    return new RequestKey("etcd_0", type, cn);
  }

  @Test
  void collectsThisUnitsCertificatesOnly() {
    TlsProviderData data =
        TlsProviderData.builder(CA)
            .chain(CA)
            .certificate(key(CertificateType.TOP_LEVEL_SERVER, "10.0.0.1"), TestPems.certificate(3))
            .certificate(key(CertificateType.CLIENT, "etcd-client"), TestPems.certificate(4))
            .certificate(
                new RequestKey("etcd_1", CertificateType.TOP_LEVEL_SERVER, "10.0.0.2"),
                TestPems.certificate(5))
            .build();

    UnitCertificates mine = UnitCertificates.of("etcd_0", Map.of("easyrsa/0", data)).orElseThrow();

    assertThat(mine.ca()).isEqualTo(CA);
    assertThat(mine.chain()).contains(CA);
    assertThat(mine.serverCertificate()).contains(TestPems.certificate(3));
    assertThat(mine.clientCertificates())
        .containsExactly(Map.entry("etcd-client", TestPems.certificate(4)));
    assertThat(mine.serverCertificates()).isEmpty();
  }

  @Test
  void isAbsentWithoutProviderData() {
    assertThat(UnitCertificates.of("etcd_0", Map.of())).isEmpty();
  }

  @Test
  void mergesProviderUnitsInUnitOrderFirstValueWins() {
    TlsProviderData unit10 =
        TlsProviderData.builder(OTHER_CA)
            .certificate(key(CertificateType.SERVER, "a"), TestPems.certificate(10))
            .certificate(key(CertificateType.SERVER, "b"), TestPems.certificate(11))
            .build();
    TlsProviderData unit2 =
        TlsProviderData.builder(CA)
            .certificate(key(CertificateType.SERVER, "a"), TestPems.certificate(20))
            .build();

    UnitCertificates mine =
        UnitCertificates.of("etcd_0", Map.of("easyrsa/10", unit10, "easyrsa/2", unit2))
            .orElseThrow();

    assertThat(mine.ca()).isEqualTo(CA);
    assertThat(mine.serverCertificates())
        .containsEntry("a", TestPems.certificate(20))
        .containsEntry("b", TestPems.certificate(11));
  }

  @Test
  void listsTheRequestsStillWaitingForACertificate() {
    String csr = TestPems.csr(1);
    TlsRequirerData requested =
        TlsRequirerData.builder("etcd_0")
            .topLevel("10.0.0.1", List.of(), null, csr)
            .client("etcd-client", csr)
            .server("peer", List.of(), csr)
            .build();
    TlsProviderData data =
        TlsProviderData.builder(CA)
            .certificate(key(CertificateType.CLIENT, "etcd-client"), TestPems.certificate(4))
            .build();

    UnitCertificates mine = UnitCertificates.of("etcd_0", Map.of("easyrsa/0", data)).orElseThrow();

    assertThat(mine.missing(requested))
        .containsExactly(
            key(CertificateType.TOP_LEVEL_SERVER, "10.0.0.1"), key(CertificateType.SERVER, "peer"));
  }

  @Test
  void keepsOnlyCertificatesIssuedForMyKey() throws Exception {
    KeyPair mine = ecKey();
    KeyPair old = ecKey();
    String current = selfSigned(mine, "current");
    String stale = selfSigned(old, "stale");
    TlsProviderData data =
        TlsProviderData.builder(CA)
            .certificate(key(CertificateType.TOP_LEVEL_SERVER, "10.0.0.1"), stale)
            .certificate(key(CertificateType.CLIENT, "c"), current)
            .certificate(key(CertificateType.SERVER, "s"), stale)
            .build();

    UnitCertificates certificates =
        UnitCertificates.of("etcd_0", Map.of("easyrsa/0", data))
            .orElseThrow()
            .forKey(mine.getPublic());

    assertThat(UnitCertificates.certifies(current, mine.getPublic())).isTrue();
    assertThat(UnitCertificates.certifies(stale, mine.getPublic())).isFalse();
    assertThat(UnitCertificates.certifies(TestPems.certificate(9), mine.getPublic())).isFalse();
    assertThat(certificates.serverCertificate()).isEmpty();
    assertThat(certificates.serverCertificates()).isEmpty();
    assertThat(certificates.clientCertificates()).containsOnlyKeys("c");
  }

  private static KeyPair ecKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    return generator.generateKeyPair();
  }

  private static String selfSigned(KeyPair key, String cn) throws Exception {
    X500Name name = new X500Name("CN=" + cn);
    Instant now = Instant.now();
    var holder =
        new JcaX509v3CertificateBuilder(
                name,
                BigInteger.ONE,
                Date.from(now),
                Date.from(now.plusSeconds(3600)),
                name,
                key.getPublic())
            .build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate()));
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(holder);
    }
    return text.toString();
  }
}
