package dev.bosun.charms.easyrsa.pki;

import static dev.bosun.charms.easyrsa.pki.RsaKeyAssertions.assertSoundRsaKey;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** {@link RsaKeyPairs}: RSA keys whose parts are consistent and that sign and verify. */
class RsaKeyPairsTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  @RepeatedTest(3)
  void makesAConsistentCrtKeyOfTheExactSize() throws Exception {
    assertSoundRsaKey(RsaKeyPairs.generate(2048, RANDOM), 2048);
  }

  @Test
  void makesOddSizesExactlyToo() throws Exception {
    assertSoundRsaKey(RsaKeyPairs.generate(1025, RANDOM), 1025);
  }

  @Test
  void refusesKeysTooSmallToBeRsaKeys() {
    assertThatThrownBy(() -> RsaKeyPairs.generate(256, RANDOM))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 512 bits");
  }
}
