package dev.bosun.charms.easyrsa.pki;

import static dev.bosun.charms.easyrsa.pki.RsaKeyAssertions.assertSoundRsaKey;
import static java.math.BigInteger.ONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
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
  void theFipsBoundsHoldOnlyStrictly() {
    BigInteger q = BigInteger.ONE.shiftLeft(1023);
    BigInteger distance = BigInteger.ONE.shiftLeft(1024 - 100);
    BigInteger d = BigInteger.ONE.shiftLeft(1024);

    assertThat(RsaKeyPairs.meetsFipsBounds(q.add(distance).add(ONE), q, d.add(ONE), 2048)).isTrue();
    assertThat(RsaKeyPairs.meetsFipsBounds(q, q.add(distance).add(ONE), d.add(ONE), 2048))
        .as("either order of the primes")
        .isTrue();
    assertThat(RsaKeyPairs.meetsFipsBounds(q.add(distance), q, d.add(ONE), 2048))
        .as("primes too close")
        .isFalse();
    assertThat(RsaKeyPairs.meetsFipsBounds(q.add(distance).add(ONE), q, d, 2048))
        .as("private exponent too small")
        .isFalse();
  }

  @Test
  void refusesKeysTooSmallToBeRsaKeys() {
    assertThatThrownBy(() -> RsaKeyPairs.generate(256, RANDOM))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 512 bits");
  }
}
