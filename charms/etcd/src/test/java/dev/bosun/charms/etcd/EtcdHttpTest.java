package dev.bosun.charms.etcd;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.bosun.charms.easyrsa.pki.CertificateAuthority;
import dev.bosun.charms.easyrsa.pki.KeySpec;
import dev.bosun.charms.easyrsa.pki.Pem;
import dev.bosun.charms.easyrsa.pki.PkiSettings;
import dev.bosun.charms.easyrsa.pki.RequesterKey;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link EtcdHttp} against an HTTPS server that demands a client certificate: one probe per client
 * identity, whose connection outlives the hook that opened it; membership changes as the v3 JSON
 * gateway takes and answers them (the real gateway is exercised by {@code EtcdClusterIT}).
 */
class EtcdHttpTest {
  private static final String ADDRESS = "127.0.0.1";

  @TempDir Path directory;

  private final CertificateAuthority ca =
      CertificateAuthority.create("test-ca", new PkiSettings(KeySpec.ECDSA_P256, 1, 1));
  private final RequesterKey clientKey = RequesterKey.generate(KeySpec.ECDSA_P256);
  private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final AtomicBoolean removed = new AtomicBoolean();
  private final ExecutorService handlers = Executors.newCachedThreadPool();
  private HttpsServer server;
  private String clientUrl;
  private EtcdFlags.TlsFiles files;

