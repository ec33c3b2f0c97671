package dev.bosun.charms.easyrsa.pki;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** Shared fixtures: keys are slow to generate, so the common ones are made once. */
final class TestKeys {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:15:30Z"), ZoneOffset.UTC);
  static final CertificateAuthority RSA_CA =
      CertificateAuthority.create("10.0.0.5", PkiSettings.DEFAULTS, CLOCK);
  static final CertificateAuthority EC_CA =
      CertificateAuthority.create(
          "easyrsa-ec", new PkiSettings(KeySpec.ECDSA_P256, 3650, 825), CLOCK);
  static final RequesterKey RSA_KEY = RequesterKey.generate(KeySpec.RSA_2048);
  static final RequesterKey EC_KEY = RequesterKey.generate(KeySpec.ECDSA_P256);

  private TestKeys() {}

  static CertificateSigningRequest csr(RequesterKey key, String cn) {
    return key.createCsr(cn, List.of());
  }

  /** A CSR made directly with BouncyCastle, for keys and signatures Bosun would not produce. */
  static CertificateSigningRequest rawCsr(
      KeyPair subjectKey, KeyPair signingKey, String cn, String algorithm) throws Exception {
    PKCS10CertificationRequest request =
        new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + cn), subjectKey.getPublic())
            .build(new JcaContentSignerBuilder(algorithm).build(signingKey.getPrivate()));
    return CertificateSigningRequest.parse(Pem.encode("CERTIFICATE REQUEST", request.getEncoded()));
  }

  static KeyPair keyPair(String algorithm, int bits) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
    generator.initialize(bits);
    return generator.generateKeyPair();
  }
}
