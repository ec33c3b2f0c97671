package dev.bosun.interfaces.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bosun.interfaces.InvalidInterfaceDataException;
import dev.bosun.interfaces.TestPems;
import org.junit.jupiter.api.Test;

class PemTextTest {
  @Test
  void detectsEveryKindOfPrivateKeyBlock() {
    for (String label :
        new String[] {
          "PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "ENCRYPTED PRIVATE KEY"
        }) {
      String pem = TestPems.block(label, 1, 100);
      assertThat(PemText.containsPrivateKey(pem)).as(label).isTrue();
      assertThatThrownBy(() -> PemText.requireCertificates("ca", TestPems.certificate(1) + pem))
          .isInstanceOf(InvalidInterfaceDataException.class)
          .hasMessageNotContaining(TestPems.body(pem).substring(0, 30));
    }
    assertThat(PemText.containsPrivateKey(TestPems.certificate(1))).isFalse();
    assertThat(PemText.containsPrivateKey(TestPems.block("PUBLIC KEY", 1, 100))).isFalse();
  }

  @Test
  void acceptsChainsOfCertificates() {
    String chain = TestPems.certificate(1) + TestPems.certificate(2);

    assertThat(PemText.blocks("chain", chain)).hasSize(2);
    assertThat(PemText.requireCertificates("chain", chain)).isEqualTo(chain);
  }

  @Test
  void rejectsBrokenPemWithReasons() {
    assertThatThrownBy(() -> PemText.blocks("ca", ""))
        .hasMessage("ca: must be PEM text, but is empty");
    assertThatThrownBy(
            () ->
                PemText.blocks(
                    "ca", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE REQUEST-----"))
        .hasMessage("ca: PEM block \"BEGIN CERTIFICATE\" ends with \"END CERTIFICATE REQUEST\"");
    assertThatThrownBy(
            () ->
                PemText.blocks("ca", "-----BEGIN CERTIFICATE-----\nA*A\n-----END CERTIFICATE-----"))
        .hasMessage("ca: holds a PEM block that is not terminated or whose body is not base64");
    assertThatThrownBy(
            () ->
                PemText.blocks("ca", TestPems.certificate(1) + "-----BEGIN CERTIFICATE-----\nAAAA"))
        .hasMessage("ca: holds a PEM block that is not terminated or whose body is not base64");
  }

  @Test
  void comparesCertificatesByTheirBytes() {
    String pem = TestPems.certificate(1);

    assertThat(PemText.sameCertificate(pem, pem.replace("\n", "\r\n"))).isTrue();
    assertThat(PemText.sameCertificate(pem, TestPems.certificate(2))).isFalse();
    assertThat(PemText.sameCertificate(pem, "garbage")).isFalse();
  }

  @Test
  void describesWithoutContent() {
    String pem = TestPems.certificate(1) + TestPems.certificate(2);

    assertThat(PemText.describe(pem))
        .isEqualTo("<PEM CERTIFICATE + CERTIFICATE, " + pem.length() + " chars>");
  }
}
