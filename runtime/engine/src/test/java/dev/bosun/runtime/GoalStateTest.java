package dev.bosun.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bosun.charm.GoalState;
import dev.bosun.model.spec.ModelSpec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code goal-state}: the units the model converges to, known before they start or join. */
class GoalStateTest {
  private final Harness h = new Harness();
  private final Map<String, GoalState> seen = new ConcurrentHashMap<>();

  @AfterEach
  void close() {
    h.close();
  }

  private void deployThreeServersAndTwoClients() {
    h.apply(
        ModelSpec.builder()
            .application("server", app -> app.units(3))
            .application("client", app -> app.units(2))
            .relate("client:db", "server:db")
            .build());
    h.settled();
  }

  @Test
  void knowsEveryPeerAndRelatedUnitFromTheFirstHook() {
    h.server.on("install", ctx -> seen.put(ctx.unitName(), ctx.goalState()));
    deployThreeServersAndTwoClients();

    GoalState goal = seen.get("server/0");
    assertThat(goal.units()).containsExactly("server/0", "server/1", "server/2");
    assertThat(goal.relatedUnits("cluster")).containsExactly("server/1", "server/2");
    assertThat(goal.relatedUnits("db")).containsExactly("client/0", "client/1");
    assertThat(goal.relatedUnits("unknown")).isEmpty();
  }

  @Test
  void leavesOutUnitsThatAreGoingAway() {
    deployThreeServersAndTwoClients();
    h.server.on("config-changed", ctx -> seen.put(ctx.unitName(), ctx.goalState()));
    h.runtime.removeUnits("server/2", "client/0");
    h.runtime.setConfig("server", Map.of("mode", "x"));
    h.settled();

    GoalState goal = seen.get("server/0");
    assertThat(goal.units()).containsExactly("server/0", "server/1");
    assertThat(goal.relatedUnits("cluster")).containsExactly("server/1");
    assertThat(goal.relatedUnits("db")).containsExactly("client/1");
  }
}
