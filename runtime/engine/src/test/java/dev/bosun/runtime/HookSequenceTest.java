package dev.bosun.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bosun.charm.event.RelationDeparted;
import dev.bosun.model.charm.CharmMeta;
import dev.bosun.model.charm.Endpoint;
import dev.bosun.model.charm.Role;
import dev.bosun.model.spec.ModelSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every row of the typical hook sequences of juju-semantics.md §4.6, as the exact hooks each unit
 * runs (from the hook log). {@code client} plays A (peer endpoint {@code p}, requirer {@code db}),
 * {@code server} plays B.
 */
class HookSequenceTest {
  private final Harness h = new Harness();

  @AfterEach
  void close() {
    h.close();
  }

  private static ModelSpec serverOnly() {
    return ModelSpec.builder().application("server", app -> app.units(1)).build();
  }

  private static ModelSpec related(int clients) {
    return ModelSpec.builder()
        .application("server", app -> app.units(1))
        .application("client", app -> app.units(clients))
        .relate("client:db", "server:db")
        .build();
  }

  private void publishOnAction() {
    h.server.on(
        "publish",
        ctx ->
            ctx.relations("db")
                .forEach(
                    relation ->
                        relation
                            .applicationData()
                            .put("value", (String) ctx.action().parameters().get("value"))));
  }

  @Test
  void deployingAnApplicationRelatedToAnotherRunsTheStartupOrderThenJoins() {
    h.apply(serverOnly());
    h.settled();
    h.mark("server/0");
    h.apply(related(2));
    h.settled();

    assertThat(h.hooks("client/0"))
        .containsExactly(
            "install",
            "p-relation-created",
            "db-relation-created",
            "leader-elected",
            "config-changed",
            "start",
            "p-relation-joined client/1",
            "p-relation-changed client/1",
            "db-relation-joined server/0",
            "db-relation-changed server/0");
    assertThat(h.since("server/0"))
        .containsExactly(
            "db-relation-created",
            "db-relation-joined client/0",
            "db-relation-changed client/0",
            "db-relation-joined client/1",
            "db-relation-changed client/1");
  }

  @Test
  void aMinionRunsLeaderSettingsChangedWhereTheLeaderRunsLeaderElected() {
    h.apply(serverOnly());
    h.settled();
    h.apply(related(2));
    h.settled();

    assertThat(h.hooks("client/1"))
        .containsExactly(
            "install",
            "p-relation-created",
            "db-relation-created",
            "leader-settings-changed",
            "config-changed",
            "start",
            "p-relation-joined client/0",
            "p-relation-changed client/0",
            "db-relation-joined server/0",
            "db-relation-changed server/0");
    assertThat(h.runtime.status().unit("client/0").orElseThrow().leader()).isTrue();
    assertThat(h.runtime.status().unit("client/1").orElseThrow().leader()).isFalse();
  }

  @Test
  void theLeaderWritingTheApplicationBagGivesEachRemoteUnitOneApplicationLevelChanged() {
    publishOnAction();
    h.apply(related(2));
    h.settled();
    h.mark("client/0", "client/1", "server/0");

    ActionResult result =
        h.runtime.runAction("server/0", "publish", Map.of()).await(Duration.ofSeconds(10));
    h.settled();

    assertThat(result.status()).isEqualTo(ActionStatus.COMPLETED);
    assertThat(h.since("client/0")).containsExactly("db-relation-changed");
    assertThat(h.since("client/1")).containsExactly("db-relation-changed");
    assertThat(h.since("server/0")).containsExactly("publish");
    List<HookRecord> changed = h.runtime.hookLog("client/0");
    HookRecord last = changed.get(changed.size() - 1);
    assertThat(last.remoteUnit()).isNull();
    assertThat(last.relationId()).isNotNegative();
  }

  @Test
  void integratingTwoStartedApplicationsRunsCreatedThenJoinedAndChangedPerRemoteUnit() {
    h.apply(
        ModelSpec.builder()
            .application("server", app -> app.units(1))
            .application("client", app -> app.units(2))
            .build());
    h.settled();
    h.mark("server/0", "client/0", "client/1");

    RelationStatus relation = h.runtime.integrate("client", "server");
    h.settled();

    assertThat(relation.key()).isEqualTo("client:db server:db");
    assertThat(h.since("client/0"))
        .containsExactly(
            "db-relation-created", "db-relation-joined server/0", "db-relation-changed server/0");
    assertThat(h.since("client/1"))
        .containsExactly(
            "db-relation-created", "db-relation-joined server/0", "db-relation-changed server/0");
    assertThat(h.since("server/0"))
        .containsExactly(
            "db-relation-created",
            "db-relation-joined client/0",
            "db-relation-changed client/0",
            "db-relation-joined client/1",
            "db-relation-changed client/1");
  }

  @Test
  void anAddedUnitStartsUpAndEveryCounterpartJoinsIt() {
    h.apply(related(2));
    h.settled();
    h.mark("server/0", "client/0", "client/1");

    assertThat(h.runtime.addUnits("client", 1)).containsExactly("client/2");
    h.settled();

    assertThat(h.hooks("client/2"))
        .containsExactly(
            "install",
            "p-relation-created",
            "db-relation-created",
            "leader-settings-changed",
            "config-changed",
            "start",
            "p-relation-joined client/0",
            "p-relation-changed client/0",
            "p-relation-joined client/1",
            "p-relation-changed client/1",
            "db-relation-joined server/0",
            "db-relation-changed server/0");
    assertThat(h.since("client/0"))
        .containsExactly("p-relation-joined client/2", "p-relation-changed client/2");
    assertThat(h.since("client/1"))
        .containsExactly("p-relation-joined client/2", "p-relation-changed client/2");
    assertThat(h.since("server/0"))
        .containsExactly("db-relation-joined client/2", "db-relation-changed client/2");
  }

