package dev.bosun.charms.easyrsa.pki;

import static java.util.Objects.requireNonNull;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

/**
 * A certificate authority: its certificate and private key, and the signing of server and client
 * certificates from certificate signing requests.
 *
 * <p>Certificates follow EasyRSA's {@code x509-types} as the easyrsa charm configured them:
 *
 * <ul>
 *   <li>CA: {@code basicConstraints=critical,CA:TRUE}, {@code
 *       keyUsage=critical,keyCertSign,cRLSign}, subject key identifier, authority key identifier
 *       (its own);
 *   <li>server: {@code basicConstraints=critical,CA:FALSE}, {@code
 *       keyUsage=critical,digitalSignature,keyEncipherment}, {@code
 *       extendedKeyUsage=serverAuth,clientAuth}, SANs ({@code IP:} for IP literals, else {@code
 *       DNS:}; the common name when none are given), SKI/AKI;
 *   <li>client: {@code basicConstraints=critical,CA:FALSE}, {@code
 *       keyUsage=critical,digitalSignature}, {@code extendedKeyUsage=clientAuth}, SKI/AKI, no SANs.
 * </ul>
 *
 * <p>Serial numbers are random 128-bit positive numbers; signatures are SHA-256 with the CA's key
 * (RSA or ECDSA). An issued certificate never outlives the CA. {@link #toString()} never shows the
 * private key.
 *
 * <pre>{@code
 * CertificateAuthority ca = CertificateAuthority.create("10.0.0.5", PkiSettings.DEFAULTS);
 * X509Certificate server = ca.signServerCertificate(csr, "10.0.0.1", List.of("10.0.0.1", "etcd-0"), 825);
 * }</pre>
 */
public final class CertificateAuthority {
  private final PrivateKey privateKey;
  private final X509Certificate certificate;
  private final Clock clock;

  private CertificateAuthority(PrivateKey privateKey, X509Certificate certificate, Clock clock) {
    this.privateKey = privateKey;
    this.certificate = certificate;
    this.clock = clock;
  }

  /** Creates a new CA with the system clock; see {@link #create(String, PkiSettings, Clock)}. */
  public static CertificateAuthority create(String commonName, PkiSettings settings) {
    return create(commonName, settings, Clock.systemUTC());
  }

  /**
   * Creates a new CA: a fresh key of {@link PkiSettings#keySpec()} and a self-signed certificate
   * with subject {@code CN=<commonName>}, valid from now for {@link PkiSettings#caValidityDays()}.
   * Persist it with {@link CaStore}, which refuses to replace an existing one.
   *
   * @throws InvalidNameException when the common name is empty or longer than 64 characters
   */
  public static CertificateAuthority create(String commonName, PkiSettings settings, Clock clock) {
    requireNonNull(settings, "settings");
    requireNonNull(clock, "clock");
    X500Name subject = CertificateSigningRequest.subject(commonName);
    KeyPair keys = Keys.generate(settings.keySpec());
    Instant notBefore = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant notAfter = notBefore.plus(Duration.ofDays(settings.caValidityDays()));
    try {
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
                  subject,
                  serial(),
                  Date.from(notBefore),
                  Date.from(notAfter),
                  subject,
                  keys.getPublic())
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
              .addExtension(
                  Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
              .addExtension(
                  Extension.subjectKeyIdentifier,
                  false,
                  utils.createSubjectKeyIdentifier(keys.getPublic()))
              .addExtension(
                  Extension.authorityKeyIdentifier,
                  false,
                  utils.createAuthorityKeyIdentifier(keys.getPublic()));
      X509Certificate certificate = toCertificate(builder.build(Keys.signer(keys.getPrivate())));
      return new CertificateAuthority(keys.getPrivate(), certificate, clock);
    } catch (GeneralSecurityException | CertIOException e) {
      throw new PkiException("cannot build the CA certificate: " + e.getMessage(), e);
    }
  }

  /**
   * Returns the CA made of a stored key and certificate.
   *
   * @throws PkiException when the key does not belong to the certificate, or the certificate is not
   *     a CA
   */
  static CertificateAuthority of(PrivateKey privateKey, X509Certificate certificate, Clock clock) {
    if (certificate.getBasicConstraints() < 0) {
      throw new PkiException(
          "the certificate " + certificate.getSubjectX500Principal().getName() + " is not a CA");
    }
    if (!Keys.matches(privateKey, certificate.getPublicKey())) {
      throw new PkiException(
          "the CA key does not belong to the CA certificate "
              + certificate.getSubjectX500Principal().getName());
    }
    return new CertificateAuthority(privateKey, certificate, clock);
  }

