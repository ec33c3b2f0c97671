package dev.bosun.charms.easyrsa.pki;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.List;

/**
 * A requester's key pair: generated and kept on the requester's machine (mode 0600), never sent.
 * The requester sends {@link #createCsr} instead. {@link #toString()} never shows the key.
 *
 * <pre>{@code
 * RequesterKey key = RequesterKey.generate(KeySpec.ECDSA_P256);
 * key.writeTo(Path.of("/var/snap/etcd/common/server.key")); // 0600, atomic
 * String csrPem = key.createCsr("10.0.0.1", List.of("10.0.0.1", "etcd-0")).pem();
 * }</pre>
 */
public final class RequesterKey {
  private final PrivateKey privateKey;
  private final PublicKey publicKey;

  private RequesterKey(PrivateKey privateKey, PublicKey publicKey) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
  }

  /** Generates a new key pair. */
  public static RequesterKey generate(KeySpec spec) {
    KeyPair keys = Keys.generate(requireNonNull(spec, "spec"));
    if (keys.getPrivate() instanceof java.security.interfaces.ECPrivateKey ec) {
      // The hooks after this one read the key from its file: they find its public key here.
      EC_PUBLIC_KEYS.put(ecKeyId(ec), keys.getPublic());
    }
    return new RequesterKey(keys.getPrivate(), keys.getPublic());
  }

  /**
   * Reads a PEM private key (PKCS#8, or OpenSSL's traditional RSA/EC forms) and derives its public
   * key.
   *
   * @throws PemException when the text is not an unencrypted RSA or EC private key
   */
  public static RequesterKey fromPem(String pem) {
    PrivateKey key = Pem.parsePrivateKey(pem);
    return new RequesterKey(key, publicKeyOf(key));
  }

  /**
   * Reads a key file written by {@link #writeTo}.
   *
   * @throws CaStoreException when the file cannot be read
   * @throws PemException when it does not hold a private key
   */
  public static RequesterKey readFrom(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new CaStoreException(file, "cannot read the key file " + file + ": " + e.getMessage());
    }
    try {
      return fromPem(new String(bytes, StandardCharsets.US_ASCII));
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  static PublicKey publicKeyOf(PrivateKey key) {
    try {
      if (key instanceof RSAPrivateCrtKey rsa) {
        return java.security.KeyFactory.getInstance("RSA")
            .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
      }
      if (key instanceof java.security.interfaces.ECPrivateKey ec) {
        return ecPublicKey(ec);
      }
    } catch (java.security.GeneralSecurityException e) {
      throw new PemException(
          Pem.PRIVATE_KEY, "cannot derive the public key of the " + key.getAlgorithm() + " key");
    }
    throw new PemException(
        Pem.PRIVATE_KEY,
        "the private key is " + key.getAlgorithm() + "; Bosun uses RSA and EC keys");
  }

  /**
   * EC public keys derived in this process, by a digest of the curve and private scalar (never the
   * scalar itself): deriving one is a point multiplication, and a unit reads its keys in every
   * hook.
   */
  private static final DigestCache<PublicKey> EC_PUBLIC_KEYS = new DigestCache<>(256);

  private static PublicKey ecPublicKey(java.security.interfaces.ECPrivateKey key) {
    return EC_PUBLIC_KEYS.byDigest(
        ecKeyId(key),
        () -> {
          try {
            return deriveEcPublicKey(key);
          } catch (java.security.GeneralSecurityException e) {
            throw new PemException(Pem.PRIVATE_KEY, "cannot derive the public key of the EC key");
          }
        });
  }

  /** A SHA-256 digest of the key's curve and private scalar. */
  private static String ecKeyId(java.security.interfaces.ECPrivateKey key) {
    byte[] scalar = key.getS().toByteArray();
    try {
      return DigestCache.digest(
          key.getParams().toString().getBytes(StandardCharsets.UTF_8), scalar);
    } finally {
      Arrays.fill(scalar, (byte) 0);
    }
  }

  private static PublicKey deriveEcPublicKey(java.security.interfaces.ECPrivateKey key)
      throws java.security.GeneralSecurityException {
    java.security.spec.ECParameterSpec params = key.getParams();
    org.bouncycastle.jce.spec.ECParameterSpec bcParams =
        org.bouncycastle.jcajce.provider.asymmetric.util.EC5Util.convertSpec(params);
    org.bouncycastle.math.ec.ECPoint q = bcParams.getG().multiply(key.getS()).normalize();
    java.security.spec.ECPoint point =
        new java.security.spec.ECPoint(
            q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
    return java.security.KeyFactory.getInstance("EC")
        .generatePublic(new java.security.spec.ECPublicKeySpec(point, params));
  }

  /** Returns the public key (what the CSR carries). */
  public PublicKey publicKey() {
    return publicKey;
  }

  /** Returns the private key, to configure TLS in process. Never log or send it. */
  public PrivateKey privateKey() {
    return privateKey;
  }

  /**
   * Returns the private key as unencrypted PKCS#8 PEM, for a service's key file. A secret: prefer
   * {@link #writeTo}, never log or send it.
   */
  public String privateKeyPem() {
    return Pem.privateKey(privateKey);
  }

  /**
   * Writes the private key as PKCS#8 PEM to a file created with mode 0600 before any byte is
   * written, then moved into place atomically (replacing an older key file).
   *
   * @throws CaStoreException when the file cannot be written
   */
  public void writeTo(Path file) {
    byte[] pem = privateKeyPem().getBytes(StandardCharsets.US_ASCII);
    try {
      SecureFiles.writePrivate(file, pem);
    } finally {
      Arrays.fill(pem, (byte) 0);
    }
  }

  /**
   * Creates a certificate signing request for this key: subject {@code CN=<commonName>}, the SANs
   * as an extension request.
   *
   * @throws InvalidNameException when the common name or a SAN is not valid
   */
  public CertificateSigningRequest createCsr(String commonName, List<String> sans) {
    return CertificateSigningRequest.create(
        new KeyPair(publicKey, privateKey), commonName, List.copyOf(sans));
  }

  /** Whether the certificate was issued for this key (its public key is this key's). */
  public boolean certifies(X509Certificate certificate) {
    return Arrays.equals(certificate.getPublicKey().getEncoded(), publicKey.getEncoded());
  }

  /** Describes the key kind; the private key is never shown. */
  @Override
  public String toString() {
    return "RequesterKey[" + Keys.describe(publicKey) + ", private key redacted]";
  }
}
