package dev.bosun.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bosun.charm.Status;
import dev.bosun.runtime.ActionResult;
import dev.bosun.runtime.ActionStatus;
import dev.bosun.runtime.HookRecord;
import dev.bosun.runtime.ResolveMode;
import dev.bosun.runtime.SettleResult;
import dev.bosun.testing.charms.TestCharms;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentest4j.AssertionFailedError;

class ModelExtensionTest {

  @RegisterExtension
  static final ModelExtension model =
      ModelExtension.builder().charms(TestCharms.serverAndClient()).seed(42).build();

  @RepeatedTest(2)
  void everyTestStartsWithAFreshEmptyModelAndClock() {
    assertThat(model.status().applications()).isEmpty();
    assertThat(model.clock().instant()).isEqualTo(dev.bosun.runtime.ManualClock.DEFAULT_START);

    model.deploy(TestCharms.related(1, 2));
    model.advance(Duration.ofMinutes(10));

    assertThat(model.hooks("client/0")).startsWith("install").containsOnlyOnce("install");
  }

  @Test
  void deploysAModelAndReportsStatusHooksAndRelationData() {
    SettleResult settled = model.deploy(TestCharms.related(1, 2));

    assertThat(settled.settled()).isTrue();
    model.assertThatApplication("client").hasUnits("client/0", "client/1").hasLeader("client/0");
    model.assertThatUnit("client/0").hasStatus(Status.active("ready")).isLeader();
    model
        .assertThatUnit("client/1")
        .hasWorkloadStatus("active")
        .isNotLeader()
        .hasAgentStatus("idle");
    model
        .assertThatUnit("client/1")
        .hooks()
        .startsWith(
            "install", "p-relation-created", "db-relation-created", "leader-settings-changed");
    assertThat(model.hookTrace("server/0"))
        .endsWith("db-relation-joined client/1", "db-relation-changed client/1");
    String address = model.status().unit("server/0").orElseThrow().address();
    assertThat(model.relationData("server/0", "db")).containsEntry("private-address", address);
    model.assertThatUnit("client/0").relationData("p").containsKey("ingress-address");
    assertThat(model.applicationData("server", "db")).isEmpty();
  }

  @Test
  void runsActionsAndShowsWhatTheyCaused() {
    model.deploy(TestCharms.related(1, 2));
    Checkpoint before = model.checkpoint();

    ActionResult result = model.runAction("server/0", "publish", Map.of("value", "v7"));
    model.assertSettled();

    assertThat(result.status()).isEqualTo(ActionStatus.COMPLETED);
    assertThat(result.results()).containsEntry("published", "v7");
    assertThat(model.applicationData("server", "db")).containsExactly(Map.entry("value", "v7"));
    assertThat(model.hooksSince(before, "client/1")).containsExactly("db-relation-changed");
    assertThat(model.hooksSince(before, "server/0")).containsExactly("publish");
    model.assertThatUnit("client/1").hasStatus(Status.active("got v7"));
  }

  @Test
  void advancingTheClockFiresUpdateStatusWithoutSleeping() {
    model.deploy(TestCharms.related(1, 1));
    Checkpoint settled = model.checkpoint();

    model.advance(Duration.ofSeconds(239));
    assertThat(model.hooksSince(settled, "client/0")).isEmpty();
    model.advance(Duration.ofSeconds(121));

    assertThat(model.hooksSince(settled, "client/0")).containsExactly("update-status");
    assertThat(model.hooksSince(settled, "server/0")).containsExactly("update-status");
  }

  @Test
  void aFailedHookIsRetriedWhenTheClockReachesItsBackoff() {
    model.apply(
        TestCharms.serverOnly().toBuilder()
            .application("server", app -> app.units(1).option("mode", "broken"))
            .build());
    SettleResult failed = model.settle();
    assertThat(failed.errors())
        .containsExactly(Map.entry("server/0", "hook failed: \"config-changed\""));
    model.assertThatUnit("server/0").hasFailedHook("config-changed");

    model.runtime().setConfig("server", Map.of("mode", "fixed"));
    assertThat(model.settle().settled()).isFalse();
    model.advance(Duration.ofSeconds(6));

    model.assertSettled();
    model.assertThatUnit("server/0").hasStatus(Status.active("serving"));
    assertThat(model.hookTrace("server/0"))
        .containsSubsequence("config-changed FAILED", "config-changed", "start");
  }

  @Test
  void aStoppedLeadersLeaseExpiresAndAnotherUnitIsElected() {
    model.deploy(TestCharms.related(1, 3));
    Checkpoint before = model.checkpoint();

    model.runtime().stopUnitAgent("client/0");
    model.advance(Duration.ofSeconds(61));

    model.assertThatUnit("client/0").hasAgentStatus("lost");
    model.assertThatApplication("client").hasLeader("client/1");
    assertThat(model.hooksSince(before, "client/1")).containsExactly("leader-elected");
    assertThat(model.hooksSince(before, "client/2")).containsExactly("leader-settings-changed");
  }

