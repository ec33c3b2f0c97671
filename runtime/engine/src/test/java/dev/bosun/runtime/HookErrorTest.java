package dev.bosun.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bosun.model.spec.ModelSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Hook failure, automatic retry with backoff, and {@code resolve} (§4.4). */
class HookErrorTest {
  private final Harness h = new Harness();

  @AfterEach
  void close() {
    h.close();
  }

  /** Makes the named hook of the server fail its first {@code times} runs. */
  private AtomicInteger failServer(String hook, int times) {
    AtomicInteger runs = new AtomicInteger();
    h.server.on(
        hook,
        ctx -> {
          if (runs.incrementAndGet() <= times) {
            throw new IllegalStateException("boom " + runs.get());
          }
        });
    return runs;
  }

  private void deployServer() {
    h.apply(ModelSpec.builder().application("server", app -> app.units(1)).build());
  }

  @Test
  void aFailedHookPutsTheUnitInErrorAndRunsNothingElse() {
    failServer("install", 100);
    deployServer();
    SettleResult result = h.settle();

    assertThat(result.settled()).isFalse();
    assertThat(result.errors()).containsExactly(Map.entry("server/0", "hook failed: \"install\""));
    assertThat(h.hooks("server/0")).containsExactly("install FAILED");
    HookRecord failed = h.runtime.hookLog("server/0").get(0);
    assertThat(failed.error()).isEqualTo("IllegalStateException: boom 1");
    UnitStatus unit = h.runtime.status().unit("server/0").orElseThrow();
    assertThat(unit.workload().current()).isEqualTo("error");
    assertThat(unit.workload().message()).isEqualTo("hook failed: \"install\"");
    assertThat(unit.agent().current()).isEqualTo("idle");
    assertThat(h.runtime.status().applications().get("server").status().current())
        .isEqualTo("error");
  }

  @Test
  void failedHooksAreRetriedWithBackoffOnTheClockUntilTheySucceed() {
    failServer("install", 4);
    deployServer();
    Instant start = h.clock.instant();
    h.settle();

    h.advance(Duration.ofSeconds(4));
    assertThat(h.hooks("server/0")).containsExactly("install FAILED");
    h.advance(Duration.ofMinutes(2));

    List<String> hooks = h.hooks("server/0");
    assertThat(hooks.subList(0, 5))
        .containsExactly(
            "install FAILED", "install FAILED", "install FAILED", "install FAILED", "install");
    assertThat(hooks.subList(5, hooks.size()))
        .containsExactly("cluster-relation-created", "leader-elected", "config-changed", "start");
    List<Long> delays = new ArrayList<>();
    List<HookRecord> log = h.runtime.hookLog("server/0");
    for (int i = 1; i < 5; i++) {
      delays.add(Duration.between(log.get(i - 1).start(), log.get(i).start()).toMillis());
    }
    assertThat(log.get(0).start()).isEqualTo(start);
    // 5 s, 10 s, 20 s, 40 s, each within Juju's 3 % jitter.
    assertThat(delays.get(0)).isBetween(4_850L, 5_150L);
    assertThat(delays.get(1)).isBetween(9_700L, 10_300L);
    assertThat(delays.get(2)).isBetween(19_400L, 20_600L);
    assertThat(delays.get(3)).isBetween(38_800L, 41_200L);
    assertThat(h.settle().settled()).isTrue();
  }

  @Test
  void theRetryDelayIsCappedAtFiveMinutes() {
    failServer("install", 12);
    deployServer();
    h.settle();
    for (int i = 0; i < 12; i++) {
      h.advance(Duration.ofMinutes(6));
    }
    List<HookRecord> log = h.runtime.hookLog("server/0");
    long last = Duration.between(log.get(9).start(), log.get(10).start()).toMillis();
    assertThat(last).isBetween(290_000L, 300_000L);
  }

  @Test
  void resolveWithRetryRunsTheFailedHookAgainAtOnce() {
    failServer("install", 1);
    deployServer();
    h.settle();

    h.runtime.resolve("server/0", ResolveMode.RETRY);
    h.settled();

    assertThat(h.hooks("server/0"))
        .containsExactly(
            "install FAILED",
            "install",
            "cluster-relation-created",
            "leader-elected",
            "config-changed",
            "start");
  }

  @Test
  void resolveWithoutRetryCommitsTheHookAsIfItSucceededSoItsFollowUpsStillHappen() {
    failServer("config-changed", 100);
    deployServer();
    h.settle();

    h.runtime.resolve("server/0", ResolveMode.NO_RETRY);
    h.settled();

    assertThat(h.hooks("server/0"))
        .containsExactly(
            "install",
            "cluster-relation-created",
            "leader-elected",
            "config-changed FAILED",
            "start");
    assertThat(h.runtime.status().unit("server/0").orElseThrow().workload().current())
        .isEqualTo("unknown");
  }

  @Test
  void resolvingAHealthyUnitIsRefusedWithJujusMessage() {
    deployServer();
    h.settled();

    assertThatThrownBy(() -> h.runtime.resolve("server/0", ResolveMode.RETRY))
        .isInstanceOf(UnitNotInErrorException.class)
        .hasMessage("unit \"server/0\" is not in an error state");
    assertThatThrownBy(() -> h.runtime.resolve("server/9", ResolveMode.RETRY))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("unit \"server/9\" not found");
  }

  @Test
  void aUnitInErrorProcessesNoRelationChangesUntilResolved() {
    h.apply(
        ModelSpec.builder()
            .application("server", app -> app.units(1))
            .application("client", app -> app.units(1))
            .relate("client:db", "server:db")
            .build());
    h.settled();
    h.client.on(
        "config-changed",
        ctx -> {
          throw new IllegalStateException("bad config");
        });
    h.runtime.setConfig("client", Map.of("greeting", "x"));
    h.settle();
    h.mark("client/0");

    h.runtime.addUnits("server", 1);
    h.settle();
    assertThat(h.since("client/0")).isEmpty();

    h.client.clear("config-changed");
    h.runtime.resolve("client/0", ResolveMode.RETRY);
    h.settled();
    assertThat(h.since("client/0"))
        .containsExactly(
            "config-changed", "db-relation-joined server/1", "db-relation-changed server/1");
  }

  @Test
  void aUnitInErrorRunsNoUpdateStatusAndAnIdleOneRunsItAfterItsOtherWork() {
    h.apply(
        ModelSpec.builder()
            .application("server", app -> app.units(1))
            .application("plain", app -> app.units(1))
            .build());
    h.settled();
    h.server.on(
        "config-changed",
        ctx -> {
          throw new IllegalStateException("bad");
        });
    h.runtime.setConfig("server", Map.of("mode", "x"));
    h.runtime.setConfig("plain", Map.of("mode", "y"));
    h.mark("server/0", "plain/0");

    // The first timers to fire run the agents: config-changed before update-status everywhere.
    h.clock.advance(Duration.ofMinutes(7));

    assertThat(h.since("server/0")).doesNotContain("update-status");
    assertThat(h.since("plain/0")).startsWith("config-changed").contains("update-status");
  }

  @Test
  void aFailedRelationHookNamesTheRelationHook() {
    h.apply(
        ModelSpec.builder()
            .application("server", app -> app.units(1))
            .application("client", app -> app.units(1))
            .relate("client:db", "server:db")
            .build());
    h.client.on(
        "db-relation-joined",
        ctx -> {
          throw new IllegalStateException("cannot join");
        });
    SettleResult result = h.settle();

    assertThat(result.errors())
        .containsExactly(Map.entry("client/0", "hook failed: \"db-relation-joined\""));
  }
}