  /**
   * Returns the CA made of its certificate and private key as PEM (what {@link #certificatePem()}
   * and {@link #privateKeyPem()} return), for a CA kept in an application secret.
   *
   * @throws PemException when a text is not one PEM certificate or private key (the message never
   *     shows the key)
   * @throws PkiException when the key does not belong to the certificate, or the certificate is not
   *     a CA
   */
  public static CertificateAuthority fromPem(String certificatePem, String privateKeyPem) {
    requireNonNull(certificatePem, "certificatePem");
    requireNonNull(privateKeyPem, "privateKeyPem");
    return of(
        Pem.parsePrivateKey(privateKeyPem),
        Pem.parseCertificate(certificatePem),
        Clock.systemUTC());
  }

  /**
   * Returns the CA's private key as unencrypted PKCS#8 PEM, to keep it in an application secret. A
   * secret: never log it or send it over a relation.
   */
  public String privateKeyPem() {
    return Pem.privateKey(privateKey);
  }

  /**
   * Returns the SHA-256 fingerprint of the CA certificate's DER encoding as upper-case hex pairs
   * separated by colons, as {@code openssl x509 -noout -fingerprint -sha256} prints it.
   */
  public String fingerprint() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new PkiException("cannot encode the CA certificate: " + e.getMessage(), e);
    }
  }

  /** Whether this is the same CA as another: the same certificate (and so the same key). */
  public boolean sameAs(CertificateAuthority other) {
    return other != null && certificatePem().equals(other.certificatePem());
  }

  /** Returns this CA using another clock for the validity of the certificates it signs. */
  public CertificateAuthority withClock(Clock clock) {
    return new CertificateAuthority(privateKey, certificate, requireNonNull(clock, "clock"));
  }

  /** Returns the CA certificate. */
  public X509Certificate certificate() {
    return certificate;
  }

  /** Returns the CA certificate as PEM: what goes in the relation's {@code ca} key. */
  public String certificatePem() {
    return Pem.certificate(certificate);
  }

  /** Returns the CA's public key. */
  public PublicKey publicKey() {
    return certificate.getPublicKey();
  }

  PrivateKey privateKey() {
    return privateKey;
  }

  /**
   * Signs a server certificate (serverAuth and clientAuth, so it also serves as a peer or client
   * certificate, as the easyrsa charm patched EasyRSA to do).
   *
   * @param csr the requester's CSR; its subject CN must equal {@code commonName}
   * @param commonName the certificate's common name
   * @param sans the subject alternative names; each IP literal becomes {@code IP:}, anything else
   *     {@code DNS:}; repeats are dropped; none means the common name
   * @param validityDays how long the certificate is valid (capped at the CA's end of validity)
   * @throws InvalidCsrException when the CSR does not verify, has a weak key, or names another
   *     subject
   * @throws InvalidNameException when a name cannot go into a certificate
   */
  public X509Certificate signServerCertificate(
      CertificateSigningRequest csr, String commonName, List<String> sans, int validityDays) {
    List<String> names = new ArrayList<>(new LinkedHashSet<>(requireNonNull(sans, "sans")));
    if (names.isEmpty()) {
      names.add(commonName);
    }
    return sign(
        csr,
        commonName,
        validityDays,
        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment),
        new ExtendedKeyUsage(
            new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}),
        names);
  }

  /**
   * Signs a client certificate (clientAuth only, no SANs).
   *
   * @throws InvalidCsrException when the CSR does not verify, has a weak key, or names another
   *     subject
   */
  public X509Certificate signClientCertificate(
      CertificateSigningRequest csr, String commonName, int validityDays) {
    return sign(
        csr,
        commonName,
        validityDays,
        new KeyUsage(KeyUsage.digitalSignature),
        new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth),
        List.of());
  }

  /**
   * Whether a certificate this CA issued still answers a request, so it need not be signed again:
   * it verifies with this CA's key, certifies the CSR's public key (a requester that rotated its
   * key gets a new certificate; a new CSR for the same key does not), has exactly the subject
   * {@code CN=commonName} and exactly the SANs {@link #signServerCertificate} would give it (none
   * for a client certificate; order and repeats do not matter), and less than two thirds of its
   * validity have passed on this CA's clock (so certificates are renewed well before they expire,
   * as cert-manager does by default).
   *
   * @param server whether it is a server certificate (SANs) or a client certificate (none)
   * @throws InvalidCsrException when the CSR's public key cannot be read
   */
  public boolean answers(
      X509Certificate issued,
      CertificateSigningRequest csr,
      String commonName,
      List<String> sans,
      boolean server) {
    requireNonNull(issued, "issued");
    requireNonNull(csr, "csr");
    requireNonNull(sans, "sans");
    try {
      issued.verify(certificate.getPublicKey());
    } catch (GeneralSecurityException e) {
      return false;
    }
    if (!Arrays.equals(issued.getPublicKey().getEncoded(), csr.publicKey().getEncoded())) {
      return false;
    }
    Instant notBefore = issued.getNotBefore().toInstant();
    Instant notAfter = issued.getNotAfter().toInstant();
    Instant renewAt =
        notBefore.plus(Duration.between(notBefore, notAfter).multipliedBy(2).dividedBy(3));
    if (!clock.instant().isBefore(renewAt)) {
      return false;
    }
    List<String> names = new ArrayList<>(new LinkedHashSet<>(sans));
    if (server && names.isEmpty()) {
      names.add(commonName);
    }
    Set<GeneralName> expected = new HashSet<>();
    if (server) {
      try {
        expected.addAll(Arrays.asList(CertificateSigningRequest.generalNames(names).getNames()));
      } catch (InvalidNameException e) {
        return false;
      }
    }
    try {
      X509CertificateHolder holder = new JcaX509CertificateHolder(issued);
      if (!holder.getSubject().equals(CertificateSigningRequest.subject(commonName))) {
        return false;
      }
      GeneralNames present =
          GeneralNames.fromExtensions(holder.getExtensions(), Extension.subjectAlternativeName);
      Set<GeneralName> actual =
          present == null ? Set.of() : new HashSet<>(Arrays.asList(present.getNames()));
      return actual.equals(expected);
    } catch (CertificateException | InvalidNameException e) {
      return false;
    }
  }

  private X509Certificate sign(
      CertificateSigningRequest csr,
      String commonName,
      int validityDays,
      KeyUsage keyUsage,
      ExtendedKeyUsage extendedKeyUsage,
      List<String> sans) {
    requireNonNull(csr, "csr");
    if (validityDays < 1 || validityDays > PkiSettings.MAX_VALIDITY_DAYS) {
      throw new IllegalArgumentException(
          "validityDays must be 1 to " + PkiSettings.MAX_VALIDITY_DAYS + ", not " + validityDays);
    }
    X500Name subject = CertificateSigningRequest.subject(commonName);
    csr.verify();
    String requested = csr.commonName().orElse(null);
    if (!commonName.equals(requested)) {
      throw new InvalidCsrException(
          commonName,
          (requested == null
                  ? "the CSR has no subject common name"
                  : "the CSR's subject common name is \"" + requested + "\"")
              + " but the request is for \""
              + commonName
              + "\"; the requester must sign a CSR for the name it asks for");
    }
    Instant notBefore = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant notAfter = notBefore.plus(Duration.ofDays(validityDays));
    Instant caNotAfter = certificate.getNotAfter().toInstant();
    if (notAfter.isAfter(caNotAfter)) {
      notAfter = caNotAfter;
    }
    try {
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
                  new JcaX509CertificateHolder(certificate).getSubject(),
                  serial(),
                  Date.from(notBefore),
                  Date.from(notAfter),
                  subject,
                  csr.publicKey())
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
              .addExtension(Extension.keyUsage, true, keyUsage)
              .addExtension(Extension.extendedKeyUsage, false, extendedKeyUsage)
              .addExtension(
                  Extension.subjectKeyIdentifier,
                  false,
                  utils.createSubjectKeyIdentifier(csr.publicKey()))
              .addExtension(
                  Extension.authorityKeyIdentifier,
                  false,
                  utils.createAuthorityKeyIdentifier(certificate));
      if (!sans.isEmpty()) {
        builder.addExtension(
            Extension.subjectAlternativeName, false, CertificateSigningRequest.generalNames(sans));
      }
      return toCertificate(builder.build(Keys.signer(privateKey)));
    } catch (GeneralSecurityException | CertIOException e) {
      throw new PkiException(
          "cannot build the certificate for \"" + commonName + "\": " + e.getMessage(), e);
    }
  }

  /**
   * Checks a common name: not blank, at most 64 characters (X.509's {@code ub-common-name}), no
   * control characters.
   *
   * @throws InvalidNameException when it is not valid
   */
  static void checkCommonName(String commonName) {
    if (commonName == null || commonName.isBlank()) {
      throw new InvalidNameException(String.valueOf(commonName), "a common name must not be empty");
    }
    if (commonName.length() > 64) {
      throw new InvalidNameException(
          commonName,
          "common name \""
              + commonName
              + "\" has "
              + commonName.length()
              + " characters; at most 64");
    }
    if (commonName.chars().anyMatch(c -> c < ' ' || c == 0x7f)) {
      throw new InvalidNameException(commonName, "a common name must not hold control characters");
    }
  }

  /** Returns a random positive serial number of at most 128 bits (never zero). */
  static BigInteger serial() {
    BigInteger serial;
    do {
      serial = new BigInteger(128, Keys.RANDOM);
    } while (serial.signum() == 0);
    return serial;
  }

  private static X509Certificate toCertificate(X509CertificateHolder holder) {
    try {
      return new JcaX509CertificateConverter().getCertificate(holder);
    } catch (CertificateException e) {
      throw new PkiException("cannot convert the certificate: " + e.getMessage(), e);
    }
  }

  /** Describes the CA: subject, serial, key kind; the private key is never shown. */
  @Override
  public String toString() {
    return "CertificateAuthority[subject="
        + certificate.getSubjectX500Principal().getName()
        + ", serial="
        + certificate.getSerialNumber().toString(16)
        + ", key="
        + Keys.describe(certificate.getPublicKey())
        + ", private key redacted]";
  }
}
