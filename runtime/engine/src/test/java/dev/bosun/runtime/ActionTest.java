package dev.bosun.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bosun.model.charm.ActionParametersException;
import dev.bosun.model.spec.ModelSpec;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Actions: validated at enqueue, run by priority (also in error), outcomes recorded. */
class ActionTest {
  private final Harness h = new Harness();

  @BeforeEach
  void actions() {
    h.server.on(
        "publish",
        ctx -> {
          ctx.action().log("publishing");
          ctx.action().set("published.value", (String) ctx.action().parameters().get("value"));
          ctx.state().set("published", (String) ctx.action().parameters().get("value"));
        });
    h.server.on(
        "explode",
        ctx -> {
          ctx.action().log("about to fail");
          ctx.state().set("exploded", "yes");
          throw new IllegalStateException("kaboom");
        });
    h.server.on(
        "needs-target",
        ctx -> {
          ctx.action().set("partial", "1");
          ctx.action().fail("target " + ctx.action().parameters().get("target") + " unreachable");
        });
  }

  @AfterEach
  void close() {
    h.close();
  }

  private void deploy() {
    h.apply(ModelSpec.builder().application("server", app -> app.units(1)).build());
    h.settled();
  }

  @Test
  void anActionRunsWithDefaultsInsertedAndRecordsItsResultsAndLog() {
    deploy();

    ActionHandle handle = h.runtime.runAction("server/0", "publish", Map.of());
    assertThat(handle.result().status()).isEqualTo(ActionStatus.PENDING);
    ActionResult result = handle.await(Duration.ofSeconds(5));

    assertThat(result.status()).isEqualTo(ActionStatus.COMPLETED);
    assertThat(result.parameters()).containsExactly(Map.entry("value", "v1"));
    assertThat(result.results()).containsExactly(Map.entry("published.value", "v1"));
    assertThat(result.log()).containsExactly("publishing");
    assertThat(result.message()).isEmpty();
    assertThat(result.id()).isEqualTo(1);
    assertThat(result.started()).isNotNull();
    assertThat(result.completed()).isNotNull();
    assertThat(h.hooks("server/0")).endsWith("publish");
    assertThat(h.runtime.hookLog("server/0").get(h.hooks("server/0").size() - 1).action()).isTrue();
    assertThat(h.runtime.action(1).result()).isEqualTo(result);
  }

  @Test
  void parametersAreValidatedWhenTheActionIsQueued() {
    deploy();

    assertThatThrownBy(() -> h.runtime.runAction("server/0", "needs-target", Map.of()))
        .isInstanceOf(ActionParametersException.class)
        .hasMessageStartingWith("validation failed: ");
    assertThatThrownBy(() -> h.runtime.runAction("server/0", "publish", Map.of("value", 3)))
        .isInstanceOf(ActionParametersException.class);
    assertThatThrownBy(() -> h.runtime.runAction("server/0", "nope", Map.of()))
        .isInstanceOf(OperationException.class)
        .hasMessage("action \"nope\" not defined on unit \"server/0\"");
    assertThatThrownBy(() -> h.runtime.runAction("server/7", "publish", Map.of()))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("unit \"server/7\" not found");
  }

  @Test
  void anActionThatFailsIsRecordedAsFailedAndLeavesTheUnitHealthy() {
    deploy();

    ActionResult result =
        h.runtime
            .runAction("server/0", "needs-target", Map.of("target", "db1"))
            .await(Duration.ofSeconds(5));

    assertThat(result.status()).isEqualTo(ActionStatus.FAILED);
    assertThat(result.message()).isEqualTo("target db1 unreachable");
    assertThat(result.results()).containsExactly(Map.entry("partial", "1"));
    assertThat(h.settle().settled()).isTrue();
    UnitStatus unit = h.runtime.status().unit("server/0").orElseThrow();
    assertThat(unit.workload().current()).isNotEqualTo("error");
    assertThat(unit.agent().current()).isEqualTo("idle");
  }

  @Test
  void anActionThatThrowsFailsWithItsMessageCommitsNothingAndLeavesTheUnitHealthy() {
    deploy();

    ActionResult result =
        h.runtime.runAction("server/0", "explode", Map.of()).await(Duration.ofSeconds(5));

    assertThat(result.status()).isEqualTo(ActionStatus.FAILED);
    assertThat(result.message()).contains("kaboom");
    assertThat(result.log()).containsExactly("about to fail");
    assertThat(h.store.get("m/state/server/0")).isEmpty();
    assertThat(h.settle().settled()).isTrue();
    assertThat(h.runtime.status().unit("server/0").orElseThrow().agent().current())
        .isEqualTo("idle");
  }

  @Test
  void actionsRunWhileTheUnitIsInErrorAndLeaveItInError() {
    h.server.on(
        "install",
        ctx -> {
          throw new IllegalStateException("no");
        });
    h.apply(ModelSpec.builder().application("server", app -> app.units(1)).build());
    h.settle();

    ActionResult result =
        h.runtime
            .runAction("server/0", "publish", Map.of("value", "x"))
            .await(Duration.ofSeconds(5));

    assertThat(result.status()).isEqualTo(ActionStatus.COMPLETED);
    assertThat(h.hooks("server/0")).containsExactly("install FAILED", "publish");
    UnitStatus unit = h.runtime.status().unit("server/0").orElseThrow();
    assertThat(unit.workload().current()).isEqualTo("error");
    assertThat(unit.workload().message()).isEqualTo("hook failed: \"install\"");
    assertThat(h.settle().errors()).containsKey("server/0");
  }

  @Test
  void actionsOutrankPendingHooks() {
    deploy();
    h.mark("server/0");

    h.runtime.setConfig("server", Map.of("mode", "fast"));
    h.runtime.runAction("server/0", "publish", Map.of());
    h.settled();

    assertThat(h.since("server/0")).containsExactly("publish", "config-changed");
  }
}
