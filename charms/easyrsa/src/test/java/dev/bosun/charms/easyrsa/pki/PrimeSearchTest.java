package dev.bosun.charms.easyrsa.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link PrimeSearch}: distinct probable primes of the exact size, found by racing searchers. */
class PrimeSearchTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final BigInteger E = BigInteger.valueOf(65537);

  @Test
  void findsDistinctPrimesOfTheSizeWithTheTwoTopBitsSet() {
    List<BigInteger> primes = PrimeSearch.find(6, 256, E, RANDOM, 1);

    assertThat(primes).hasSize(6).doesNotHaveDuplicates();
    assertThat(primes)
        .allSatisfy(
            p -> {
              assertThat(p.bitLength()).isEqualTo(256);
              assertThat(p.testBit(255)).isTrue();
              assertThat(p.testBit(254)).isTrue();
              assertThat(p.isProbablePrime(100)).isTrue();
              assertThat(p.subtract(BigInteger.ONE).gcd(E)).isEqualTo(BigInteger.ONE);
            });
  }

  @Test
  void skipsPrimesWhosePredecessorSharesAFactorWithTheExponent() {
    // With e = 3, about half the primes p have 3 | p - 1; none of those may come back.
    List<BigInteger> primes = PrimeSearch.find(20, 64, BigInteger.valueOf(3), RANDOM, 0);

    assertThat(primes)
        .hasSize(20)
        .allSatisfy(
            p -> assertThat(p.subtract(BigInteger.ONE).mod(BigInteger.valueOf(3))).isNotZero());
  }

  @Test
  void searchesOnTheCallingThreadAloneWhenGivenNoHelpers() {
    assertThat(PrimeSearch.find(2, 128, E, RANDOM, 0)).hasSize(2).doesNotHaveDuplicates();
  }

  @Test
  void refusesSizesTooSmallToSieve() {
    assertThatThrownBy(() -> PrimeSearch.find(1, 32, E, RANDOM, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 64 bits");
  }
}