  @Test
  void theSameSeedGivesTheSameHooksInTheSameOrder() {
    List<String> first = runScenarioAndTrace();
    model.start();
    List<String> second = runScenarioAndTrace();

    assertThat(second).isEqualTo(first).hasSizeGreaterThan(40);
  }

  private static List<String> runScenarioAndTrace() {
    model.deploy(TestCharms.related(2, 3));
    model.runtime().addUnits("client", 1);
    model.runtime().removeUnits("server/1");
    model.advance(Duration.ofMinutes(12));
    return model.runtime().hookLog().stream()
        .map(record -> record.unit() + " " + HookTraces.trace(record))
        .toList();
  }

  @Test
  void aModelThatDoesNotSettleFailsWithItsStatusAndHooks() {
    model.apply(
        TestCharms.related(1, 2).toBuilder()
            .application("client", app -> app.units(2).option("greeting", "write-app-data"))
            .build());

    AssertionError failure = catchThrowableOfType(AssertionError.class, model::assertSettled);

    assertThat(failure.getMessage())
        .startsWith(
            "expected the model to settle, but it did not: errors {client/1=hook failed:"
                + " \"config-changed\"}")
        .contains("client/1   error     idle")
        .contains("client/1: install, p-relation-created, db-relation-created,")
        .contains("config-changed FAILED")
        .contains("client:db server:db");
  }

  @Test
  void unitAssertionsSayWhatWasExpectedAndShowTheUnitsHooks() {
    model.deploy(TestCharms.related(1, 1));

    AssertionFailedError failure =
        catchThrowableOfType(
            AssertionFailedError.class,
            () -> model.assertThatUnit("client/0").hasStatus(Status.blocked("needs a db")));

    assertThat(failure.getMessage())
        .startsWith(
            "expected client/0 to have workload status\n"
                + "  expected: blocked (needs a db)\n"
                + "  but was:  active (ready)\n\n"
                + "hooks of client/0: install, p-relation-created, db-relation-created,"
                + " leader-elected, config-changed, start, db-relation-joined server/0,"
                + " db-relation-changed server/0");
    assertThat(failure.getExpected().getValue()).isEqualTo("blocked (needs a db)");
    assertThatThrownBy(() -> model.assertThatUnit("client/9").exists())
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageStartingWith("expected unit client/9 to exist");
  }

  @Test
  void aRemovedUnitIsGoneButItsHooksRemain() {
    model.deploy(TestCharms.related(1, 2));

    model.runtime().removeUnits("client/1");
    model.assertSettled();

    model.assertThatUnit("client/1").doesNotExist();
    assertThat(model.hooks("client/1")).endsWith("stop", "remove");
  }

  @Test
  void aFailingTestGetsTheModelAttached() {
    model.deploy(TestCharms.serverOnly());
    AssertionError failure = new AssertionError("boom");

    Throwable rethrown =
        catchThrowableOfType(
            Throwable.class, () -> model.handleTestExecutionException(null, failure));

    assertThat(rethrown).isSameAs(failure);
    assertThat(failure.getSuppressed()).hasSize(1);
    assertThat(failure.getSuppressed()[0].getMessage())
        .startsWith("the model when the test failed:\nModel \"default\" at ")
        .contains("server/0*  active    idle")
        .contains("server/0: install, cluster-relation-created, leader-elected");
  }

  @Test
  void resolvingAUnitInErrorWithoutRetryLetsItCarryOn() {
    model.apply(
        TestCharms.serverOnly().toBuilder()
            .application("server", app -> app.units(1).option("mode", "broken"))
            .build());
    model.settle();

    model.runtime().resolve("server/0", ResolveMode.NO_RETRY);
    model.assertSettled();

    assertThat(model.hookTrace("server/0")).endsWith("config-changed FAILED", "start");
  }

  @Test
  void findsRelationsByEndpointAndRemoteApplication() {
    model.deploy(TestCharms.related(1, 1));

    assertThat(model.relation("client", "db", "server").key()).isEqualTo("client:db server:db");
    assertThat(model.relationData("client/0", "db", "server")).containsKey("private-address");
    assertThatThrownBy(() -> model.relationData("client/0", "website"))
        .isInstanceOf(java.util.NoSuchElementException.class)
        .hasMessageStartingWith("no relation on client:website; the relations are");
  }

  @Test
  void theRuntimeIsOnlyAvailableDuringATest() {
    ModelExtension idle = ModelExtension.builder().build();

    assertThatThrownBy(idle::runtime)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("only during a test");
    assertThat(idle.settings().isDeterministic()).isTrue();
    assertThat(idle.settings().hookLogLimit()).isEqualTo(10_000);
  }

  @Test
  void hookRecordsKeepTheirOrderAcrossUnits() {
    model.deploy(TestCharms.related(1, 1));

    List<HookRecord> log = model.runtime().hookLog();

    assertThat(log).extracting(HookRecord::sequence).isSorted();
    assertThat(model.checkpoint().sequence()).isEqualTo(log.get(log.size() - 1).sequence());
  }
}
