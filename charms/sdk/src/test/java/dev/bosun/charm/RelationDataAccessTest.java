package dev.bosun.charm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bosun.charm.event.ConfigChanged;
import dev.bosun.charm.event.HookEvent;
import dev.bosun.charm.event.RelationBroken;
import dev.bosun.charm.fake.FakeBackend;
import dev.bosun.charm.fake.FakeRelation;
import dev.bosun.charm.fake.TestCharms;
import dev.bosun.charm.spi.HookOutcome;
import dev.bosun.charm.spi.RelationChanges;
import dev.bosun.model.charm.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Juju's rules for relation databags, with ops' messages, as a charm meets them. */
class RelationDataAccessTest {

  /** etcd's db endpoint provides to kubernetes-master; kubernetes-master/1 has departed. */
  private static FakeRelation db() {
    return FakeRelation.builder(3, "db", Role.PROVIDER, "etcd")
        .remoteApplication("kubernetes-master")
        .unit("kubernetes-master/0", Map.of("private-address", "10.0.0.5"))
        .departed("kubernetes-master/1", Map.of("private-address", "10.0.0.6"))
        .localUnitData(Map.of("port", "2379"))
        .localApplicationData(Map.of("cluster-token", "abc"))
        .remoteApplicationData(Map.of("requested", "yes"))
        .build();
  }

  /** etcd's peer relation. */
  private static FakeRelation cluster() {
    return FakeRelation.builder(1, "cluster", Role.PEER, "etcd-peer")
        .remoteApplication("etcd")
        .unit("etcd/0", Map.of("db-ingress-address", "10.0.0.1"))
        .localApplicationData(Map.of("token", "T0K3N"))
        .build();
  }

  private static HookOutcome run(boolean leader, Consumer<HookContext> body) {
    return run(leader, new ConfigChanged(), body);
  }

  private static HookOutcome run(boolean leader, HookEvent event, Consumer<HookContext> body) {
    return FakeBackend.builder(TestCharms.etcd(body::accept), event)
        .unit("etcd/1")
        .leader(leader)
        .relation(db())
        .relation(cluster())
        .relation(
            FakeRelation.builder(7, "db", Role.PROVIDER, "etcd")
                .remoteApplication("old-consumer")
                .broken()
                .build())
        .run();
  }

  private static Throwable failure(boolean leader, Consumer<HookContext> body) {
    HookOutcome outcome = run(leader, body);
    assertThat(outcome.succeeded()).as("the hook should have failed").isFalse();
    return outcome.failure();
  }

  private static Relation db(HookContext ctx) {
    return ctx.relation("db").orElseThrow();
  }

  @Test
  void aBackendThatKnowsNoGoalTakesTheRelationsCurrentMembersAsTheGoal() {
    java.util.concurrent.atomic.AtomicReference<GoalState> seen =
        new java.util.concurrent.atomic.AtomicReference<>();
    assertThat(run(false, ctx -> seen.set(ctx.goalState())).succeeded()).isTrue();

    assertThat(seen.get().units()).containsExactly("etcd/0", "etcd/1");
    assertThat(seen.get().relatedUnits("cluster")).containsExactly("etcd/0");
    assertThat(seen.get().relatedUnits("db")).containsExactly("kubernetes-master/0");
  }

  @Test
  void aNonLeaderCannotReadItsOwnApplicationBagInAProviderRequirerRelation() {
    Throwable failure = failure(false, ctx -> db(ctx).applicationData().get("cluster-token"));

    assertThat(failure)
        .isInstanceOf(RelationDataAccessException.class)
        .hasMessage("etcd/1 is not leader and cannot read its own application databag");
    RelationDataAccessException access = (RelationDataAccessException) failure;
    assertThat(access.unit()).isEqualTo("etcd/1");
    assertThat(access.relationId()).isEqualTo(3);
    assertThat(failure(false, ctx -> db(ctx).applicationData().asMap()))
        .hasMessage("etcd/1 is not leader and cannot read its own application databag");
  }

