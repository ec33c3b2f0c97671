package dev.bosun.charms.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bosun.charm.Status;
import dev.bosun.testing.CharmContext;
import dev.bosun.testing.Events;
import dev.bosun.testing.RelationState;
import dev.bosun.testing.State;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One hook of the etcd charm at a time, where no etcd process is needed. */
class EtcdCharmTest {
  @TempDir Path machine;

  private CharmContext context() {
    return CharmContext.fromClasspath("charms/etcd").withUnit("etcd/0").withMachineRoot(machine);
  }

  private static RelationState cluster() {
    return RelationState.peerBuilder("cluster").remoteUnits("etcd/1").build();
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
  void theUnitSendsCsrsKeepsItsKeysAt0600AndWaitsForTheCertificates() throws Exception {
    RelationState certificates = RelationState.builder("certificates", "easyrsa").build();
    CharmContext ctx = context();
    State out =
        ctx.run(
            Events.configChanged(),
            State.builder().relation(cluster()).relation(certificates).build());

    assertThat(out.unitStatus()).isEqualTo(Status.waiting(EtcdStatus.WAITING_FOR_CERTIFICATES));
    Map<String, String> sent = out.relation("certificates").localUnitData();
    assertThat(sent)
        .containsEntry("unit_name", "etcd_0")
        .containsEntry("common_name", "127.77.0.1")
        .containsEntry("sans", "[\"127.77.0.1\",\"127.0.0.1\",\"localhost\"]");
    assertThat(sent.get("client_cert_requests")).contains("etcd-client", "CERTIFICATE REQUEST");
    assertThat(sent.values()).noneMatch(v -> v.contains("PRIVATE KEY"));
    for (String key : new String[] {"etc/etcd/server.key", "etc/etcd/client.key"}) {
      Path file = ctx.machine().path(key);
      assertThat(Files.readString(file)).contains("PRIVATE KEY");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
    }
  }

  @Test
  void anUnchangedRequestIsSentWithTheSameCsrBytes() {
    RelationState certificates = RelationState.builder("certificates", "easyrsa").build();
    State first =
        context()
            .run(
                Events.configChanged(),
                State.builder().relation(cluster()).relation(certificates).build());
    State second = context().run(Events.updateStatus(), first);

    assertThat(second.relation("certificates").localUnitData())
        .isEqualTo(first.relation("certificates").localUnitData());
  }
}
