package dev.bosun.charms.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bosun.charm.Status;
import dev.bosun.charms.easyrsa.pki.CertificateAuthority;
import dev.bosun.charms.easyrsa.pki.CertificateSigningRequest;
import dev.bosun.charms.easyrsa.pki.KeySpec;
import dev.bosun.charms.easyrsa.pki.Pem;
import dev.bosun.charms.easyrsa.pki.PkiSettings;
import dev.bosun.interfaces.tls.CertificateRequest;
import dev.bosun.interfaces.tls.TlsCertificates;
import dev.bosun.interfaces.tls.TlsProviderData;
import dev.bosun.interfaces.tls.TlsRequirerData;
import dev.bosun.testing.CharmContext;
import dev.bosun.testing.Events;
import dev.bosun.testing.RelationState;
import dev.bosun.testing.State;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One hook of the etcd charm at a time, where no etcd process is needed. */
class EtcdCharmTest {
  @TempDir Path machine;

  private CharmContext context() {
    return CharmContext.fromClasspath("charms/etcd").withUnit("etcd/0").withMachineRoot(machine);
  }

  /** The unit's first hook with a certificate authority related that has answered nothing yet. */
  private static State withCertificatesRelated(CharmContext ctx) {
    return withCertificatesRelated(ctx, cluster(), false);
  }

  /** The same first hook with the given peers, as the leader or not. */
  private static State withCertificatesRelated(
      CharmContext ctx, RelationState peers, boolean leader) {
    return ctx.run(
        Events.configChanged(),
        State.builder()
            .leader(leader)
            .relation(peers)
            .relation(RelationState.builder("certificates", "easyrsa").build())
            .build());
  }

  private static RelationState cluster() {
    return RelationState.peerBuilder("cluster").remoteUnits("etcd/1").build();
  }

  /** The peer relation with etcd/1, whose unit bag holds the given record. */
  private static RelationState.Builder clusterWithEtcd1(Map<String, String> record) {
    return RelationState.peerBuilder("cluster").remoteUnit("etcd/1", record);
  }

  @Test
  void withoutACertificateAuthorityTheUnitIsBlockedAndAnnouncesItsMember() {
    State out = context().run(Events.configChanged(), State.builder().relation(cluster()).build());

    assertThat(out.unitStatus()).isEqualTo(Status.blocked(EtcdStatus.MISSING_CA));
    assertThat(out.relation("cluster").localUnitData())
        .containsEntry("member-name", "etcd0")
        .containsEntry("peer-url", "https://127.77.0.1:2380")
        .doesNotContainKey("client-url");
  }

  @Test
  void invalidOptionsBlockTheUnitWithEveryProblemAndStartNothing() {
    CharmContext ctx = context();
    State out =
        ctx.run(
            Events.configChanged(),
            State.builder()
                .config(Map.of("heartbeat_interval", 500, "election_timeout", 1000))
                .relation(cluster())
                .build());

    assertThat(out.unitStatus())
        .isEqualTo(
            Status.blocked(
                "Invalid configuration: option \"election_timeout\" (1000 ms) must be at least 5"
                    + " times \"heartbeat_interval\" (500 ms), as etcd requires"));
    assertThat(ctx.services()).isEmpty();
  }

  @Test
  void theUnitSendsItsServerCsrKeepsItsKeyAt0600AndWaitsForTheCertificate() throws Exception {
    CharmContext ctx = context();
    State out = withCertificatesRelated(ctx);

    assertThat(out.unitStatus()).isEqualTo(Status.waiting(EtcdStatus.WAITING_FOR_CERTIFICATES));
    Map<String, String> sent = out.relation("certificates").localUnitData();
    assertThat(sent)
        .containsEntry("unit_name", "etcd_0")
        .containsEntry("common_name", "127.77.0.1")
        .containsEntry("sans", "[\"127.77.0.1\",\"127.0.0.1\",\"localhost\"]")
        .doesNotContainKey("client_cert_requests");
    assertThat(sent.get("csr")).contains("CERTIFICATE REQUEST");
    assertThat(sent.values()).noneMatch(v -> v.contains("PRIVATE KEY"));
    Path key = ctx.machine().path("etc/etcd/server.key");
    assertThat(Files.readString(key)).contains("PRIVATE KEY");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
        .isEqualTo("rw-------");
    assertThat(ctx.machine().path("etc/etcd/client.key")).doesNotExist();
  }

