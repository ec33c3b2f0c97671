package dev.bosun.charms.etcd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bosun.charms.easyrsa.pki.DigestCache;
import dev.bosun.charms.easyrsa.pki.Pem;
import dev.bosun.charms.easyrsa.pki.RequesterKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * etcd's HTTP endpoints over HTTPS with the client certificate: {@code /health}, cheap enough to
 * poll every few milliseconds while a member starts (etcd serves its client port only once the
 * member has joined the cluster and there is a leader), {@code /version}, and the member list and
 * membership changes through the v3 API's JSON gateway ({@code POST /v3/cluster/member/list},
 * {@code add}, {@code remove}, {@code update}). Hooks read and change membership this way; a v3
 * client ({@link EtcdAdmin}) costs a gRPC channel, its event loops and a TLS handshake — one to two
 * seconds in a fresh JVM on a small machine — and is left to the rolling-restart lock and the
 * actions.
 *
 * <p>Probes are shared in the process by client identity ({@link #of}): a unit reads the cluster in
 * most hooks, and with one probe per identity its connections stay open between hooks (HTTP
 * keep-alive), so a hook pays no TLS handshake and no key parsing for a member it already talked
 * to. New files — a renewed certificate, another CA — are another identity and get a probe of their
 * own.
 */
final class EtcdHttp {
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);

  /** A membership change goes through raft: as long as the v3 client's calls may take. */
  private static final Duration CHANGE_TIMEOUT = EtcdAdmin.CALL_TIMEOUT;

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  private static final long MIN_REQUEST_MILLIS = 100;
  private static final ObjectMapper JSON = new ObjectMapper();
  private final SSLSocketFactory sockets;

  private EtcdHttp(SSLSocketFactory sockets) {
    this.sockets = sockets;
  }

  /** How many client identities keep a probe; a unit has one, the CLI's actions another. */
  private static final int SHARED_PROBES = 32;

  /**
   * Probes by a digest of their client files' contents (never the key itself), least recently used
   * first.
   */
  private static final DigestCache<EtcdHttp> SHARED = new DigestCache<>(SHARED_PROBES);

  /**
   * Returns the probe for the client certificate files: the one built earlier in this process for
   * files with the same contents, else a new one.
   *
   * @throws EtcdException when the files cannot be read
   */
  static EtcdHttp of(EtcdFlags.TlsFiles tls) {
    byte[] ca = read(tls.ca());
    byte[] certificate = read(tls.certificate());
    byte[] key = read(tls.key());
    try {
      return SHARED.byDigest(identity(ca, certificate, key), () -> build(ca, certificate, key));
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private static byte[] read(String file) {
    try {
      return Files.readAllBytes(Path.of(file));
    } catch (IOException e) {
      throw new EtcdException(
          "health", "cannot read the client certificate files: " + e.getMessage(), e);
    }
  }

  /** A SHA-256 digest of the three files, each preceded by its length. */
  private static String identity(byte[]... files) {
    List<byte[]> parts = new ArrayList<>();
    for (byte[] file : files) {
      parts.add(ByteBuffer.allocate(Integer.BYTES).putInt(file.length).array());
      parts.add(file);
    }
    return DigestCache.digest(parts.toArray(byte[][]::new));
  }

  private static EtcdHttp build(byte[] ca, byte[] certificate, byte[] key) {
    try {
      KeyStore trust = KeyStore.getInstance("JKS");
      trust.load(null, null);
      trust.setCertificateEntry("ca", Pem.parseCertificate(ascii(ca)));
      TrustManagerFactory trustFactory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trustFactory.init(trust);
      char[] password = "bosun".toCharArray();
      // In memory only: JKS protects the key in microseconds where PKCS12 spends 10,000 PBKDF2
      // rounds on it.
      KeyStore keys = KeyStore.getInstance("JKS");
      keys.load(null, null);
      keys.setKeyEntry(
          "client",
          RequesterKey.fromPem(ascii(key)).privateKey(),
          password,
          new Certificate[] {Pem.parseCertificate(ascii(certificate))});
      KeyManagerFactory keyFactory =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyFactory.init(keys, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyFactory.getKeyManagers(), trustFactory.getTrustManagers(), null);
      return new EtcdHttp(context.getSocketFactory());
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw new EtcdException(
          "health", "cannot read the client certificate files: " + e.getMessage(), e);
    }
  }

  private static String ascii(byte[] bytes) {
    return new String(bytes, StandardCharsets.US_ASCII);
  }

  /** Whether the member at the client URL answers {@code /health} with {@code "health":"true"}. */
  boolean healthy(String clientUrl) {
    return healthy(clientUrl, REQUEST_TIMEOUT);
  }

  private boolean healthy(String clientUrl, Duration timeout) {
    try {
      return request(clientUrl, "/health", null, "health", timeout)
          .path("health")
          .asText("")
          .equals("true");
    } catch (EtcdException e) {
      return false;
    }
  }

  /**
   * Returns the member list as the member at {@code clientUrl} sees it (the v3 API's {@code
   * MemberList}, through its JSON gateway).
   *
   * @throws EtcdException when the member does not answer or the answer does not parse
   */
  List<MembershipPlan.Member> members(String clientUrl) {
    return members(
        request(clientUrl, "/v3/cluster/member/list", "{}", "member list", REQUEST_TIMEOUT));
  }

  /**
   * Adds a member by peer URL (the v3 API's {@code MemberAdd}) and returns the member list that
   * includes it.
   *
   * @throws EtcdException when etcd refuses (its message says why) or does not answer
   */
  List<MembershipPlan.Member> addMember(String clientUrl, String peerUrl) {
    ObjectNode body = JSON.createObjectNode();
    body.putArray("peerURLs").add(peerUrl);
    return members(
        request(
            clientUrl, "/v3/cluster/member/add", body.toString(), "member add", CHANGE_TIMEOUT));
  }

  /**
   * Removes a member (the v3 API's {@code MemberRemove}), waiting at most {@code timeout} for the
   * answer.
   *
   * @throws EtcdException when etcd refuses (its message says why) or does not answer in time
   */
  void removeMember(String clientUrl, long id, Duration timeout) {
    ObjectNode body = JSON.createObjectNode().put("ID", Long.toUnsignedString(id));
    request(clientUrl, "/v3/cluster/member/remove", body.toString(), "member remove", timeout);
  }

  /**
   * Changes a member's peer URL (the v3 API's {@code MemberUpdate}).
   *
   * @throws EtcdException when etcd refuses (its message says why) or does not answer
   */
  void updateMember(String clientUrl, long id, String peerUrl) {
    ObjectNode body = JSON.createObjectNode().put("ID", Long.toUnsignedString(id));
    body.putArray("peerURLs").add(peerUrl);
    request(
        clientUrl, "/v3/cluster/member/update", body.toString(), "member update", CHANGE_TIMEOUT);
  }

  private static List<MembershipPlan.Member> members(JsonNode answer) {
    List<MembershipPlan.Member> members = new ArrayList<>();
    for (JsonNode member : answer.path("members")) {
      members.add(
          new MembershipPlan.Member(
              Long.parseUnsignedLong(member.path("ID").asText("0")),
              member.path("name").asText(""),
              texts(member.path("peerURLs")),
              texts(member.path("clientURLs"))));
    }
    return List.copyOf(members);
  }

  /**
   * Returns the etcd version the member at {@code clientUrl} runs ({@code /version}).
   *
   * @throws EtcdException when the member does not answer or the answer does not parse
   */
  String version(String clientUrl) {
    return request(clientUrl, "/version", null, "version", REQUEST_TIMEOUT)
        .path("etcdserver")
        .asText("");
  }

  /**
   * One request over a blocking connection, its answer parsed as JSON: {@code java.net.http}'s
   * client would leave a selector thread in native code behind, which holds up the JVM's exit by
   * 300 ms.
   *
   * @param body what to POST, or null to GET
   * @throws EtcdException when the member does not answer 200 or the answer does not parse
   */
  private JsonNode request(
      String clientUrl, String path, String body, String operation, Duration timeout) {
    try {
      HttpsURLConnection connection =
          (HttpsURLConnection) URI.create(clientUrl + path).toURL().openConnection();
      connection.setSSLSocketFactory(sockets);
      connection.setConnectTimeout((int) Math.min(timeout.toMillis(), CONNECT_TIMEOUT.toMillis()));
      connection.setReadTimeout((int) timeout.toMillis());
      if (body != null) {
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", "application/json");
        try (OutputStream out = connection.getOutputStream()) {
          out.write(body.getBytes(StandardCharsets.UTF_8));
        }
      }
      int code = connection.getResponseCode();
      if (code != 200) {
        throw new EtcdException(
            operation,
            operation + " at " + clientUrl + " answered HTTP " + code + reason(connection),
            null);
      }
      try (InputStream in = connection.getInputStream()) {
        return JSON.readTree(in);
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new EtcdException(
          operation, operation + " failed at " + clientUrl + ": " + e.getMessage(), e);
    }
  }

  /** The gateway's error message ({@code {"error": ..., "message": ...}}), if it sent one. */
  private static String reason(HttpsURLConnection connection) {
    try (InputStream in = connection.getErrorStream()) {
      if (in == null) {
        return "";
      }
      String message = JSON.readTree(in).path("message").asText("");
      return message.isEmpty() ? "" : ": " + message;
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  /**
   * Polls {@link #healthy} every 20 ms until it is or the timeout passes. A member that has not
   * joined yet accepts the connection but does not answer, so each request is cut short at the time
   * left (at least {@value #MIN_REQUEST_MILLIS} ms) rather than holding the hook past it.
   */
  boolean awaitHealthy(String clientUrl, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = Math.max(MIN_REQUEST_MILLIS, (deadline - System.nanoTime()) / 1_000_000);
      Duration request = Duration.ofMillis(Math.min(left, REQUEST_TIMEOUT.toMillis()));
      if (healthy(clientUrl, request)) {
        return true;
      }
      if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
        return false;
      }
      EtcdAdmin.sleep(20);
    }
  }
}
