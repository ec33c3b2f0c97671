package dev.bosun.charms.easyrsa.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.List;

/**
 * RSA key pairs with public exponent 65537, made as the JDK's own generator makes them (two random
 * probable primes of half the modulus size, the private exponent and CRT values derived from them)
 * with two differences: the primes come from a {@link PrimeSearch} on the calling thread and one
 * other, since the prime search is nearly all of the work and easyrsa's CA key is on the critical
 * path of a deploy (half a second or more of one core in a fresh JVM); and the checks of FIPS 186-4
 * B.3.1 that the JDK's generator leaves out are made (the primes far enough apart, the private
 * exponent large enough). The primes' two top bits are set, so the modulus always has the size
 * asked for.
 */
final class RsaKeyPairs {
  private static final BigInteger E = RSAKeyGenParameterSpec.F4;

  /** Searchers beside the calling thread: the machines Bosun targets have two cores. */
  private static final int HELPERS = 1;

  private RsaKeyPairs() {}

  /**
   * Generates a key pair whose modulus has exactly {@code bits} bits.
   *
   * @throws GeneralSecurityException when the JDK refuses the key material (never expected)
   * @throws IllegalArgumentException when {@code bits} is under 512
   */
  static KeyPair generate(int bits, SecureRandom random) throws GeneralSecurityException {
    if (bits < 512) {
      throw new IllegalArgumentException("RSA keys have at least 512 bits, not " + bits);
    }
    int pBits = (bits + 1) / 2;
    int qBits = bits - pBits;
    while (true) {
      BigInteger p;
      BigInteger q;
      if (pBits == qBits) {
        List<BigInteger> primes = PrimeSearch.find(2, pBits, E, random, HELPERS);
        p = primes.get(0).max(primes.get(1));
        q = primes.get(0).min(primes.get(1));
      } else {
        p = PrimeSearch.find(1, pBits, E, random, HELPERS).get(0);
        q = PrimeSearch.find(1, qBits, E, random, HELPERS).get(0);
      }
      // p > q: the larger of two primes of one size, or the prime with more bits (top bits set)
      BigInteger n = p.multiply(q);
      BigInteger p1 = p.subtract(BigInteger.ONE);
      BigInteger q1 = q.subtract(BigInteger.ONE);
      BigInteger lambda = p1.divide(p1.gcd(q1)).multiply(q1);
      BigInteger d = E.modInverse(lambda);
      if (!meetsFipsBounds(p, q, d, bits)) {
        continue;
      }
      KeyFactory factory = KeyFactory.getInstance("RSA");
      return new KeyPair(
          factory.generatePublic(new RSAPublicKeySpec(n, E)),
          factory.generatePrivate(
              new RSAPrivateCrtKeySpec(n, E, d, p, q, d.mod(p1), d.mod(q1), q.modInverse(p))));
    }
  }

  /**
   * Whether the primes and the private exponent of a {@code bits}-bit key meet the bounds of FIPS
   * 186-4 B.3.1 that the JDK's generator leaves unchecked: |p − q| &gt; 2<sup>bits/2 − 100</sup>
   * and d &gt; 2<sup>bits/2</sup>.
   */
  static boolean meetsFipsBounds(BigInteger p, BigInteger q, BigInteger d, int bits) {
    return p.subtract(q).abs().compareTo(BigInteger.ONE.shiftLeft(bits / 2 - 100)) > 0
        && d.compareTo(BigInteger.ONE.shiftLeft(bits / 2)) > 0;
  }
}
