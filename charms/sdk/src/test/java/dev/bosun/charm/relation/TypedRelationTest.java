package dev.bosun.charm.relation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bosun.charm.CharmDefinition;
import dev.bosun.charm.CharmFiles;
import dev.bosun.charm.HookContext;
import dev.bosun.charm.RelationDataAccessException;
import dev.bosun.charm.event.ConfigChanged;
import dev.bosun.charm.fake.FakeBackend;
import dev.bosun.charm.fake.FakeRelation;
import dev.bosun.charm.fake.TestCharms;
import dev.bosun.charm.spi.HookOutcome;
import dev.bosun.model.charm.CharmMeta;
import dev.bosun.model.charm.Endpoint;
import dev.bosun.model.charm.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Typed relation views: records instead of string maps, checked against the charm's metadata. */
class TypedRelationTest {

  /** What a tls-certificates provider publishes. */
  record CaBundle(String ca, Optional<String> chain) {}

  /** What a tls-certificates requirer publishes. */
  record CertRequest(
      @Wire("common_name") String commonName,
      List<String> sans,
      @Wire("unit_name") String unitName) {}

  static final RelationInterface<CaBundle, CertRequest> TLS =
      RelationInterface.of("tls-certificates", CaBundle.class, CertRequest.class);

  /** What the etcd db endpoint publishes; its requirers publish nothing. */
  record EtcdConnection(@Wire("connection_string") String connectionString) {}

  record Nothing() {}

  static final RelationInterface<EtcdConnection, Nothing> ETCD =
      RelationInterface.of("etcd", EtcdConnection.class, Nothing.class);

  private static FakeRelation certificates() {
    return FakeRelation.builder(5, "certificates", Role.REQUIRER, "tls-certificates")
        .remoteApplication("easyrsa")
        .unit("easyrsa/0", Map.of("ca", "PEM0", "private-address", "10.0.0.9"))
        .unit("easyrsa/1", Map.of("private-address", "10.0.0.10"))
        .unit("easyrsa/2", Map.of("ca", "PEM2", "chain", "CHAIN2"))
        .departed("easyrsa/3", Map.of("ca", "PEM3"))
        .remoteApplicationData(Map.of("ca", "APP-PEM"))
        .build();
  }

  private static HookOutcome run(boolean leader, Consumer<HookContext> body) {
    return FakeBackend.builder(TestCharms.etcd(body::accept), new ConfigChanged())
        .unit("etcd/1")
        .leader(leader)
        .relation(certificates())
        .relation(
            FakeRelation.builder(3, "db", Role.PROVIDER, "etcd")
                .remoteApplication("kubernetes-master")
                .unit("kubernetes-master/0", Map.of())
                .build())
        .run();
  }

  @Test
  void decodesTheRemoteUnitsThatPublishedCompletelyAndLeavesTheOthersOut() {
    List<Object> seen = new ArrayList<>();

    HookOutcome outcome =
        run(
            false,
            ctx -> {
              for (TypedRelation<CertRequest, CaBundle> tls :
                  ctx.relations("certificates", TLS.requirer())) {
                seen.add(tls.relation().id());
                seen.add(tls.remoteUnits());
                seen.add(tls.remoteApplication());
              }
            });

    assertThat(outcome.succeeded()).isTrue();
    assertThat(seen)
        .containsExactly(
            5,
            Map.of(
                "easyrsa/0", new CaBundle("PEM0", Optional.empty()),
                "easyrsa/2", new CaBundle("PEM2", Optional.of("CHAIN2"))),
            Optional.of(new CaBundle("APP-PEM", Optional.empty())));
  }

  @Test
  void publishesTheLocalRecordInTheUnitBag() {
    HookOutcome outcome =
        run(
            false,
            ctx ->
                ctx.relations("certificates", TLS.requirer())
                    .get(0)
                    .publish(new CertRequest("etcd", List.of("10.0.0.2", "etcd.local"), "etcd_1")));

    assertThat(outcome.changes().relations().get(5).unitData())
        .containsExactly(
            Map.entry("common_name", "etcd"),
            Map.entry("sans", "[\"10.0.0.2\",\"etcd.local\"]"),
            Map.entry("unit_name", "etcd_1"));
  }

