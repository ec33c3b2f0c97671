package dev.bosun.charms.etcd;

import dev.bosun.charm.HookContext;
import dev.bosun.charm.relation.TypedRelation;
import dev.bosun.charms.easyrsa.pki.KeySpec;
import dev.bosun.charms.easyrsa.pki.Pem;
import dev.bosun.charms.easyrsa.pki.RequesterKey;
import dev.bosun.interfaces.tls.CertificateType;
import dev.bosun.interfaces.tls.TlsCertificates;
import dev.bosun.interfaces.tls.TlsProviderData;
import dev.bosun.interfaces.tls.TlsRequirerData;
import dev.bosun.interfaces.tls.UnitCertificates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The unit's side of tls-certificates: two keys made on the machine and never sent (mode 0600), a
 * server certificate (serverAuth and clientAuth, for the client and peer listeners) with every
 * address of the unit as SAN, and a client certificate {@value #CLIENT_NAME} (for {@code
 * package-client-credentials} and the actions). The CSRs are kept in the unit state, so an
 * unchanged request is published with the same bytes and easyrsa is not woken for nothing.
 *
 * <p>The client certificate is requested only once the server certificate has arrived: the member
 * starts with the server certificate alone, and the CA signs one certificate per unit before every
 * member can start instead of two. Until the client certificate arrives, the charm's own calls
 * authenticate with the server certificate, which carries clientAuth — as the original charm's
 * etcdctl always did. Once requested, the client certificate stays requested.
 */
final class Credentials {
  /** The directory of the TLS files, relative to the machine root. */
  static final String DIRECTORY = "etc/etcd";

  static final String CA = DIRECTORY + "/ca.crt";
  static final String SERVER_CERTIFICATE = DIRECTORY + "/server.crt";
  static final String SERVER_KEY = DIRECTORY + "/server.key";
  static final String CLIENT_CERTIFICATE = DIRECTORY + "/client.crt";
  static final String CLIENT_KEY = DIRECTORY + "/client.key";

  /** The common name of the unit's client certificate. */
  static final String CLIENT_NAME = "etcd-client";

  private static final String SERVER_CSR_STATE = "tls.server-csr";
  private static final String CLIENT_CSR_STATE = "tls.client-csr";

  /**
   * The certificates the unit holds, all written to the machine.
   *
   * @param ca the CA certificate, PEM
   * @param files the paths of the files, absolute
   * @param client the file paths (CA, certificate, key) the charm's own calls authenticate with:
   *     the client certificate's, or the server certificate's until the client certificate arrives
   * @param fingerprint a digest of the CA and the server certificate (what the member uses), so a
   *     change restarts etcd
   */
  record Issued(
      String ca, EtcdFlags.TlsFiles files, EtcdFlags.TlsFiles client, String fingerprint) {
    /** Whether the client certificate is still to come (the calls use the server's until then). */
    boolean awaitsClientCertificate() {
      return client.equals(files);
    }
  }

  private Credentials() {}

  /** Returns the SANs of the server certificate: the machine address, 127.0.0.1 and localhost. */
  static List<String> serverSans(String address) {
    List<String> sans = new ArrayList<>();
    sans.add(address);
    if (!address.equals("127.0.0.1")) {
      sans.add("127.0.0.1");
    }
    sans.add("localhost");
    return List.copyOf(sans);
  }

