package dev.bosun.charms.easyrsa.pki;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * A search for random probable primes shared by several threads, for RSA keys.
 *
 * <p>Each searcher does what {@link BigInteger#probablePrime} does: it picks a random odd number of
 * the size asked for, sieves the odd numbers after it with the odd primes below 2<sup>14</sup>, and
 * tests the survivors in order with {@link BigInteger#isProbablePrime} at certainty 100 (the JDK's
 * Miller–Rabin rounds and Lucas test). Two differences: the two top bits of every candidate are
 * set, as OpenSSL sets them, so a product of two primes has exactly the sum of their sizes and each
 * prime is above √2·2<sup>bits−1</sup> (FIPS 186-4 B.3.1); and the searchers share one result list
 * and stop between two candidates once it is full. Finding two primes this way takes as long on
 * average as finding one alone, where one searcher per prime waits for the slower of the two, and a
 * search never runs on after its key is made.
 */
final class PrimeSearch {
  /** Odd numbers sieved per window: about six primes per window at 1,024 bits. */
  private static final int WINDOW = 2048;

  private static final int[] SIEVE_PRIMES = oddPrimesBelow(1 << 14);

  private final int bits;
  private final BigInteger exponent;
  private final SecureRandom random;
  private final int wanted;
  private final List<BigInteger> found = new ArrayList<>();
  private Throwable failure;

  private PrimeSearch(int wanted, int bits, BigInteger exponent, SecureRandom random) {
    this.wanted = wanted;
    this.bits = bits;
    this.exponent = exponent;
    this.random = random;
  }

  /**
   * Returns {@code wanted} distinct probable primes of exactly {@code bits} bits (at least 64), the
   * two top bits set, each {@code p} with {@code p - 1} coprime to {@code exponent}; searched for
   * on the calling thread and {@code helpers} daemon threads, which end once the primes are found.
   *
   * @throws IllegalStateException when a helper thread failed (never expected)
   */
  static List<BigInteger> find(
      int wanted, int bits, BigInteger exponent, SecureRandom random, int helpers) {
    if (bits < 64) {
      throw new IllegalArgumentException("primes searched for have at least 64 bits, not " + bits);
    }
    PrimeSearch search = new PrimeSearch(wanted, bits, exponent, random);
    for (int i = 0; i < helpers; i++) {
      Thread helper = new Thread(search::searchSafely, "bosun-prime-search-" + i);
      helper.setDaemon(true);
      helper.start();
    }
    // Returns once the list is full or a helper failed: the calling thread searches until then.
    search.search();
    synchronized (search) {
      if (search.failure != null) {
        throw new IllegalStateException("a prime search thread failed", search.failure);
      }
      return List.copyOf(search.found.subList(0, wanted));
    }
  }

  private void searchSafely() {
    try {
      search();
    } catch (RuntimeException | Error e) {
      synchronized (this) {
        failure = e;
      }
    }
  }

  /** Searches window after window until the list is full or a searcher failed. */
  private void search() {
    boolean[] composite = new boolean[WINDOW];
    while (!finished()) {
      BigInteger base = new BigInteger(bits, random).setBit(bits - 1).setBit(bits - 2).setBit(0);
      sieve(base, composite);
      for (int i = 0; i < WINDOW && !finished(); i++) {
        if (composite[i]) {
          continue;
        }
        BigInteger candidate = base.add(BigInteger.valueOf(2L * i));
        if (candidate.bitLength() > bits) {
          break;
        }
        if (candidate.isProbablePrime(100)
            && candidate.subtract(BigInteger.ONE).gcd(exponent).equals(BigInteger.ONE)) {
          offer(candidate);
        }
      }
    }
  }

  private synchronized boolean finished() {
    return failure != null || found.size() >= wanted;
  }

  private synchronized void offer(BigInteger prime) {
    if (found.size() < wanted && !found.contains(prime)) {
      found.add(prime);
    }
  }

  /** Marks {@code composite[i]} when {@code base + 2i} has an odd prime factor below 2^14. */
  private static void sieve(BigInteger base, boolean[] composite) {
    java.util.Arrays.fill(composite, false);
    for (int p : SIEVE_PRIMES) {
      int remainder = base.mod(BigInteger.valueOf(p)).intValue();
      // base + 2i = 0 (mod p) when i = (p - remainder) / 2 (mod p); 2's inverse is (p + 1) / 2
      int first = (int) ((long) ((p - remainder) % p) * ((p + 1) / 2) % p);
      for (int i = first; i < composite.length; i += p) {
        composite[i] = true;
      }
    }
  }

  private static int[] oddPrimesBelow(int limit) {
    boolean[] divisible = new boolean[limit];
    List<Integer> primes = new ArrayList<>();
    for (int n = 3; n < limit; n += 2) {
      if (!divisible[n]) {
        primes.add(n);
        for (long m = (long) n * n; m < limit; m += 2L * n) {
          divisible[(int) m] = true;
        }
      }
    }
    return primes.stream().mapToInt(Integer::intValue).toArray();
  }
}