  @Test
  void theClientCertificateIsRequestedOnceTheServerCertificateArrives() throws Exception {
    CharmContext ctx = context();
    State first = withCertificatesRelated(ctx);

    State second = withServerCertificate(ctx, first);

    assertThat(second.relation("certificates").localUnitData().get("client_cert_requests"))
        .contains("etcd-client", "CERTIFICATE REQUEST");
    assertThat(Files.readString(ctx.machine().path("etc/etcd/server.crt")))
        .contains("BEGIN CERTIFICATE");
    Path clientKey = ctx.machine().path("etc/etcd/client.key");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(clientKey)))
        .isEqualTo("rw-------");
    assertThat(ctx.machine().path("etc/etcd/client.crt")).doesNotExist();
  }

  @Test
  void aMemberIsRegisteredInTheHookThatStartsItBeforeTheClusterServes() {
    CharmContext ctx = context();
    RelationState peers =
        clusterWithEtcd1(Map.of("member-name", "etcd1", "peer-url", "https://127.77.0.2:2380"))
            .build();

    State second = withServerCertificateBeside(ctx, peers, true);

    assertThat(ctx.services()).containsKey(EtcdCharm.SERVICE);
    assertThat(second.unitStatus()).isEqualTo(Status.waiting(EtcdStatus.WAITING_FOR_QUORUM));
    assertThat(second.relation("cluster").localUnitData())
        .containsEntry("started", "true")
        .containsEntry("db-ingress-address", "127.77.0.1")
        .containsEntry("client-url", "https://127.77.0.1:2379");
  }

  /**
   * The record of a peer whose member's peer URL sorts before this unit's ({@code 127.77.0.10}
   * before {@code 127.77.0.1:}, as etcd sorts them), marked started or not.
   */
  private static Map<String, String> peerThatSortsFirst(boolean started) {
    Map<String, String> data = new HashMap<>();
    data.put("member-name", "etcd1");
    data.put("peer-url", "https://127.77.0.10:2380");
    if (started) {
      data.put(EtcdCharm.STARTED, "true");
    }
    return data;
  }

  /** The leader's hooks up to its server certificate, beside that peer, not started yet. */
  private static State withCertificatesBeforeTheFirstMember(CharmContext ctx) {
    return withServerCertificateBeside(
        ctx, clusterWithEtcd1(peerThatSortsFirst(false)).build(), true);
  }

  @Test
  void aBootstrapMemberWaitsForTheMemberWhosePeerUrlSortsFirst() {
    CharmContext ctx = context();

    State second = withCertificatesBeforeTheFirstMember(ctx);

    assertThat(ctx.services()).doesNotContainKey(EtcdCharm.SERVICE);
    assertThat(second.unitStatus())
        .isEqualTo(Status.waiting(EtcdStatus.waitingForFirstMember("etcd1")));
    assertThat(second.unitState()).containsKey(EtcdCharm.STATE_FIRST_WAIT);
  }

  @Test
  void aBootstrapMemberStartsOnceTheFirstMemberHasStarted() {
    CharmContext ctx = context();
    State waiting = withCertificatesBeforeTheFirstMember(ctx);

    RelationState firstStarted =
        waiting.relation("cluster").toBuilder()
            .remoteUnit("etcd/1", peerThatSortsFirst(true))
            .build();

    State started =
        ctx.run(
            Events.relationChanged(firstStarted, "etcd/1"),
            waiting.toBuilder().relation(firstStarted).build());

    assertThat(ctx.services()).containsKey(EtcdCharm.SERVICE);
    assertThat(ctx.services().get(EtcdCharm.SERVICE).command())
        .containsSequence("--initial-cluster-state", "new");
    assertThat(started.unitState()).doesNotContainKey(EtcdCharm.STATE_FIRST_WAIT);
  }

  @Test
  void aBootstrapMemberStopsWaitingForAFirstMemberThatDoesNotStart() {
    CharmContext ctx = context();
    State waiting = withCertificatesBeforeTheFirstMember(ctx);
    long longAgo = System.currentTimeMillis() - EtcdCharm.FIRST_START_WAIT.toMillis() - 1_000;

    ctx.run(
        Events.updateStatus(),
        waiting.toBuilder().unitState(EtcdCharm.STATE_FIRST_WAIT, Long.toString(longAgo)).build());

    assertThat(ctx.services()).containsKey(EtcdCharm.SERVICE);
  }

  @Test
  void theFirstMemberToStartIsTheOneWhosePeerUrlSortsFirstAsText() {
    assertThat(
            EtcdCharm.firstToStart(
                "etcd0=https://127.77.0.2:2380,etcd1=https://127.77.0.3:2380,"
                    + "etcd8=https://127.77.0.10:2380"))
        .hasValue("etcd8");
    assertThat(EtcdCharm.firstToStart("etcd0=https://127.77.0.2:2380")).hasValue("etcd0");
    assertThat(EtcdCharm.firstToStart("")).isEmpty();
  }

  @Test
  void aJoiningMemberStartsUnregisteredBecauseEtcdNamesItOnlyWhenItServes() {
    CharmContext ctx = context();
    RelationState peers =
        clusterWithEtcd1(
                Map.of(
                    "member-name", "etcd1",
                    "peer-url", "https://127.77.0.2:2380",
                    "db-ingress-address", "127.77.0.2",
                    "client-url", "https://127.77.0.2:2379"))
            .localApplicationData(
                Map.of(
                    EtcdCharm.TOKEN,
                    "bosun-test",
                    EtcdCharm.BOOTSTRAP,
                    "etcd1=https://127.77.0.2:2380",
                    EtcdCharm.JOIN_PREFIX + "etcd0",
                    "etcd0=https://127.77.0.1:2380,etcd1=https://127.77.0.2:2380"))
            .build();

    State second = withServerCertificateBeside(ctx, peers, false);

    assertThat(ctx.services()).containsKey(EtcdCharm.SERVICE);
    assertThat(ctx.services().get(EtcdCharm.SERVICE).command())
        .containsSequence("--initial-cluster-state", "existing");
    assertThat(second.unitStatus())
        .isEqualTo(Status.waiting(EtcdStatus.WAITING_FOR_CLIENT_CERTIFICATE));
    assertThat(second.relation("cluster").localUnitData())
        .containsEntry("started", "true")
        .doesNotContainKey("db-ingress-address")
        .doesNotContainKey("client-url");
  }

  /**
   * The unit's first hook with the given peers, as the leader or not, then the hook that brings its
   * server certificate.
   */
  private static State withServerCertificateBeside(
      CharmContext ctx, RelationState peers, boolean leader) {
    return withServerCertificate(ctx, withCertificatesRelated(ctx, peers, leader));
  }

  /** Runs the hook in which easyrsa's answer brings the unit its server certificate. */
  private static State withServerCertificate(CharmContext ctx, State before) {
    CertificateAuthority ca =
        CertificateAuthority.create("test-ca", new PkiSettings(KeySpec.ECDSA_P256, 1, 1));
    TlsRequirerData requests =
        TlsCertificates.REQUIRER_CODEC
            .decode(before.relation("certificates").localUnitData())
            .orElseThrow();
    TlsProviderData.Builder signed = TlsProviderData.builder(ca.certificatePem());
    for (CertificateRequest request : requests.requests()) {
      signed.certificate(
          request.key(),
          Pem.certificate(
              ca.signServerCertificate(
                  CertificateSigningRequest.parse(request.csr()),
                  request.key().commonName(),
                  request.sans(),
                  1)));
    }
    RelationState answered =
        before.relation("certificates").toBuilder()
            .remoteUnit("easyrsa/0", TlsCertificates.PROVIDER_CODEC.encode(signed.build()))
            .build();
    return ctx.run(
        Events.relationChanged(answered, "easyrsa/0"),
        before.toBuilder().relation(answered).build());
  }

  @Test
  void anUnchangedRequestIsSentWithTheSameCsrBytes() {
    State first = withCertificatesRelated(context());
    State second = context().run(Events.updateStatus(), first);

    assertThat(second.relation("certificates").localUnitData())
        .isEqualTo(first.relation("certificates").localUnitData());
  }
}
