package dev.bosun.charms.easyrsa.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;

/** What every RSA key pair Bosun makes must satisfy, whichever generator made it. */
final class RsaKeyAssertions {
  private RsaKeyAssertions() {}

  /**
   * The parts are consistent, the modulus has exactly {@code bits} bits, the FIPS 186-4 B.3.1
   * bounds hold, and the pair signs and verifies.
   */
  static void assertSoundRsaKey(KeyPair pair, int bits) throws Exception {
    RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();
    RSAPrivateCrtKey key = (RSAPrivateCrtKey) pair.getPrivate();
    BigInteger p = key.getPrimeP();
    BigInteger q = key.getPrimeQ();
    BigInteger p1 = p.subtract(BigInteger.ONE);
    BigInteger q1 = q.subtract(BigInteger.ONE);

    assertThat(publicKey.getModulus().bitLength()).isEqualTo(bits);
    assertThat(publicKey.getPublicExponent()).isEqualTo(BigInteger.valueOf(65537));
    assertThat(p.multiply(q)).isEqualTo(publicKey.getModulus());
    assertThat(p.isProbablePrime(64)).isTrue();
    assertThat(q.isProbablePrime(64)).isTrue();
    assertThat(p.subtract(q).abs()).isGreaterThan(BigInteger.ONE.shiftLeft(bits / 2 - 100));
    assertThat(key.getPrivateExponent()).isGreaterThan(BigInteger.ONE.shiftLeft(bits / 2));
    // e * d = 1 modulo both p - 1 and q - 1, so decryption undoes encryption
    BigInteger ed = key.getPublicExponent().multiply(key.getPrivateExponent());
    assertThat(ed.mod(p1)).isEqualTo(BigInteger.ONE);
    assertThat(ed.mod(q1)).isEqualTo(BigInteger.ONE);
    assertThat(key.getPrimeExponentP()).isEqualTo(key.getPrivateExponent().mod(p1));
    assertThat(key.getPrimeExponentQ()).isEqualTo(key.getPrivateExponent().mod(q1));
    assertThat(key.getCrtCoefficient().multiply(q).mod(p)).isEqualTo(BigInteger.ONE);

    byte[] message = "certificate".getBytes(StandardCharsets.US_ASCII);
    Signature signer = Signature.getInstance("SHA256withRSA");
    signer.initSign(key);
    signer.update(message);
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(publicKey);
    verifier.update(message);
    assertThat(verifier.verify(signature)).isTrue();
  }
}
