package dev.bosun.testing.conformance;

import static dev.bosun.testing.charms.TestCharms.related;
import static dev.bosun.testing.charms.TestCharms.serverOnly;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bosun.charm.Status;
import dev.bosun.runtime.ActionStatus;
import dev.bosun.runtime.RelationStatus;
import dev.bosun.runtime.SettleResult;
import dev.bosun.testing.Checkpoint;
import dev.bosun.testing.ModelExtension;
import dev.bosun.testing.charms.TestCharms;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scenarios of the engine's conformance tests ({@code HookSequenceTest}, {@code
 * RelationSemanticsTest} in {@code runtime/engine}), written with the test kit: the rows of
 * juju-semantics.md §4.6 and the access rules of §5.1, as a charm author would check them. {@code
 * client} plays A (peer endpoint {@code p}, requirer {@code db}), {@code server} plays B.
 */
class JujuHookSequencesTest {

  @RegisterExtension
  static final ModelExtension model =
      ModelExtension.builder().charms(TestCharms.serverAndClient()).seed(42).build();

  @Test
  void deployingAnApplicationRelatedToAnotherRunsTheStartupOrderThenJoins() {
    model.deploy(serverOnly());
    Checkpoint serverSettled = model.checkpoint();

    model.deploy(related(1, 2));

    assertThat(model.hookTrace("client/0"))
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
    assertThat(model.hookTrace("client/1"))
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
    assertThat(model.hooksSince(serverSettled, "server/0"))
        .containsExactly(
            "db-relation-created",
            "db-relation-joined client/0",
            "db-relation-changed client/0",
            "db-relation-joined client/1",
            "db-relation-changed client/1");
  }

  @Test
  void theLeaderWritingTheApplicationBagGivesEachRemoteUnitOneApplicationLevelChanged() {
    model.deploy(related(1, 2));
    Checkpoint before = model.checkpoint();

    assertThat(model.runAction("server/0", "publish", Map.of()).status())
        .isEqualTo(ActionStatus.COMPLETED);
    model.assertSettled();

    assertThat(model.hooksSince(before, "client/0")).containsExactly("db-relation-changed");
    assertThat(model.hooksSince(before, "client/1")).containsExactly("db-relation-changed");
    assertThat(model.hooksSince(before, "server/0")).containsExactly("publish");
    model.assertThatUnit("client/1").hasStatus(Status.active("got v1"));
  }

  @Test
  void aRemovedUnitDepartsBreaksStopsAndIsRemovedWhileTheOthersSeeItDepart() {
    model.deploy(related(1, 2));
    Checkpoint before = model.checkpoint();

    model.runtime().removeUnits("client/1");
    model.assertSettled();

    assertThat(model.hooksSince(before, "client/1"))
        .containsExactly(
            "p-relation-departed client/0",
            "db-relation-departed server/0",
            "db-relation-broken",
            "stop",
            "remove");
    assertThat(model.hooksSince(before, "client/0"))
        .containsExactly("p-relation-departed client/1");
    assertThat(model.hooksSince(before, "server/0"))
        .containsExactly("db-relation-departed client/1");
    model.assertThatUnit("client/1").doesNotExist();
    assertThat(model.status().machines()).doesNotContainKey("1");
  }

  @Test
  void removingARelationDepartsEveryRemoteUnitThenBreaksIt() {
    model.deploy(related(1, 2));
    Checkpoint before = model.checkpoint();

    model.runtime().removeRelation("client", "server");
    model.assertSettled();

    assertThat(model.hooksSince(before, "client/0"))
        .containsExactly("db-relation-departed server/0", "db-relation-broken");
    assertThat(model.hooksSince(before, "server/0"))
        .containsExactly(
            "db-relation-departed client/0", "db-relation-departed client/1", "db-relation-broken");
    assertThat(model.status().relations())
        .extracting(RelationStatus::key)
        .containsExactly("client:p", "server:cluster");
  }

  @Test
  void aNonLeaderWritingApplicationDataFailsItsHookAndTheLeaderWritesWakeTheRemoteSide() {
    model.deploy(related(1, 2));
    Checkpoint before = model.checkpoint();

    model.runtime().setConfig("client", Map.of("greeting", "write-app-data"));
    SettleResult result = model.settle();

    assertThat(result.settled()).isFalse();
    assertThat(result.errors())
        .containsExactly(Map.entry("client/1", "hook failed: \"config-changed\""));
    assertThat(model.hooksSince(before, "client/0")).containsExactly("config-changed");
    assertThat(model.hooksSince(before, "client/1")).containsExactly("config-changed FAILED");
    assertThat(model.hooksSince(before, "server/0")).containsExactly("db-relation-changed");
    assertThat(model.applicationData("client", "db")).containsExactly(Map.entry("x", "y"));
    model.assertThatUnit("client/1").hasFailedHook("config-changed").hasAgentStatus("idle");
  }
}
