package dev.bosun.charms.easyrsa.pki;

import dev.bosun.charm.WarmUp;
import java.util.List;

/**
 * Exercises the PKI code of easyrsa's and its requesters' first hooks — BouncyCastle's ASN.1 and
 * certificate builders, the JDK's EC keys and signatures, PEM — with a throwaway P-256 CA that
 * signs a server certificate for a throwaway key; nothing is kept. (An RSA key would cost more to
 * make than warming up saves.)
 */
public final class PkiWarmUp implements WarmUp {
  private static final String NAME = "bosun-warm-up";

  /** Creates the warm-up; {@link java.util.ServiceLoader} calls this. */
  public PkiWarmUp() {}

  @Override
  public void run() {
    CertificateAuthority ca =
        CertificateAuthority.create(NAME, new PkiSettings(KeySpec.ECDSA_P256, 1, 1));
    RequesterKey key = RequesterKey.generate(KeySpec.ECDSA_P256);
    List<String> names = List.of("127.0.0.1", NAME);
    ca.signServerCertificate(key.createCsr(NAME, names), NAME, names, 1);
    key.privateKeyPem();
    ca.certificatePem();
  }
}
