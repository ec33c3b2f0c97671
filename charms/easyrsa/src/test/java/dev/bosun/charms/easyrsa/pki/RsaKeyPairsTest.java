package dev.bosun.charms.easyrsa.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** {@link RsaKeyPairs}: RSA keys whose parts are consistent and that sign and verify. */
class RsaKeyPairsTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  @RepeatedTest(3)
  void makesAConsistentCrtKeyOfTheExactSize() throws Exception {
    KeyPair pair = RsaKeyPairs.generate(2048, RANDOM);
    RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();
    RSAPrivateCrtKey key = (RSAPrivateCrtKey) pair.getPrivate();
    BigInteger p = key.getPrimeP();
    BigInteger q = key.getPrimeQ();
    BigInteger p1 = p.subtract(BigInteger.ONE);
    BigInteger q1 = q.subtract(BigInteger.ONE);

    assertThat(publicKey.getModulus().bitLength()).isEqualTo(2048);
    assertThat(publicKey.getPublicExponent()).isEqualTo(BigInteger.valueOf(65537));
    assertThat(p.multiply(q)).isEqualTo(publicKey.getModulus());
    assertThat(p.isProbablePrime(64)).isTrue();
    assertThat(q.isProbablePrime(64)).isTrue();
    assertThat(p.subtract(q).abs()).isGreaterThan(BigInteger.ONE.shiftLeft(1024 - 100));
    assertThat(key.getPrivateExponent()).isGreaterThan(BigInteger.ONE.shiftLeft(1024));
    // e * d = 1 modulo both p - 1 and q - 1, so decryption undoes encryption
    BigInteger ed = key.getPublicExponent().multiply(key.getPrivateExponent());
    assertThat(ed.mod(p1)).isEqualTo(BigInteger.ONE);
    assertThat(ed.mod(q1)).isEqualTo(BigInteger.ONE);
    assertThat(key.getPrimeExponentP()).isEqualTo(key.getPrivateExponent().mod(p1));
    assertThat(key.getPrimeExponentQ()).isEqualTo(key.getPrivateExponent().mod(q1));
    assertThat(key.getCrtCoefficient().multiply(q).mod(p)).isEqualTo(BigInteger.ONE);

    byte[] message = "certificate".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    Signature signer = Signature.getInstance("SHA256withRSA");
    signer.initSign(key);
    signer.update(message);
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(publicKey);
    verifier.update(message);
    assertThat(verifier.verify(signature)).isTrue();
  }

  @Test
  void makesOddSizesExactlyToo() throws Exception {
    assertThat(((RSAPublicKey) RsaKeyPairs.generate(1025, RANDOM).getPublic()).getModulus())
        .satisfies(n -> assertThat(n.bitLength()).isEqualTo(1025));
  }

  @Test
  void refusesKeysTooSmallToBeRsaKeys() {
    assertThatThrownBy(() -> RsaKeyPairs.generate(256, RANDOM))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 512 bits");
  }
}
