package dev.bosun.charms.easyrsa.pki;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * A PKCS#10 certificate signing request: what a requester sends instead of asking for a key. It
 * holds a public key and a subject only.
 *
 * <pre>{@code
 * CertificateSigningRequest csr = CertificateSigningRequest.parse(pemFromRelation);
 * csr.verify(); // signature and key strength
 * }</pre>
 */
public final class CertificateSigningRequest {
  static final String LABEL = "CERTIFICATE REQUEST";
  private static final List<String> LABELS = List.of(LABEL, "NEW CERTIFICATE REQUEST");

  private final PKCS10CertificationRequest request;
  private final PublicKey publicKey;

  private CertificateSigningRequest(PKCS10CertificationRequest request) {
    this.request = request;
    try {
      this.publicKey = new JcaPKCS10CertificationRequest(request).getPublicKey();
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new InvalidCsrException(null, "the CSR's public key cannot be read: " + e.getMessage());
    }
  }

  /**
   * Reads a PEM certificate signing request ({@code CERTIFICATE REQUEST} or {@code NEW CERTIFICATE
   * REQUEST}). Does not verify it: see {@link #verify()}.
   *
   * @throws PemException when the text is not exactly one CSR block (a private key is refused
   *     without repeating it)
   * @throws InvalidCsrException when the block is not a PKCS#10 request
   */
  public static CertificateSigningRequest parse(String pem) {
    byte[] der = Pem.single(LABEL, LABELS, pem);
    try {
      return new CertificateSigningRequest(new PKCS10CertificationRequest(der));
    } catch (IOException | RuntimeException e) {
      throw new InvalidCsrException(
          null, "the PEM CERTIFICATE REQUEST block is not a PKCS#10 request");
    }
  }

  /**
   * Creates a CSR for a key pair: subject {@code CN=<commonName>}, the SANs requested in an
   * extension request (informational: the provider uses the SANs of the relation request).
   *
   * @throws InvalidNameException when the common name or a SAN is not valid
   */
  static CertificateSigningRequest create(KeyPair keys, String commonName, List<String> sans) {
    X500Name subject = subject(commonName);
    JcaPKCS10CertificationRequestBuilder builder =
        new JcaPKCS10CertificationRequestBuilder(subject, keys.getPublic());
    if (!sans.isEmpty()) {
      try {
        ExtensionsGenerator extensions = new ExtensionsGenerator();
        extensions.addExtension(Extension.subjectAlternativeName, false, generalNames(sans));
        builder.addAttribute(
            PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate());
      } catch (IOException e) {
        throw new PkiException("cannot encode the subject alternative names", e);
      }
    }
    return new CertificateSigningRequest(builder.build(Keys.signer(keys.getPrivate())));
  }

  static X500Name subject(String commonName) {
    CertificateAuthority.checkCommonName(commonName);
    return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
  }

  static GeneralNames generalNames(List<String> sans) {
    List<GeneralName> names = new ArrayList<>();
    for (String san : new java.util.LinkedHashSet<>(sans)) {
      names.add(SubjectAlternativeName.of(san).toGeneralName());
    }
    return new GeneralNames(names.toArray(GeneralName[]::new));
  }