  @Test
  void aNonLeaderCannotWriteApplicationDataInAnyRelation() {
    assertThat(failure(false, ctx -> db(ctx).applicationData().put("k", "v")))
        .isInstanceOf(RelationDataAccessException.class)
        .hasMessage("etcd/1 is not leader and cannot write application data.");
    assertThat(
            failure(
                false, ctx -> ctx.relation("cluster").orElseThrow().applicationData().remove("k")))
        .hasMessage("etcd/1 is not leader and cannot write application data.");
  }

  @Test
  void everyPeerReadsThePeerApplicationBag() {
    Map<String, String> seen = new HashMap<>();

    HookOutcome outcome =
        run(
            false,
            ctx -> seen.putAll(ctx.relation("cluster").orElseThrow().applicationData().asMap()));

    assertThat(outcome.succeeded()).isTrue();
    assertThat(seen).containsExactly(Map.entry("token", "T0K3N"));
  }

  @Test
  void theLeaderReadsAndWritesItsApplicationBag() {
    Map<String, String> seen = new HashMap<>();

    HookOutcome outcome =
        run(
            true,
            ctx -> {
              seen.putAll(db(ctx).applicationData().asMap());
              db(ctx).applicationData().put("version", "3.4");
            });

    assertThat(seen).containsEntry("cluster-token", "abc");
    assertThat(outcome.changes().relations().get(3))
        .isEqualTo(new RelationChanges(Map.of(), Map.of("version", "3.4")));
  }

  @Test
  void remoteBagsAreReadOnly() {
    assertThat(failure(true, ctx -> db(ctx).unitData("kubernetes-master/0").put("k", "v")))
        .isInstanceOf(RelationDataAccessException.class)
        .hasMessage("etcd/1 cannot write the data of remote unit kubernetes-master/0");
    assertThat(failure(true, ctx -> db(ctx).remoteApplicationData().put("k", "v")))
        .isInstanceOf(RelationDataAccessException.class)
        .hasMessage("etcd/1 cannot write the data of remote application kubernetes-master");
    assertThat(
            failure(
                true, ctx -> ctx.relation("cluster").orElseThrow().unitData("etcd/0").remove("k")))
        .hasMessage("etcd/1 cannot write the data of remote unit etcd/0");
  }

  @Test
  void everyUnitReadsRemoteBags() {
    Map<String, String> seen = new HashMap<>();

    HookOutcome outcome =
        run(
            false,
            ctx -> {
              seen.putAll(db(ctx).remoteApplicationData().asMap());
              seen.putAll(db(ctx).unitData("kubernetes-master/0").asMap());
            });

    assertThat(outcome.succeeded()).isTrue();
    assertThat(seen).containsEntry("requested", "yes").containsEntry("private-address", "10.0.0.5");
  }

  @Test
  void saysWhichBagsThisUnitMayWrite() {
    Map<String, Boolean> writable = new HashMap<>();
    Consumer<HookContext> probe =
        ctx -> {
          writable.put("local", db(ctx).localUnitData().isWritable());
          writable.put("app", db(ctx).applicationData().isWritable());
          writable.put("remote-unit", db(ctx).unitData("kubernetes-master/0").isWritable());
          writable.put("remote-app", db(ctx).remoteApplicationData().isWritable());
        };

    run(false, probe);
    assertThat(writable)
        .containsEntry("local", true)
        .containsEntry("app", false)
        .containsEntry("remote-unit", false)
        .containsEntry("remote-app", false);
    run(true, probe);
    assertThat(writable).containsEntry("app", true).containsEntry("remote-app", false);
  }

  @Test
  void aDepartedUnitsBagStaysReadableButTheUnitIsNoLongerListed() {
    Map<String, Object> seen = new HashMap<>();

    run(
        false,
        ctx -> {
          seen.put("units", db(ctx).units());
          seen.put("departed", db(ctx).unitData("kubernetes-master/1").get("private-address"));
        });

    assertThat(seen)
        .containsEntry("units", java.util.Set.of("kubernetes-master/0"))
        .containsEntry("departed", java.util.Optional.of("10.0.0.6"));
  }

