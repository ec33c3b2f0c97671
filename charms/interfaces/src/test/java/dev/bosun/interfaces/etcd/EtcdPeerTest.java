package dev.bosun.interfaces.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.bosun.interfaces.InvalidInterfaceDataException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EtcdPeerTest {
  @Test
  void writesMemberNamePeerUrlAndTheOriginalIngressAddress() {
    EtcdPeer peer =
        EtcdPeer.joining("etcd0", "https://10.0.1.1:2380")
            .registered("10.0.0.1", "https://10.0.0.1:2379");

    assertThat(EtcdInterface.PEER_CODEC.encode(peer))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "member-name", "etcd0",
                "peer-url", "https://10.0.1.1:2380",
                "db-ingress-address", "10.0.0.1",
                "client-url", "https://10.0.0.1:2379"));
  }

  @Test
  void aJoiningMemberPublishesNoIngressAddressYet() {
    Map<String, String> wire =
        EtcdInterface.PEER_CODEC.encode(EtcdPeer.joining("etcd1", "https://10.0.1.2:2380"));

    assertThat(wire).containsEntry("db-ingress-address", "").containsEntry("client-url", "");
  }

  @Test
  void roundTrips() {
    qt().withExamples(200)
        .forAll(integers().between(0, 500), integers().between(1, 254), integers().between(0, 1))
        .checkAssert(
            (unit, host, serving) -> {
              EtcdPeer peer =
                  EtcdPeer.joining(
                      EtcdPeer.memberNameOf("etcd/" + unit), EtcdUrls.https("fd00::" + host, 2380));
              if (serving == 1) {
                peer = peer.registered("10.0.0." + host, EtcdUrls.https("10.0.0." + host, 2379));
              }
              Map<String, String> bag = new HashMap<>(EtcdInterface.PEER_CODEC.encode(peer));
              bag.values().removeIf(String::isEmpty);

              assertThat(EtcdInterface.PEER_CODEC.decode(bag)).contains(peer);
            });
  }

  @Test
  void anOriginalPeerWithOnlyAnIngressAddressIsNotAMember() {
    assertThat(EtcdInterface.PEER_CODEC.decode(Map.of("db-ingress-address", "10.0.0.1"))).isEmpty();
  }

  @Test
  void namesMembersAsTheOriginalCharm() {
    assertThat(EtcdPeer.memberNameOf("etcd/0")).isEqualTo("etcd0");
    assertThat(EtcdPeer.memberNameOf("etcd-events/12")).isEqualTo("etcd-events12");
    assertThatThrownBy(() -> EtcdPeer.memberNameOf("etcd0"))
        .hasMessage("\"etcd0\" is not a unit name such as \"etcd/0\"");
  }

  @Test
  void rejectsHalfPublishedRegistration() {
    assertThatThrownBy(
            () ->
                new EtcdPeer("etcd0", "https://a:2380", Optional.of("10.0.0.1"), Optional.empty()))
        .isInstanceOf(InvalidInterfaceDataException.class)
        .hasMessage(
            "client-url: db-ingress-address and client-url are published together, once the"
                + " member is registered");
    assertThatThrownBy(() -> EtcdPeer.joining("etcd 0", "https://a:2380"))
        .hasMessageStartingWith("member-name: \"etcd 0\" is not an etcd member name");
    assertThatThrownBy(
            () -> EtcdInterface.PEER_CODEC.decode(Map.of("member-name", "etcd0", "peer-url", "a")))
        .hasMessageStartingWith("relation data key \"peer-url\": \"a\" is not an etcd URL");
  }

  @Test
  void derivesDesiredMembersAndRegisteredEndpoints() {
    EtcdPeer self =
        EtcdPeer.joining("etcd0", "https://10.0.1.1:2380")
            .registered("10.0.0.1", "https://10.0.0.1:2379");
    EtcdPeer serving =
        EtcdPeer.joining("etcd1", "https://10.0.1.2:2380")
            .registered("10.0.0.2", "https://10.0.0.2:2379");
    EtcdPeer joining = EtcdPeer.joining("etcd2", "https://10.0.1.3:2380");

    var members = EtcdCluster.desiredMembers(self, List.of(joining, serving));

    assertThat(members)
        .containsExactly(
            Map.entry("etcd0", "https://10.0.1.1:2380"),
            Map.entry("etcd1", "https://10.0.1.2:2380"),
            Map.entry("etcd2", "https://10.0.1.3:2380"));
    assertThat(EtcdCluster.initialCluster(members))
        .isEqualTo(
            "etcd0=https://10.0.1.1:2380,etcd1=https://10.0.1.2:2380,etcd2=https://10.0.1.3:2380");
    assertThat(EtcdCluster.registeredEndpoints(self, List.of(joining, serving)))
        .containsExactly("https://10.0.0.1:2379", "https://10.0.0.2:2379");
  }

  @Test
  void rejectsConflictingMembership() {
    EtcdPeer self = EtcdPeer.joining("etcd0", "https://10.0.1.1:2380");

    assertThatThrownBy(
            () ->
                EtcdCluster.desiredMembers(
                    self, List.of(EtcdPeer.joining("etcd0", "https://10.0.1.9:2380"))))
        .hasMessage(
            "member-name: two units claim member \"etcd0\", with peer URLs https://10.0.1.1:2380 and"
                + " https://10.0.1.9:2380");
    assertThatThrownBy(
            () ->
                EtcdCluster.desiredMembers(
                    self, List.of(EtcdPeer.joining("etcd1", "https://10.0.1.1:2380"))))
        .hasMessage(
            "peer-url: members \"etcd0\" and \"etcd1\" share peer URL https://10.0.1.1:2380");
  }
}
