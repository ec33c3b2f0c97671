package dev.bosun.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bosun.model.spec.ModelSpec;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Leadership on store leases (§6): claims, renewal, failover after a crashed leader's lease. */
class LeadershipTest {
  private final Harness h = new Harness();

  @AfterEach
  void close() {
    h.close();
  }

  private void deploy(int units) {
    h.apply(ModelSpec.builder().application("client", app -> app.units(units)).build());
    h.settled();
  }

  private String leader() {
    return h.runtime.status().applications().get("client").units().values().stream()
        .filter(UnitStatus::leader)
        .map(UnitStatus::name)
        .findFirst()
        .orElse("none");
  }

  @Test
  void theFirstUnitClaimsLeadershipAndRenewsItForAsLongAsItRuns() {
    deploy(3);
    assertThat(leader()).isEqualTo("client/0");
    h.mark("client/0", "client/1", "client/2");

    h.advance(Duration.ofMinutes(10));

    assertThat(leader()).isEqualTo("client/0");
    assertThat(h.since("client/1")).doesNotContain("leader-settings-changed", "leader-elected");
    assertThat(h.since("client/0")).doesNotContain("leader-elected");
  }

  @Test
  void aCrashedLeaderLosesLeadershipWhenItsLeaseExpiresAndAnotherUnitIsElected() {
    deploy(3);
    h.mark("client/0", "client/1", "client/2");

    h.runtime.stopUnitAgent("client/0");
    h.advance(Duration.ofSeconds(59));
    assertThat(leader()).isEqualTo("client/0");
    assertThat(h.since("client/1")).isEmpty();

    h.advance(Duration.ofSeconds(2));

    assertThat(leader()).isEqualTo("client/1");
    assertThat(h.since("client/1")).containsExactly("leader-elected");
    assertThat(h.since("client/2")).containsExactly("leader-settings-changed");
    assertThat(h.since("client/0")).isEmpty();
    UnitStatus crashed = h.runtime.status().unit("client/0").orElseThrow();
    assertThat(crashed.agent().current()).isEqualTo("lost");
    assertThat(crashed.agent().message())
        .isEqualTo("agent lost, see 'juju show-status-log client/0'");
  }

  @Test
  void aRestartedFormerLeaderLearnsItIsAMinion() {
    deploy(2);
    h.runtime.stopUnitAgent("client/0");
    h.advance(Duration.ofSeconds(61));
    h.mark("client/0");

    h.runtime.startUnitAgent("client/0");
    h.settled();

    assertThat(leader()).isEqualTo("client/1");
    assertThat(h.since("client/0")).containsExactly("leader-settings-changed");
  }

  @Test
  void aRestartedRuntimeKeepsTheLeadershipItsLeaseStillHolds() {
    deploy(2);
    h.clock.advance(Duration.ofSeconds(50));
    h.runtime.close();
    // The lease, renewed at 30 s, runs until 90 s; the new process starts at 85 s.
    h.clock.advance(Duration.ofSeconds(35));
    h.restart();
    h.mark("client/0", "client/1");

    h.advance(Duration.ofSeconds(40));

    assertThat(leader()).isEqualTo("client/0");
    assertThat(h.since("client/1")).doesNotContain("leader-elected");
    assertThat(h.since("client/0")).doesNotContain("leader-elected");
  }

  @Test
  void leaseDurationsAreConfigurable() {
    try (Harness quick =
        new Harness(b -> b.leadership(Duration.ofSeconds(5), Duration.ofSeconds(10)))) {
      quick.apply(ModelSpec.builder().application("client", app -> app.units(2)).build());
      quick.settled();
      quick.runtime.stopUnitAgent("client/0");
      quick.mark("client/1");

      quick.advance(Duration.ofSeconds(11));

      assertThat(quick.since("client/1")).containsExactly("leader-elected");
    }
  }

  @Test
  void aDyingLeaderResignsAtOnce() {
    deploy(2);
    h.mark("client/1");

    h.runtime.removeUnits("client/0");
    h.settled();

    assertThat(leader()).isEqualTo("client/1");
    assertThat(h.since("client/1")).startsWith("leader-elected");
  }
}