  @Test
  void aRemovedUnitDepartsBreaksStopsAndIsRemovedWhileTheOthersSeeItDepart() {
    List<String> departing = new CopyOnWriteArrayList<>();
    h.client.always(
        ctx -> {
          if (ctx.event() instanceof RelationDeparted departed) {
            departing.add(
                ctx.unitName() + " " + departed.remoteUnit() + " " + departed.departingUnit());
          }
        });
    h.apply(related(2));
    h.settled();
    h.mark("server/0", "client/0");

    h.runtime.removeUnits("client/1");
    h.settled();

    assertThat(h.hooks("client/1"))
        .endsWith(
            "p-relation-departed client/0",
            "db-relation-departed server/0",
            "db-relation-broken",
            "stop",
            "remove");
    assertThat(h.since("client/0")).containsExactly("p-relation-departed client/1");
    assertThat(h.since("server/0")).containsExactly("db-relation-departed client/1");
    assertThat(departing)
        .containsExactlyInAnyOrder(
            "client/1 client/0 client/1",
            "client/1 server/0 client/1",
            "client/0 client/1 client/1");
    ModelStatus status = h.runtime.status();
    assertThat(status.unit("client/1")).isEmpty();
    assertThat(status.machines()).doesNotContainKey("1");
  }

  @Test
  void removingTheLeaderElectsOneSurvivorAndTellsTheOthers() {
    h.apply(related(3));
    h.settled();
    h.mark("client/1", "client/2");

    h.runtime.removeUnits("client/0");
    h.settled();

    // The dying leader resigns at once; leadership outranks relation hooks in the resolver.
    assertThat(h.since("client/1"))
        .containsExactly("leader-elected", "p-relation-departed client/0");
    assertThat(h.since("client/2"))
        .containsExactly("leader-settings-changed", "p-relation-departed client/0");
    assertThat(h.runtime.status().unit("client/1").orElseThrow().leader()).isTrue();
  }

  @Test
  void removingARelationDepartsEveryRemoteUnitThenBreaksIt() {
    h.apply(related(2));
    h.settled();
    h.mark("server/0", "client/0", "client/1");

    h.runtime.removeRelation("client", "server");
    h.settled();

    assertThat(h.since("client/0"))
        .containsExactly("db-relation-departed server/0", "db-relation-broken");
    assertThat(h.since("client/1"))
        .containsExactly("db-relation-departed server/0", "db-relation-broken");
    assertThat(h.since("server/0"))
        .containsExactly(
            "db-relation-departed client/0", "db-relation-departed client/1", "db-relation-broken");
    assertThat(h.runtime.status().relations())
        .extracting(RelationStatus::key)
        .containsExactly("client:p", "server:cluster");
  }

  @Test
  void changingConfigurationRunsConfigChangedOnEveryUnitOfTheApplication() {
    h.apply(related(2));
    h.settled();
    h.mark("server/0", "client/0", "client/1");

    h.runtime.setConfig("client", Map.of("greeting", "hello"));
    h.settled();

    assertThat(h.since("client/0")).containsExactly("config-changed");
    assertThat(h.since("client/1")).containsExactly("config-changed");
    assertThat(h.since("server/0")).isEmpty();
  }

  @Test
  void refreshingRunsUpgradeCharmThenConfigChangedOnEveryUnit() {
    h.apply(related(2));
    h.settled();
    h.mark("server/0", "client/0", "client/1");

    h.runtime.refresh("client", TestCharms.define(TestCharms.clientMeta(), h.client));
    h.settled();

    assertThat(h.since("client/0")).containsExactly("upgrade-charm", "config-changed");
    assertThat(h.since("client/1")).containsExactly("upgrade-charm", "config-changed");
    assertThat(h.since("server/0")).isEmpty();
    assertThat(h.runtime.status().applications().get("client").charmVersion()).isEqualTo(1);
  }

  @Test
  void refreshingToACharmWithANewPeerEndpointCreatesThatPeerRelation() {
    h.apply(related(2));
    h.settled();
    h.mark("client/0", "client/1");
    CharmMeta withQ =
        CharmMeta.builder("client")
            .requires(Endpoint.of("db", Role.REQUIRER, "sql"))
            .peers(
                Endpoint.of("p", Role.PEER, "client-peers"),
                Endpoint.of("q", Role.PEER, "client-quorum"))
            .config(TestCharms.options("greeting"))
            .build();

    h.runtime.refresh("client", TestCharms.define(withQ, h.client));
    h.settled();

    assertThat(h.since("client/0"))
        .containsExactly(
            "upgrade-charm",
            "config-changed",
            "q-relation-created",
            "q-relation-joined client/1",
            "q-relation-changed client/1");
    assertThat(h.since("client/1"))
        .containsExactly(
            "upgrade-charm",
            "config-changed",
            "q-relation-created",
            "q-relation-joined client/0",
            "q-relation-changed client/0");
    assertThat(h.runtime.status().relations()).extracting(RelationStatus::key).contains("client:q");
  }

  @Test
  void updateStatusRunsOnEveryIdleUnitWithinTheIntervalPlusOrMinusTwentyPercent() {
    h.apply(related(2));
    h.settled();
    h.mark("server/0", "client/0", "client/1");

    h.advance(Duration.ofSeconds(239));
    assertThat(h.since("client/0")).isEmpty();
    h.advance(Duration.ofSeconds(121));

    for (String unit : List.of("server/0", "client/0", "client/1")) {
      assertThat(h.since(unit)).as(unit).containsExactly("update-status");
    }
  }
}
