package dev.bosun.charms.easyrsa.pki;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RSA key pairs from OpenSSL's generator ({@code openssl genpkey}), as the original easyrsa charm
 * makes its CA key (EasyRSA's scripts run {@code openssl}). OpenSSL's prime search runs in native
 * code with assembler multiplication: a 2048-bit key takes a tenth to a half of a second, where the
 * JDK's, in a JVM whose JIT compiler has not yet compiled {@link BigInteger}'s arithmetic, takes
 * one to three. Two generators race and the first key wins, which cuts the long tail of the prime
 * search.
 *
 * <p>The key reaches the JVM through a pipe, in DER, and is never written to a file. Every key is
 * checked before use (modulus size, public exponent 65537, p·q = n, and FIPS 186-4 B.3.1: primes
 * far enough apart, private exponent large enough); a machine without {@code openssl}, a failed or
 * slow run, or a key that fails a check gives {@link Optional#empty()} and the caller falls back to
 * {@link RsaKeyPairs}.
 */
final class OpenSslKeyPairs {
  private static final Logger LOG = LoggerFactory.getLogger(OpenSslKeyPairs.class);

  private static final BigInteger E = RSAKeyGenParameterSpec.F4;

  /** Generators started at once; the machines Bosun targets have two cores. */
  private static final int RACERS = 2;

  /**
   * How long a 2048-bit key may take, a hundred times the usual; it grows with the fourth power of
   * the size, as the prime search does. Past it the JDK's generator is used instead.
   */
  private static final long TIMEOUT_SECONDS_AT_2048 = 30;

  private OpenSslKeyPairs() {}

  /** The {@code openssl} executable on the {@code PATH}, if any. */
  static Optional<Path> onPath() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String directory : path.split(File.pathSeparator)) {
      if (directory.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(directory, "openssl");
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * Generates a key pair whose modulus has exactly {@code bits} bits with the given {@code openssl}
   * executable; empty when it cannot (see the class description). Never throws for a failure of the
   * executable; the reason is logged at debug level, without key material.
   */
  static Optional<KeyPair> generate(Path openssl, int bits) {
    List<Process> processes = new ArrayList<>();
    try {
      for (int i = 0; i < RACERS; i++) {
        processes.add(
            new ProcessBuilder(
                    openssl.toString(),
                    "genpkey",
                    "-algorithm",
                    "RSA",
                    "-pkeyopt",
                    "rsa_keygen_bits:" + bits,
                    "-pkeyopt",
                    "rsa_keygen_pubexp:65537",
                    "-outform",
                    "DER")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start());
      }
      List<Process> running = new ArrayList<>(processes);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds(bits));
      while (!running.isEmpty()) {
        // A DER key is far smaller than a pipe's buffer, so a generator exits without a reader.
        Process done = firstToExit(running, deadline - System.nanoTime());
        running.remove(done);
        Optional<KeyPair> keys = read(done, bits);
        if (keys.isPresent()) {
          return keys;
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      LOG.debug("cannot run {}: {}", openssl, e.getMessage());
      return Optional.empty();
    } catch (TimeoutException e) {
      LOG.debug("{} took more than {} s to generate a key", openssl, timeoutSeconds(bits));
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } finally {
      processes.forEach(Process::destroyForcibly);
    }
  }

  static long timeoutSeconds(int bits) {
    long scale = Math.max(1, bits / 2048);
    return TIMEOUT_SECONDS_AT_2048 * scale * scale * scale * scale;
  }

  private static Process firstToExit(List<Process> running, long nanos)
      throws InterruptedException, TimeoutException {
    CompletableFuture<?>[] exits =
        running.stream().map(Process::onExit).toArray(CompletableFuture<?>[]::new);
    try {
      return (Process) CompletableFuture.anyOf(exits).get(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a process's exit cannot fail", e);
    }
  }

  private static Optional<KeyPair> read(Process process, int bits) {
    byte[] der;
    try (InputStream out = process.getInputStream()) {
      der = out.readAllBytes();
    } catch (IOException e) {
      LOG.debug("cannot read the key from openssl: {}", e.getMessage());
      return Optional.empty();
    }
    try {
      if (process.exitValue() != 0) {
        LOG.debug("openssl genpkey exited with {}", process.exitValue());
        return Optional.empty();
      }
      return checked(der, bits);
    } finally {
      Arrays.fill(der, (byte) 0);
    }
  }

  /**
   * The key pair in {@code der} — PKCS#1, as {@code openssl genpkey -outform DER} writes an RSA
   * key, or PKCS#8 — when it is a sound RSA key of {@code bits} bits.
   */
  static Optional<KeyPair> checked(byte[] der, int bits) {
    try {
      RSAPrivateCrtKey key = parse(der);
      BigInteger n = key.getModulus();
      BigInteger p = key.getPrimeP();
      BigInteger q = key.getPrimeQ();
      BigInteger d = key.getPrivateExponent();
      BigInteger p1 = p.subtract(BigInteger.ONE);
      BigInteger q1 = q.subtract(BigInteger.ONE);
      boolean sound =
          n.bitLength() == bits
              && E.equals(key.getPublicExponent())
              && p.multiply(q).equals(n)
              && RsaKeyPairs.meetsFipsBounds(p, q, d, bits)
              && E.multiply(d).mod(p1).equals(BigInteger.ONE)
              && E.multiply(d).mod(q1).equals(BigInteger.ONE)
              && key.getPrimeExponentP().equals(d.mod(p1))
              && key.getPrimeExponentQ().equals(d.mod(q1))
              && key.getCrtCoefficient().multiply(q).mod(p).equals(BigInteger.ONE);
      if (!sound) {
        LOG.debug("openssl's key fails the size, consistency or FIPS 186-4 checks; not used");
        return Optional.empty();
      }
      return Optional.of(
          new KeyPair(
              KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, E)), key));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      LOG.debug("openssl's output is not an RSA private key: {}", e.getMessage());
      return Optional.empty();
    }
  }

  private static RSAPrivateCrtKey parse(byte[] der) throws GeneralSecurityException {
    KeyFactory factory = KeyFactory.getInstance("RSA");
    ASN1Sequence sequence = ASN1Sequence.getInstance(der);
    java.security.PrivateKey key;
    if (sequence.size() >= 9) {
      RSAPrivateKey pkcs1 = RSAPrivateKey.getInstance(sequence);
      key =
          factory.generatePrivate(
              new RSAPrivateCrtKeySpec(
                  pkcs1.getModulus(),
                  pkcs1.getPublicExponent(),
                  pkcs1.getPrivateExponent(),
                  pkcs1.getPrime1(),
                  pkcs1.getPrime2(),
                  pkcs1.getExponent1(),
                  pkcs1.getExponent2(),
                  pkcs1.getCoefficient()));
    } else {
      key = factory.generatePrivate(new PKCS8EncodedKeySpec(der));
    }
    if (key instanceof RSAPrivateCrtKey crt) {
      return crt;
    }
    throw new InvalidKeySpecException("not an RSA private key with CRT values");
  }
}
