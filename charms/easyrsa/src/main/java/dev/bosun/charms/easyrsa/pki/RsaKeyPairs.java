package dev.bosun.charms.easyrsa.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * RSA key pairs with public exponent 65537, made as the JDK's own generator makes them (two random
 * probable primes of half the modulus size from {@link BigInteger#probablePrime}, the private
 * exponent and CRT values derived from them) with two differences: the two primes are searched for
 * at the same time, on the calling thread and one other, since the prime search is nearly all of
 * the work and easyrsa's CA key is on the critical path of a deploy (half a second or more of one
 * core in a fresh JVM); and the checks of FIPS 186-4 B.3.1 that the JDK's generator leaves out are
 * made (the primes far enough apart, the private exponent large enough).
 */
final class RsaKeyPairs {
  private static final BigInteger E = RSAKeyGenParameterSpec.F4;

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
    BigInteger minimumDistance = BigInteger.ONE.shiftLeft(bits / 2 - 100);
    BigInteger minimumD = BigInteger.ONE.shiftLeft(bits / 2);
    while (true) {
      CompletableFuture<BigInteger> other = new CompletableFuture<>();
      Thread searcher =
          new Thread(
              () -> {
                try {
                  other.complete(prime(pBits, random));
                } catch (RuntimeException | Error e) {
                  other.completeExceptionally(e);
                }
              },
              "bosun-rsa-prime");
      searcher.setDaemon(true);
      searcher.start();
      BigInteger q = prime(qBits, random);
      BigInteger p;
      try {
        p = other.join();
      } catch (CompletionException e) {
        throw new GeneralSecurityException("cannot search for an RSA prime", e.getCause());
      }
      if (p.compareTo(q) < 0) {
        BigInteger swap = p;
        p = q;
        q = swap;
      }
      BigInteger n = p.multiply(q);
      // Two primes of the right sizes still give a modulus a bit short about a third of the time;
      // the JDK's generator then replaces the smaller prime, and so does this.
      while (n.bitLength() < bits) {
        q = prime(qBits, random);
        if (p.compareTo(q) < 0) {
          BigInteger swap = p;
          p = q;
          q = swap;
        }
        n = p.multiply(q);
      }
      if (p.subtract(q).compareTo(minimumDistance) <= 0) {
        continue;
      }
      BigInteger p1 = p.subtract(BigInteger.ONE);
      BigInteger q1 = q.subtract(BigInteger.ONE);
      BigInteger lambda = p1.divide(p1.gcd(q1)).multiply(q1);
      BigInteger d = E.modInverse(lambda);
      if (d.compareTo(minimumD) <= 0) {
        continue;
      }
      KeyFactory factory = KeyFactory.getInstance("RSA");
      return new KeyPair(
          factory.generatePublic(new RSAPublicKeySpec(n, E)),
          factory.generatePrivate(
              new RSAPrivateCrtKeySpec(n, E, d, p, q, d.mod(p1), d.mod(q1), q.modInverse(p))));
    }
  }

  /** A probable prime of exactly {@code bits} bits whose predecessor is coprime to e. */
  private static BigInteger prime(int bits, SecureRandom random) {
    while (true) {
      BigInteger candidate = BigInteger.probablePrime(bits, random);
      if (candidate.subtract(BigInteger.ONE).gcd(E).equals(BigInteger.ONE)) {
        return candidate;
      }
    }
  }
}
