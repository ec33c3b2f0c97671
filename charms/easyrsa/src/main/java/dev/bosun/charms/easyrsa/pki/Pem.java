package dev.bosun.charms.easyrsa.pki;

import dev.bosun.interfaces.internal.PemText;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * PEM encoding and decoding of certificates and PKCS#8 private keys (certificate signing requests:
 * {@link CertificateSigningRequest}). Errors name PEM labels only and never repeat the text, which
 * may be a private key.
 */
public final class Pem {
  static final String CERTIFICATE = "CERTIFICATE";
  static final String PRIVATE_KEY = "PRIVATE KEY";

  /**
   * Keys and certificates parsed in this process, by a digest of their PEM text or DER: units read
   * their key, their certificates and the CA in every hook, and parsing a key or a certificate in
   * code the JIT has not compiled yet costs milliseconds.
   */
  private static final DigestCache<PrivateKey> PRIVATE_KEYS = new DigestCache<>(256);

  private static final DigestCache<X509Certificate> CERTIFICATES = new DigestCache<>(1024);

  private Pem() {}

  /** One PEM block: label and DER bytes. */
  record Block(String label, byte[] der) {}

  /** Encodes DER bytes as a PEM block with 64-character lines and a final newline. */
  static String encode(String label, byte[] der) {
    return "-----BEGIN "
        + label
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + label
        + "-----\n";
  }

  /** Returns every PEM block of the text; text between blocks is ignored (as OpenSSL does). */
  static List<Block> blocks(String expected, String text) {
    if (text == null || text.isBlank()) {
      throw new PemException(expected, "expected PEM " + expected + ", but the text is empty");
    }
    List<Block> blocks = new ArrayList<>();
    for (PemText.Found found : PemText.scan(text).blocks()) {
      if (!found.lineBreakAfterBegin()) {
        continue; // not a BEGIN line: text between blocks
      }
      if (!found.label().equals(found.endLabel())) {
        throw new PemException(
            expected,
            "PEM block \"BEGIN " + found.label() + "\" ends with \"END " + found.endLabel() + "\"");
      }
      byte[] der;
      try {
        der = Base64.getMimeDecoder().decode(found.body());
      } catch (IllegalArgumentException e) {
        throw new PemException(
            expected, "the body of PEM block \"" + found.label() + "\" is not base64");
      }
      blocks.add(new Block(found.label(), der));
    }
    if (blocks.isEmpty()) {
      throw new PemException(expected, "expected PEM " + expected + ", but found no PEM block");
    }
    return blocks;
  }

  /** Returns the one block with the expected label (other blocks are an error). */
  static byte[] single(String expected, List<String> labels, String text) {
    List<Block> blocks = blocks(expected, text);
    if (blocks.size() != 1 || !labels.contains(blocks.get(0).label())) {
      throw new PemException(
          expected,
          "expected one PEM "
              + expected
              + " block, but found "
              + blocks.stream().map(b -> "\"" + b.label() + "\"").toList());
    }
    return blocks.get(0).der();
  }

  /** Encodes a certificate as PEM. */
  public static String certificate(X509Certificate certificate) {
    try {
      return encode(CERTIFICATE, certificate.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new PemException(CERTIFICATE, "the certificate cannot be encoded: " + e.getMessage());
    }
  }

  /**
   * Decodes exactly one PEM certificate.
   *
   * @throws PemException when the text holds anything else, or more than one block
   */
  public static X509Certificate parseCertificate(String text) {
    return toCertificate(single(CERTIFICATE, List.of(CERTIFICATE), text));
  }

  /**
   * Decodes every certificate of a PEM text, such as a chain, ignoring text between blocks (EasyRSA
   * writes a text dump before the PEM in its issued files).
   *
   * @throws PemException when a block is not a certificate (a private key is refused)
   */
  public static List<X509Certificate> parseCertificates(String text) {
    List<X509Certificate> certificates = new ArrayList<>();
    for (Block block : blocks(CERTIFICATE, text)) {
      if (!block.label().equals(CERTIFICATE)) {
        throw new PemException(
            CERTIFICATE,
            "expected only PEM CERTIFICATE blocks, but found a \"" + block.label() + "\"");
      }
      certificates.add(toCertificate(block.der()));
    }
    return List.copyOf(certificates);
  }

  /**
   * The certificate of a DER encoding, parsed once per process: the same instance comes back for
   * the same bytes, so what it caches (the JDK's certificate remembers the last key it verified
   * with) serves every hook.
   */
  private static X509Certificate toCertificate(byte[] der) {
    return CERTIFICATES.byDigest(DigestCache.digest(der), () -> parse(der));
  }

  private static X509Certificate parse(byte[] der) {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException e) {
      throw new PemException(CERTIFICATE, "the PEM CERTIFICATE block is not an X.509 certificate");
    }
  }

  /**
   * Encodes a private key as unencrypted PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}). The text
   * is a secret: write it with {@link SecureFiles#writePrivate}, never log it.
   */
  public static String privateKey(PrivateKey key) {
    byte[] der = key.getEncoded();
    if (der == null || !"PKCS#8".equals(key.getFormat())) {
      throw new PemException(
          PRIVATE_KEY, "the " + key.getAlgorithm() + " key has no PKCS#8 encoding");
    }
    try {
      return encode(PRIVATE_KEY, der);
    } finally {
      java.util.Arrays.fill(der, (byte) 0);
    }
  }

  /**
   * Decodes an unencrypted private key: PKCS#8 ({@code PRIVATE KEY}) or the OpenSSL traditional
   * forms ({@code RSA PRIVATE KEY}, {@code EC PRIVATE KEY}) that EasyRSA may have written.
   *
   * @throws PemException when the text is not such a key (the message never holds the text)
   */
  public static PrivateKey parsePrivateKey(String text) {
    return text == null ? parseUncached(null) : PRIVATE_KEYS.get(text, () -> parseUncached(text));
  }

  private static PrivateKey parseUncached(String text) {
    List<Block> blocks = blocks(PRIVATE_KEY, text);
    if (blocks.size() != 1 || !blocks.get(0).label().endsWith(PRIVATE_KEY)) {
      throw new PemException(
          PRIVATE_KEY,
          "expected one PEM PRIVATE KEY block, but found "
              + blocks.stream().map(b -> "\"" + b.label() + "\"").toList());
    }
    String label = blocks.get(0).label();
    if (label.equals("ENCRYPTED PRIVATE KEY")) {
      throw new PemException(
          PRIVATE_KEY, "the private key is encrypted; Bosun reads unencrypted keys");
    }
    try (PEMParser parser = new PEMParser(new StringReader(text))) {
      Object parsed = parser.readObject();
      PrivateKeyInfo info = null;
      if (parsed instanceof PrivateKeyInfo direct) {
        info = direct;
      } else if (parsed instanceof PEMKeyPair pair) {
        info = pair.getPrivateKeyInfo();
      }
      if (info != null) {
        return new JcaPEMKeyConverter().getPrivateKey(info);
      }
    } catch (IOException | RuntimeException e) {
      // The parser's message may quote the input: it is deliberately dropped.
    }
    throw new PemException(
        PRIVATE_KEY, "the PEM \"" + label + "\" block is not a usable unencrypted private key");
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