  /**
   * Checks that the request can be signed: its self-signature verifies with its public key, and the
   * key is RSA of 2048 to 16384 bits or EC on a curve of 256 bits or more.
   *
   * @throws InvalidCsrException saying which check failed
   */
  public void verify() {
    String cn = commonName().orElse(null);
    boolean valid;
    try {
      valid = request.isSignatureValid(new JcaContentVerifierProviderBuilder().build(publicKey));
    } catch (OperatorCreationException | PKCSException | RuntimeException e) {
      valid = false;
    }
    if (!valid) {
      throw new InvalidCsrException(cn, "the CSR" + forName(cn) + " has an invalid signature");
    }
    if (publicKey instanceof RSAPublicKey rsa) {
      int bits = rsa.getModulus().bitLength();
      if (bits < KeySpec.MIN_RSA_BITS) {
        throw new InvalidCsrException(
            cn,
            "the CSR"
                + forName(cn)
                + " has a weak RSA key of "
                + bits
                + " bits; Bosun signs RSA keys of "
                + KeySpec.MIN_RSA_BITS
                + " bits or more");
      }
      if (bits > KeySpec.MAX_RSA_BITS) {
        throw new InvalidCsrException(
            cn, "the CSR" + forName(cn) + " has an RSA key of " + bits + " bits; at most 16384");
      }
    } else if (publicKey instanceof ECPublicKey ec) {
      int bits = ec.getParams().getCurve().getField().getFieldSize();
      if (bits < 256) {
        throw new InvalidCsrException(
            cn,
            "the CSR"
                + forName(cn)
                + " has a weak EC key of "
                + bits
                + " bits; Bosun signs EC keys on curves of 256 bits or more");
      }
    } else {
      throw new InvalidCsrException(
          cn,
          "the CSR"
              + forName(cn)
              + " has a "
              + publicKey.getAlgorithm()
              + " key; Bosun signs RSA (2048 bits or more) and EC (P-256 or larger) keys");
    }
  }

  private static String forName(String cn) {
    return cn == null ? "" : " for \"" + cn + "\"";
  }

  /** Returns the subject's common name, if it has one. */
  public Optional<String> commonName() {
    RDN[] rdns = request.getSubject().getRDNs(BCStyle.CN);
    if (rdns.length == 0) {
      return Optional.empty();
    }
    return Optional.of(IETFUtils.valueToString(rdns[0].getFirst().getValue()));
  }

  /** Returns the public key to certify. */
  public PublicKey publicKey() {
    return publicKey;
  }

  /** Returns the SANs asked for in the request's extension request, in order (informational). */
  public List<SubjectAlternativeName> requestedNames() {
    List<SubjectAlternativeName> names = new ArrayList<>();
    for (Attribute attribute :
        request.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)) {
      for (ASN1Encodable value : attribute.getAttributeValues()) {
        Extension extension =
            Extensions.getInstance(value).getExtension(Extension.subjectAlternativeName);
        if (extension == null) {
          continue;
        }
        for (GeneralName name : GeneralNames.getInstance(extension.getParsedValue()).getNames()) {
          if (name.getTagNo() == GeneralName.dNSName) {
            names.add(
                new SubjectAlternativeName(
                    SubjectAlternativeName.Type.DNS,
                    DERIA5String.getInstance(name.getName()).getString()));
          } else if (name.getTagNo() == GeneralName.iPAddress) {
            try {
              names.add(
                  new SubjectAlternativeName(
                      SubjectAlternativeName.Type.IP,
                      java.net.InetAddress.getByAddress(
                              ASN1OctetString.getInstance(name.getName()).getOctets())
                          .getHostAddress()));
            } catch (java.net.UnknownHostException e) {
              throw new InvalidCsrException(
                  commonName().orElse(null), "the CSR holds a malformed IP address");
            }
          }
        }
      }
    }
    return List.copyOf(names);
  }

  /** Returns the request as PEM ({@code -----BEGIN CERTIFICATE REQUEST-----}). */
  public String pem() {
    try {
      return Pem.encode(LABEL, request.getEncoded());
    } catch (IOException e) {
      throw new PkiException("cannot encode the CSR", e);
    }
  }

  PKCS10CertificationRequest request() {
    return request;
  }

  /** Describes the request: subject and key kind. */
  @Override
  public String toString() {
    return "CertificateSigningRequest["
        + request.getSubject()
        + ", "
        + Keys.describe(publicKey)
        + "]";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CertificateSigningRequest csr && csr.request.equals(request);
  }

  @Override
  public int hashCode() {
    return request.hashCode();
  }
}
