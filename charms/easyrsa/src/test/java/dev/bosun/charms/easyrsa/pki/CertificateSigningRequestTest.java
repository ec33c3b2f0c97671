package dev.bosun.charms.easyrsa.pki;

import static dev.bosun.charms.easyrsa.pki.TestKeys.EC_KEY;
import static dev.bosun.charms.easyrsa.pki.TestKeys.RSA_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CertificateSigningRequestTest {
  @Test
  void roundTripsThroughPem() {
    CertificateSigningRequest csr =
        EC_KEY.createCsr("etcd-0", List.of("10.0.0.1", "etcd-0", "fd00::2"));

    CertificateSigningRequest parsed = CertificateSigningRequest.parse(csr.pem());

    assertThat(parsed).isEqualTo(csr);
    assertThat(parsed.pem()).startsWith("-----BEGIN CERTIFICATE REQUEST-----\n");
    assertThat(parsed.commonName()).contains("etcd-0");
    assertThat(parsed.publicKey()).isEqualTo(EC_KEY.publicKey());
    assertThat(parsed.requestedNames())
        .extracting(SubjectAlternativeName::toString)
        .containsExactly("IP:10.0.0.1", "DNS:etcd-0", "IP:fd00:0:0:0:0:0:0:2");
    parsed.verify();
  }

  @Test
  void acceptsOpenSslsOlderLabel() {
    String pem =
        RSA_KEY
            .createCsr("a", List.of())
            .pem()
            .replace("CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST");

    assertThat(CertificateSigningRequest.parse(pem).commonName()).contains("a");
  }

  @Test
  void escapesSpecialCharactersInTheSubject() {
    CertificateSigningRequest csr = EC_KEY.createCsr("a,b=c+d", List.of());

    assertThat(CertificateSigningRequest.parse(csr.pem()).commonName()).contains("a\\,b\\=c\\+d");
  }

  @Test
  void refusesAPrivateKeyInPlaceOfACsrWithoutShowingIt() {
    Throwable error =
        org.junit.jupiter.api.Assertions.assertThrows(
            PemException.class, () -> CertificateSigningRequest.parse(RSA_KEY.privateKeyPem()));

    assertThat(error)
        .hasMessage("expected one PEM CERTIFICATE REQUEST block, but found [\"PRIVATE KEY\"]");
    Secrets.assertNoKeyMaterial(error, RSA_KEY.privateKey());
  }

  @Test
  void refusesABlockThatIsNotPkcs10() {
    assertThatThrownBy(
            () ->
                CertificateSigningRequest.parse(
                    "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n"))
        .isInstanceOf(InvalidCsrException.class)
        .hasMessage("the PEM CERTIFICATE REQUEST block is not a PKCS#10 request");
  }

  @Test
  void describesItselfWithoutTheKey() {
    CertificateSigningRequest csr = RSA_KEY.createCsr("etcd-0", List.of());

    assertThat(csr.toString()).isEqualTo("CertificateSigningRequest[CN=etcd-0, RSA 2048]");
    Secrets.assertNoKeyMaterial(csr.toString(), RSA_KEY.privateKey());
  }
}