  @Test
  void onlyTheLeaderPublishesTheApplicationRecord() {
    Consumer<HookContext> publish =
        ctx ->
            ctx.relations("db", ETCD.provider())
                .get(0)
                .publishApplication(new EtcdConnection("https://10.0.0.1:2379"));

    HookOutcome minion = run(false, publish);
    HookOutcome leader = run(true, publish);

    assertThat(minion.failure())
        .isInstanceOf(RelationDataAccessException.class)
        .hasMessage("etcd/1 is not leader and cannot write application data.");
    assertThat(leader.changes().relations().get(3).applicationData())
        .containsExactly(Map.entry("connection_string", "https://10.0.0.1:2379"));
  }

  @Test
  void checksTheEndpointsInterfaceAndRoleAgainstTheCharmsMetadata() {
    HookOutcome wrongRole = run(true, ctx -> ctx.relations("db", ETCD.requirer()));
    HookOutcome wrongInterface = run(true, ctx -> ctx.relations("certificates", ETCD.requirer()));
    HookOutcome unknown = run(true, ctx -> ctx.relations("tls", TLS.requirer()));

    assertThat(wrongRole.failure())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "endpoint \"db\" of charm \"etcd\" is the provider side of interface \"etcd\", but the"
                + " typed view asked for is the requirer side of interface \"etcd\"");
    assertThat(wrongInterface.failure())
        .hasMessage(
            "endpoint \"certificates\" of charm \"etcd\" is the requirer side of interface"
                + " \"tls-certificates\", but the typed view asked for is the requirer side of"
                + " interface \"etcd\"");
    assertThat(unknown.failure())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("charm \"etcd\" has no endpoint \"tls\"");
  }

  @Test
  void aRemoteValueThatDoesNotParseFailsTheHookNamingTheKey() {
    HookOutcome malformed =
        FakeBackend.builder(
                new CharmDefinition(
                    CharmMeta.builder("vault")
                        .provides(Endpoint.of("certificates", Role.PROVIDER, "tls-certificates"))
                        .build(),
                    () -> ctx -> ctx.relations("certificates", TLS.provider()).get(0).remoteUnits(),
                    CharmFiles.of("vault", Map.of())),
                new ConfigChanged())
            .relation(
                FakeRelation.builder(8, "certificates", Role.PROVIDER, "tls-certificates")
                    .remoteApplication("etcd")
                    .unit(
                        "etcd/0",
                        Map.of("common_name", "etcd", "sans", "10.0.0.1", "unit_name", "etcd_0"))
                    .build())
            .run();

    assertThat(malformed.failure())
        .isInstanceOf(WireFormatException.class)
        .hasMessage(
            "relation data key \"sans\" (CertRequest.sans): expected a JSON array of String, got"
                + " \"10.0.0.1\"");
  }

  /** What every etcd peer publishes. */
  record Peer(@Wire("db-ingress-address") String address) {}

  @Test
  void aPeerRelationReadsTheSharedApplicationBagAsTheRemoteApplicationRecord() {
    InterfaceEndpoint<Peer, Peer> peers =
        new InterfaceEndpoint<>(
            "etcd-peer", Role.PEER, WireCodec.of(Peer.class), WireCodec.of(Peer.class));
    List<Object> seen = new ArrayList<>();

    HookOutcome outcome =
        FakeBackend.builder(
                TestCharms.etcd(
                    ctx -> {
                      TypedRelation<Peer, Peer> cluster = ctx.relations("cluster", peers).get(0);
                      seen.add(cluster.remoteUnits());
                      seen.add(cluster.remoteApplication());
                      cluster.publish(new Peer("10.0.0.2"));
                    }),
                new ConfigChanged())
            .unit("etcd/1")
            .leader(false)
            .relation(
                FakeRelation.builder(1, "cluster", Role.PEER, "etcd-peer")
                    .remoteApplication("etcd")
                    .unit("etcd/0", Map.of("db-ingress-address", "10.0.0.1"))
                    .localApplicationData(Map.of("db-ingress-address", "10.0.0.100"))
                    .build())
            .run();

    assertThat(outcome.error()).isEmpty();
    assertThat(seen)
        .containsExactly(
            Map.of("etcd/0", new Peer("10.0.0.1")), Optional.of(new Peer("10.0.0.100")));
    assertThat(outcome.changes().relations().get(1).unitData())
        .containsExactly(Map.entry("db-ingress-address", "10.0.0.2"));
  }
}