  @Test
  void aUnitThatNeverJoinedHasNoBag() {
    assertThat(failure(false, ctx -> db(ctx).unitData("kubernetes-master/9")))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessage(
            "unit kubernetes-master/9 never joined relation db:3; its units are"
                + " [kubernetes-master/0]");
  }

  @Test
  void theUnitsOwnNameGivesItsOwnWritableBag() {
    HookOutcome outcome = run(false, ctx -> db(ctx).unitData("etcd/1").put("k", "v"));

    assertThat(outcome.changes().relations().get(3).unitData()).containsEntry("k", "v");
  }

  @Test
  void readsSeeTheHooksOwnWritesAndAnEmptyValueDeletes() {
    Map<String, Object> seen = new HashMap<>();

    HookOutcome outcome =
        run(
            true,
            ctx -> {
              RelationData local = db(ctx).localUnitData();
              local.put("connection_string", "https://10.0.0.2:2379");
              local.put("port", "");
              seen.put("written", local.get("connection_string"));
              seen.put("deleted", local.get("port"));
              seen.put("map", local.asMap());
              local.putAll(Map.of("a", "1", "b", "2"));
              local.remove("b");
              seen.put("again", ctx.relation(3).localUnitData().asMap());
            });

    assertThat(seen)
        .containsEntry("written", java.util.Optional.of("https://10.0.0.2:2379"))
        .containsEntry("deleted", java.util.Optional.empty())
        .containsEntry("map", Map.of("connection_string", "https://10.0.0.2:2379"))
        .containsEntry("again", Map.of("connection_string", "https://10.0.0.2:2379", "a", "1"));
    Map<String, String> expected = new HashMap<>();
    expected.put("connection_string", "https://10.0.0.2:2379");
    expected.put("port", null);
    expected.put("a", "1");
    assertThat(outcome.changes().relations().get(3).unitData()).isEqualTo(expected);
  }

  @Test
  void listsLiveRelationsOfAnEndpointInIdOrderAndReachesTheBrokenOneThroughItsEvent() {
    List<Object> seen = new ArrayList<>();
    RelationBroken broken = new RelationBroken("db", 7, "old-consumer");

    run(
        true,
        broken,
        ctx -> {
          seen.add(ctx.relations("db").stream().map(Relation::id).toList());
          seen.add(ctx.relation(ctx.event() instanceof RelationBroken b ? b : null).id());
          seen.add(ctx.relation(7).remoteApplication());
          seen.add(ctx.relations("certificates"));
          seen.add(ctx.relation("certificates"));
          seen.add(ctx.relations("juju-info"));
          Relation cluster = ctx.relation("cluster").orElseThrow();
          seen.add(List.of(cluster.isPeer(), cluster.interfaceName(), cluster.endpoint()));
        });

    assertThat(seen)
        .containsExactly(
            List.of(3),
            7,
            "old-consumer",
            List.of(),
            java.util.Optional.empty(),
            List.of(),
            List.of(true, "etcd-peer", "cluster"));
  }

  @Test
  void namesTheDeclaredEndpointsWhenAskedForAnUnknownOne() {
    assertThat(failure(false, ctx -> ctx.relations("database")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "charm \"etcd\" has no endpoint \"database\"; its endpoints are db, certificates,"
                + " cluster, juju-info");
    assertThat(failure(false, ctx -> ctx.relation(42)))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessage("etcd/1 is not in relation 42; its relations are [cluster:1, db:3, db:7]");
  }

  @Test
  void relationOfAnEndpointWithSeveralRelationsSaysToIterate() {
    HookOutcome outcome =
        FakeBackend.builder(TestCharms.etcd(ctx -> ctx.relation("db")), new ConfigChanged())
            .relation(db())
            .relation(
                FakeRelation.builder(4, "db", Role.PROVIDER, "etcd")
                    .remoteApplication("calico")
                    .build())
            .run();

    assertThat(outcome.failure())
        .isInstanceOf(TooManyRelationsException.class)
        .hasMessage("endpoint \"db\" has 2 relations; use relations(\"db\") to handle each");
  }
}
