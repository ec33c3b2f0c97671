package dev.bosun.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bosun.charm.Status;
import dev.bosun.charm.event.RelationJoined;
import dev.bosun.model.spec.ModelSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Status (§7): Juju's presentation, the application status derivation, history, side effects. */
class StatusTest {
  private final Harness h = new Harness();

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void theApplicationStatusIsTheMostSevereUnitStatusWithTheFirstSuchUnitsMessage() {
    Map<String, Status> byUnit =
        Map.of(
            "plain/0", Status.active("fine"),
            "plain/1", Status.waiting("for peers"),
            "plain/2", Status.blocked("needs a relation"),
            "plain/3", Status.blocked("also blocked"));
    h.plain.on("start", ctx -> ctx.status().unit(byUnit.get(ctx.unitName())));
    h.apply(ModelSpec.builder().application("plain", app -> app.units(4)).build());
    h.settled();

    ApplicationStatus app = h.runtime.status().applications().get("plain");
    assertThat(app.status().current()).isEqualTo("blocked");
    assertThat(app.status().message()).isEqualTo("needs a relation");
    assertThat(app.units().get("plain/1").workload().toString()).isEqualTo("waiting (for peers)");
  }

  @Test
  void anErrorOutranksEveryOtherUnitStatus() {
    h.plain.on(
        "start",
        ctx -> {
          if (ctx.unitNumber() == 1) {
            throw new IllegalStateException("no");
          }
          ctx.status().unit(Status.blocked("stuck"));
        });
    h.apply(ModelSpec.builder().application("plain", app -> app.units(2)).build());
    h.settle();

    StatusInfo status = h.runtime.status().applications().get("plain").status();
    assertThat(status.current()).isEqualTo("error");
    assertThat(status.message()).isEqualTo("hook failed: \"start\"");
  }

  @Test
  void aStatusTheLeaderSetsOverridesTheDerivedOne() {
    h.plain.on(
        "start",
        ctx -> {
          ctx.status().unit(Status.blocked("unit view"));
          if (ctx.isLeader()) {
            ctx.status().application(Status.active("3 nodes healthy"));
          }
        });
    h.apply(ModelSpec.builder().application("plain", app -> app.units(2)).build());
    h.settled();

    assertThat(h.runtime.status().applications().get("plain").status().toString())
        .isEqualTo("active (3 nodes healthy)");
  }

  @Test
  void anApplicationWithoutUnitsIsUnknown() {
    h.apply(ModelSpec.builder().application("plain", app -> app.units(0)).build());
    h.settled();

    assertThat(h.runtime.status().applications().get("plain").status().current())
        .isEqualTo("unknown");
  }

  @Test
  void juJuSetsStatusAroundInstallStartStopAndRemoveWhenTheCharmDoesNot() {
    h.apply(ModelSpec.builder().application("plain", app -> app.units(1)).build());
    h.settled();
    assertThat(h.runtime.status().unit("plain/0").orElseThrow().workload().current())
        .isEqualTo("unknown");
    h.runtime.removeUnits("plain/0");
    h.settled();

    List<String> history =
        h.runtime.statusHistory("plain/0").stream().map(StatusHistoryEntry::toString).toList();
    assertThat(history)
        .containsSubsequence(
            "workload waiting (waiting for machine)",
            "juju-unit allocating",
            "juju-unit executing (running install hook)",
            "workload maintenance (installing charm software)",
            "juju-unit idle",
            "juju-unit executing (running start hook)",
            "workload unknown",
            "juju-unit executing (running stop hook)",
            "workload maintenance (stopping charm software)",
            "workload maintenance",
            "juju-unit executing (running remove hook)",
            "workload maintenance (cleaning up prior to charm deletion)",
            "workload terminated");
  }

  @Test
  void theAgentShowsWhatItIsRunningAndUpdateStatusDoesNotShow() {
    Map<String, String> seen = new ConcurrentHashMap<>();
    h.client.always(
        ctx -> {
          UnitStatus unit = h.runtime.status().unit(ctx.unitName()).orElseThrow();
          String key = ctx.event().hookName();
          if (ctx.event() instanceof RelationJoined) {
            key += " " + ((RelationJoined) ctx.event()).remoteUnit();
          }
          seen.put(ctx.unitName() + " " + key, unit.agent().toString());
        });
    h.apply(
        ModelSpec.builder()
            .application("server", app -> app.units(1))
            .application("client", app -> app.units(1))
            .relate("client:db", "server:db")
            .build());
    h.settled();
    h.advance(Duration.ofMinutes(7));

    assertThat(seen)
        .containsEntry("client/0 install", "executing (running install hook)")
        .containsEntry(
            "client/0 db-relation-joined server/0",
            "executing (running db-relation-joined hook for server/0)")
        .containsEntry("client/0 update-status", "idle");
  }

  @Test
  void exposingAnApplicationShowsInStatusAndTheModelState() {
    h.apply(ModelSpec.builder().application("plain", app -> app.units(1)).build());
    h.settled();

    h.runtime.expose("plain");
    assertThat(h.runtime.status().applications().get("plain").exposed()).isTrue();
    assertThat(h.runtime.modelState().applications().get("plain").exposed()).isTrue();
    h.runtime.unexpose("plain");
    assertThat(h.runtime.status().applications().get("plain").exposed()).isFalse();
    assertThat(h.settle().hooksRun()).isZero();
  }

  @Test
  void historyAndTheHookLogKeepTheirLimitsPerUnit() {
    try (Harness limited = new Harness(b -> b.historyLimits(10, 6))) {
      limited.apply(ModelSpec.builder().application("plain", app -> app.units(1)).build());
      limited.settled();
      for (int i = 0; i < 80; i++) {
        limited.runtime.setConfig("plain", Map.of("size", i + 2));
        limited.settled();
      }

      assertThat(limited.hooks("plain/0")).hasSize(6).containsOnly("config-changed");
      List<StatusHistoryEntry> history = limited.runtime.statusHistory("plain/0");
      assertThat(history).hasSize(10);
      assertThat(history.get(9).toString()).isEqualTo("juju-unit idle");
      // The chunks that hold the last 10 (6) entries, and the one being filled.
      int chunk = dev.bosun.runtime.internal.persist.Journal.CHUNK;
      assertThat(limited.store.range("m/history/plain/0/").entries())
          .hasSizeLessThanOrEqualTo((10 + chunk - 1) / chunk + 1);
      assertThat(limited.store.range("m/log/plain/0/").entries())
          .hasSizeLessThanOrEqualTo((6 + chunk - 1) / chunk + 1);
    }
  }

  @Test
  void portsAndLeadershipAndAddressesShowInStatus() {
    h.plain.on(
        "start",
        ctx -> {
          ctx.ports().open(8080);
          ctx.ports().open(53, "udp");
        });
    h.apply(ModelSpec.builder().application("plain", app -> app.units(2)).build());
    h.settled();

    ModelStatus status = h.runtime.status();
    UnitStatus unit = status.unit("plain/0").orElseThrow();
    assertThat(unit.openPorts()).containsExactly("53/udp", "8080/tcp");
    assertThat(unit.leader()).isTrue();
    assertThat(unit.address()).startsWith("127.77.");
    assertThat(status.unit("plain/1").orElseThrow().address()).isNotEqualTo(unit.address());
    assertThat(status.machines().get(unit.machine()).status()).isEqualTo("started");
    assertThat(status.model()).isEqualTo("default");
    assertThat(status.timestamp()).isEqualTo(h.clock.instant());
  }
}
