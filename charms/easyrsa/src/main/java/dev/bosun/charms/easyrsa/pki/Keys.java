package dev.bosun.charms.easyrsa.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Optional;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Key generation, signature algorithms and key descriptions, with the JDK's providers. RSA keys
 * come from OpenSSL when the machine has {@code openssl} ({@link OpenSslKeyPairs}), else from
 * {@link RsaKeyPairs}; EC keys from the JDK.
 */
final class Keys {
  static final SecureRandom RANDOM = new SecureRandom();

  private Keys() {}

  static KeyPair generate(KeySpec spec) {
    try {
      if (spec.type() == KeyType.RSA) {
        Optional<KeyPair> fromOpenSsl =
            OpenSslKeyPairs.onPath()
                .flatMap(openssl -> OpenSslKeyPairs.generate(openssl, spec.bits()));
        return fromOpenSsl.isPresent()
            ? fromOpenSsl.get()
            : RsaKeyPairs.generate(spec.bits(), RANDOM);
      }
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new PkiException("cannot generate a " + spec + " key: " + e.getMessage(), e);
    }
  }

  static String signatureAlgorithm(PrivateKey key) {
    return switch (key.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      default -> throw new PkiException("unsupported key algorithm " + key.getAlgorithm());
    };
  }

  static ContentSigner signer(PrivateKey key) {
    try {
      return new JcaContentSignerBuilder(signatureAlgorithm(key)).build(key);
    } catch (OperatorCreationException e) {
      throw new PkiException("cannot sign with the " + key.getAlgorithm() + " key", e);
    }
  }

  /**
   * Whether the private key belongs to the public key: compares the public key the private key
   * carries or implies (an RSA CRT key's modulus and exponent, an EC key's point) with it, and for
   * any other key signs a random challenge and verifies it. The comparison costs microseconds where
   * a 2048-bit RSA signature costs milliseconds, and a CA is loaded in most of its hooks.
   */
  static boolean matches(PrivateKey privateKey, PublicKey publicKey) {
    if (!privateKey.getAlgorithm().equals(publicKey.getAlgorithm())) {
      return false;
    }
    if ((privateKey instanceof java.security.interfaces.RSAPrivateCrtKey
            || privateKey instanceof java.security.interfaces.ECPrivateKey)
        && (publicKey instanceof java.security.interfaces.RSAPublicKey
            || publicKey instanceof java.security.interfaces.ECPublicKey)) {
      try {
        return java.util.Arrays.equals(
            RequesterKey.publicKeyOf(privateKey).getEncoded(), publicKey.getEncoded());
      } catch (PemException e) {
        return false;
      }
    }
    try {
      byte[] challenge = new byte[32];
      RANDOM.nextBytes(challenge);
      Signature signer = Signature.getInstance(signatureAlgorithm(privateKey));
      signer.initSign(privateKey);
      signer.update(challenge);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(signatureAlgorithm(privateKey));
      verifier.initVerify(publicKey);
      verifier.update(challenge);
      return verifier.verify(signature);
    } catch (GeneralSecurityException | PkiException e) {
      return false;
    }
  }

  /** Describes a key without its material: {@code RSA 2048} or {@code EC 256}. */
  static String describe(java.security.Key key) {
    if (key instanceof RSAKey rsa) {
      return "RSA " + rsa.getModulus().bitLength();
    }
    if (key instanceof ECKey ec) {
      return "EC " + ec.getParams().getCurve().getField().getFieldSize();
    }
    return key.getAlgorithm();
  }
}