  @BeforeEach
  void startServerAndWriteClientFiles() throws Exception {
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName(ADDRESS), 0), 0);
    server.setHttpsConfigurator(
        new HttpsConfigurator(serverContext()) {
          @Override
          public void configure(HttpsParameters parameters) {
            parameters.setNeedClientAuth(true);
          }
        });
    server.createContext(
        "/health",
        exchange -> {
          clientPorts.add(exchange.getRemoteAddress().getPort());
          answer(exchange, 200, "{\"health\":\"true\"}");
        });
    server.createContext(
        "/v3/cluster/member/add",
        exchange -> {
          String request = new String(exchange.getRequestBody().readAllBytes(), UTF_8);
          requests.add(request);
          if (request.contains("refused")) {
            answer(
                exchange,
                503,
                "{\"error\":\"etcdserver: unhealthy cluster\","
                    + "\"message\":\"etcdserver: unhealthy cluster\",\"code\":14}");
          } else {
            answer(
                exchange,
                200,
                "{\"header\":{},\"member\":{\"ID\":\"18446744073709551615\"},"
                    + "\"members\":[{\"ID\":\"18446744073709551615\",\"peerURLs\":"
                    + "[\"https://127.0.0.9:2380\"]},{\"ID\":\"7\",\"name\":\"etcd0\","
                    + "\"peerURLs\":[\"https://127.0.0.2:2380\"],\"clientURLs\":"
                    + "[\"https://127.0.0.2:2379\"]}]}");
          }
        });
    server.createContext(
        "/v3/cluster/member/remove",
        exchange -> {
          requests.add("remove");
          if (requests.stream().filter("remove"::equals).count() == 1) {
            // etcd dropped the proposal (an election): the first removal is never answered
            EtcdAdmin.sleep(2_000);
          } else {
            removed.set(true);
          }
          answer(exchange, 200, "{\"header\":{}}");
        });
    server.createContext(
        "/v3/cluster/member/list",
        exchange ->
            answer(
                exchange,
                200,
                removed.get()
                    ? "{\"members\":[]}"
                    : "{\"members\":[{\"ID\":\"7\",\"name\":\"etcd0\"}]}"));
    // a request left unanswered must not hold up the next one
    server.setExecutor(handlers);
    server.start();
    clientUrl = "https://" + ADDRESS + ":" + server.getAddress().getPort();

    Files.writeString(directory.resolve("ca.crt"), ca.certificatePem());
    writeClientCertificate();
    clientKey.writeTo(directory.resolve("client.key"));
    files =
        new EtcdFlags.TlsFiles(
            directory.resolve("ca.crt").toString(),
            directory.resolve("client.crt").toString(),
            directory.resolve("client.key").toString());
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
    handlers.shutdownNow();
  }

  @Test
  void sharesOneProbeAndOneConnectionForTheSameClientFiles() {
    EtcdHttp first = EtcdHttp.of(files);
    assertThat(first.healthy(clientUrl)).isTrue();

    EtcdHttp second = EtcdHttp.of(files);
    assertThat(second).isSameAs(first);
    assertThat(second.healthy(clientUrl)).isTrue();
    assertThat(clientPorts).as("connections the server saw").hasSize(1);
  }

  @Test
  void buildsANewProbeWhenACertificateChanges() throws IOException {
    EtcdHttp before = EtcdHttp.of(files);
    assertThat(before.healthy(clientUrl)).isTrue();

    writeClientCertificate();
    EtcdHttp after = EtcdHttp.of(files);

    assertThat(after).isNotSameAs(before);
    assertThat(after.healthy(clientUrl)).isTrue();
    assertThat(clientPorts).as("connections the server saw").hasSize(2);
  }

  @Test
  void addsAMemberThroughTheGatewayAndReadsTheMembersItAnswers() {
    List<MembershipPlan.Member> members =
        EtcdHttp.of(files).addMember(clientUrl, "https://127.0.0.9:2380");

    assertThat(requests).containsExactly("{\"peerURLs\":[\"https://127.0.0.9:2380\"]}");
    assertThat(members)
        .containsExactly(
            new MembershipPlan.Member(-1L, "", List.of("https://127.0.0.9:2380"), List.of()),
            new MembershipPlan.Member(
                7L, "etcd0", List.of("https://127.0.0.2:2380"), List.of("https://127.0.0.2:2379")));
  }

  @Test
  void aRefusedChangeCarriesEtcdsReasonSoItIsRetriedWhenEtcdIsNotReady() {
    EtcdHttp http = EtcdHttp.of(files);

    assertThatThrownBy(() -> http.addMember(clientUrl, "https://refused:2380"))
        .isInstanceOfSatisfying(
            EtcdException.class,
            e -> {
              assertThat(e).hasMessageContaining("HTTP 503: etcdserver: unhealthy cluster");
              assertThat(Cluster.isNotReadyForReconfiguration(e)).isTrue();
            });
  }

  @Test
  void aRemovalLeftUnansweredIsReadBackAndSentAgain() {
    Cluster cluster = new Cluster(List.of(clientUrl), EtcdHttp.of(files), Duration.ofMillis(300));

    assertThat(cluster.remove(7)).isTrue();

    assertThat(requests).containsExactly("remove", "remove");
    assertThat(removed).isTrue();
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(UTF_8);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** Signs a new client certificate (a new serial) for the client key and writes it. */
  private void writeClientCertificate() throws IOException {
    Files.writeString(
        directory.resolve("client.crt"),
        Pem.certificate(
            ca.signClientCertificate(
                clientKey.createCsr("etcd-client", List.of()), "etcd-client", 1)));
  }

  /** The server's TLS: a certificate for 127.0.0.1 from the test CA, trusting that CA. */
  private SSLContext serverContext() throws Exception {
    RequesterKey serverKey = RequesterKey.generate(KeySpec.ECDSA_P256);
    Certificate certificate =
        ca.signServerCertificate(
            serverKey.createCsr(ADDRESS, List.of(ADDRESS)), ADDRESS, List.of(ADDRESS), 1);
    char[] password = "test".toCharArray();
    KeyStore keys = KeyStore.getInstance("JKS");
    keys.load(null, null);
    keys.setKeyEntry(
        "server",
        serverKey.privateKey(),
        password,
        new Certificate[] {certificate, ca.certificate()});
    KeyManagerFactory keyFactory =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keyFactory.init(keys, password);
    KeyStore trust = KeyStore.getInstance("JKS");
    trust.load(null, null);
    trust.setCertificateEntry("ca", ca.certificate());
    TrustManagerFactory trustFactory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trustFactory.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keyFactory.getKeyManagers(), trustFactory.getTrustManagers(), null);
    return context;
  }
}
