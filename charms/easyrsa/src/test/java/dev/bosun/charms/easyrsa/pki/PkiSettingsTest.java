package dev.bosun.charms.easyrsa.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PkiSettingsTest {
  @Test
  void readsTheCharmDefaults() {
    assertThat(PkiSettings.fromConfig("rsa", 2048, 3650, 825)).isEqualTo(PkiSettings.DEFAULTS);
    assertThat(PkiSettings.DEFAULTS.keySpec()).isEqualTo(KeySpec.RSA_2048);
  }

  @Test
  void ecdsaIgnoresTheKeySize() {
    assertThat(PkiSettings.fromConfig("ecdsa", 1, 10, 5).keySpec()).isEqualTo(KeySpec.ECDSA_P256);
    assertThat(PkiSettings.fromConfig("rsa", 4096, 10, 5).keySpec()).isEqualTo(KeySpec.rsa(4096));
  }

  @Test
  void reportsEveryBadOptionAtOnce() {
    assertThatThrownBy(() -> PkiSettings.fromConfig("dsa", 1024, 0, 40000))
        .isInstanceOf(PkiSettingsException.class)
        .hasMessage(
            "the certificate authority configuration has the following errors:\n"
                + "option \"key-type\": must be \"rsa\" or \"ecdsa\", not \"dsa\"\n"
                + "option \"ca-validity-days\": must be 1 to 36500 days, not 0\n"
                + "option \"certificate-validity-days\": must be 1 to 36500 days, not 40000");
    assertThatThrownBy(() -> PkiSettings.fromConfig("rsa", 1024, 10, 10))
        .hasMessageEndingWith(
            "option \"key-size\": RSA keys must have 2048 to 16384 bits, not 1024");
  }

  @Test
  void keySpecsAreChecked() {
    assertThatThrownBy(() -> KeySpec.rsa(1024))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("RSA keys must have 2048 to 16384 bits, not 1024");
    assertThatThrownBy(() -> new KeySpec(KeyType.ECDSA, 384))
        .hasMessage("ECDSA keys use the P-256 curve (256 bits), not 384");
    assertThat(KeySpec.ECDSA_P256).hasToString("ECDSA P-256");
  }
}