  /**
   * Publishes this unit's requests and returns the certificates once the CA signed them for the
   * current keys and SANs (writing them to the machine), empty before.
   */
  static Optional<Issued> ensure(
      HookContext ctx, TypedRelation<TlsRequirerData, TlsProviderData> relation) {
    String address = ctx.machine().address();
    List<String> sans = serverSans(address);
    RequesterKey serverKey = key(ctx, SERVER_KEY);
    String wireName = TlsCertificates.wireUnitName(ctx.unitName());
    String serverCsr = csr(ctx, SERVER_CSR_STATE, serverKey, address, sans);
    Optional<UnitCertificates> received = UnitCertificates.of(wireName, relation.remoteUnits());
    Optional<String> server =
        received
            .flatMap(UnitCertificates::serverCertificate)
            .filter(pem -> UnitCertificates.certifies(pem, serverKey.publicKey()))
            .filter(pem -> covers(pem, sans));
    TlsRequirerData.Builder request =
        TlsRequirerData.builder(wireName).topLevel(address, sans, wireName, serverCsr);
    Optional<String> client = Optional.empty();
    if (server.isPresent() || ctx.state().get(CLIENT_CSR_STATE).isPresent()) {
      RequesterKey clientKey = key(ctx, CLIENT_KEY);
      request.client(CLIENT_NAME, csr(ctx, CLIENT_CSR_STATE, clientKey, CLIENT_NAME, List.of()));
      client =
          received
              .flatMap(r -> r.certificate(CertificateType.CLIENT, CLIENT_NAME))
              .filter(pem -> UnitCertificates.certifies(pem, clientKey.publicKey()));
    }
    relation.publish(request.build());
    if (server.isEmpty()) {
      return Optional.empty();
    }
    String ca = received.get().ca();
    write(ctx, CA, ca);
    write(ctx, SERVER_CERTIFICATE, server.get());
    EtcdFlags.TlsFiles files =
        new EtcdFlags.TlsFiles(path(ctx, CA), path(ctx, SERVER_CERTIFICATE), path(ctx, SERVER_KEY));
    EtcdFlags.TlsFiles own = files;
    if (client.isPresent()) {
      write(ctx, CLIENT_CERTIFICATE, client.get());
      own =
          new EtcdFlags.TlsFiles(
              path(ctx, CA), path(ctx, CLIENT_CERTIFICATE), path(ctx, CLIENT_KEY));
    }
    String fingerprint =
        Integer.toHexString((ca + server.get()).hashCode())
            + Integer.toHexString(Pem.parseCertificate(server.get()).getSerialNumber().hashCode());
    return Optional.of(new Issued(ca, files, own, fingerprint));
  }

  /** Returns the client certificate files written by an earlier hook, if all three exist. */
  static Optional<EtcdFlags.TlsFiles> clientFiles(HookContext ctx) {
    for (String file : List.of(CA, CLIENT_CERTIFICATE, CLIENT_KEY)) {
      if (!Files.isRegularFile(ctx.machine().path(file))) {
        return Optional.empty();
      }
    }
    return Optional.of(
        new EtcdFlags.TlsFiles(
            path(ctx, CA), path(ctx, CLIENT_CERTIFICATE), path(ctx, CLIENT_KEY)));
  }

  static String path(HookContext ctx, String relative) {
    return ctx.machine().path(relative).toAbsolutePath().toString();
  }

  private static RequesterKey key(HookContext ctx, String relative) {
    Path file = ctx.machine().path(relative);
    if (Files.exists(file)) {
      return RequesterKey.readFrom(file);
    }
    RequesterKey key = RequesterKey.generate(KeySpec.ECDSA_P256);
    key.writeTo(file);
    ctx.log().info("generated the key {} (mode 0600)", relative);
    return key;
  }

  /** Returns the CSR kept for this key and subject, or a new one (kept for the next hooks). */
  private static String csr(
      HookContext ctx, String stateKey, RequesterKey key, String commonName, List<String> sans) {
    String subject =
        commonName
            + "|"
            + String.join(",", sans)
            + "|"
            + java.util.HexFormat.of().formatHex(key.publicKey().getEncoded()).hashCode();
    Optional<String> kept = ctx.state().get(stateKey);
    if (kept.isPresent() && kept.get().startsWith(subject + "\n")) {
      return kept.get().substring(subject.length() + 1);
    }
    String pem = key.createCsr(commonName, sans).pem();
    ctx.state().set(stateKey, subject + "\n" + pem);
    return pem;
  }

  /** Whether the certificate names every SAN (IP or DNS). */
  static boolean covers(String pem, Collection<String> sans) {
    X509Certificate certificate = Pem.parseCertificate(pem);
    Set<String> names = new HashSet<>();
    try {
      Collection<List<?>> entries = certificate.getSubjectAlternativeNames();
      if (entries != null) {
        for (List<?> entry : entries) {
          names.add(String.valueOf(entry.get(1)));
        }
      }
    } catch (CertificateParsingException e) {
      return false;
    }
    return names.containsAll(sans);
  }

  private static void write(HookContext ctx, String relative, String pem) {
    Path file = ctx.machine().path(relative);
    byte[] content = pem.getBytes(StandardCharsets.US_ASCII);
    try {
      if (Files.exists(file) && java.util.Arrays.equals(Files.readAllBytes(file), content)) {
        return;
      }
    } catch (java.io.IOException e) {
      // rewrite it
    }
    ctx.machine().writeFile(relative, content, 0644);
  }
}
