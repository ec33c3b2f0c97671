package dev.bosun.charm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bosun.charm.CharmDefinition;
import dev.bosun.charm.CharmFiles;
import dev.bosun.charm.HookContext;
import dev.bosun.charm.Status;
import dev.bosun.charm.event.ActionEvent;
import dev.bosun.charm.event.ConfigChanged;
import dev.bosun.charm.event.Install;
import dev.bosun.charm.fake.FakeBackend;
import dev.bosun.charm.fake.FakeRelation;
import dev.bosun.charm.fake.RecordingLogs;
import dev.bosun.charm.fake.TestCharms;
import dev.bosun.charm.spi.ActionInvocation;
import dev.bosun.charm.spi.HookOutcome;
import dev.bosun.charm.spi.RelationChanges;
import dev.bosun.model.charm.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.slf4j.event.Level;

class HookExecutionTest {

  private static FakeRelation db() {
    return FakeRelation.builder(3, "db", Role.PROVIDER, "etcd")
        .remoteApplication("kubernetes-master")
        .unit("kubernetes-master/0", Map.of("private-address", "10.0.0.5"))
        .localUnitData(Map.of("port", "2379", "stale", "x"))
        .build();
  }

  @Test
  void returnsEveryBufferedWriteAsChangesWhenTheHookSucceeds() {
    CharmDefinition charm =
        TestCharms.etcd(
            ctx -> {
              ctx.relation("db").orElseThrow().localUnitData().put("connection_string", "a");
              ctx.relation("db").orElseThrow().localUnitData().put("stale", "");
              ctx.relation("db").orElseThrow().applicationData().put("version", "3.4");
              ctx.state().set("token", "abc");
              ctx.status().unit(Status.active("ready"));
              ctx.status().application(Status.active("3 units"));
              ctx.ports().open(2379);
            });

    HookOutcome outcome = FakeBackend.builder(charm, new Install()).relation(db()).run();

    assertThat(outcome.succeeded()).isTrue();
    Map<String, String> unitChanges = new HashMap<>();
    unitChanges.put("connection_string", "a");
    unitChanges.put("stale", null);
    assertThat(outcome.changes().relations())
        .containsOnlyKeys(3)
        .containsEntry(3, new RelationChanges(unitChanges, Map.of("version", "3.4")));
    assertThat(outcome.changes().unitState()).containsExactly(Map.entry("token", "abc"));
    assertThat(outcome.changes().unitStatus()).isEqualTo(Status.active("ready"));
    assertThat(outcome.changes().applicationStatus()).isEqualTo(Status.active("3 units"));
    assertThat(outcome.changes().portsOpened()).containsExactly("2379/tcp");
    assertThat(outcome.changes().portsClosed()).isEmpty();
  }

  @Test
  void aHookThatChangesNothingYieldsEmptyChanges() {
    CharmDefinition charm =
        TestCharms.etcd(
            ctx -> {
              ctx.relation("db").orElseThrow().localUnitData().put("port", "2379");
              ctx.state().delete("never-set");
              ctx.ports().close(80);
            });

    HookOutcome outcome = FakeBackend.builder(charm, new Install()).relation(db()).run();

    assertThat(outcome.succeeded()).isTrue();
    assertThat(outcome.changes().isEmpty()).isTrue();
  }

  @Test
  void aThrowingHookFailsAndCommitsNoData() {
    IllegalStateException boom = new IllegalStateException("boom");
    CharmDefinition charm =
        TestCharms.etcd(
            ctx -> {
              ctx.relation("db").orElseThrow().localUnitData().put("connection_string", "a");
              ctx.state().set("token", "abc");
              ctx.status().unit(Status.maintenance("installing"));
              ctx.ports().open(2379);
              throw boom;
            });

    HookOutcome outcome = FakeBackend.builder(charm, new Install()).relation(db()).run();

    assertThat(outcome.succeeded()).isFalse();
    assertThat(outcome.error()).containsSame(boom);
    assertThat(outcome.changes().isEmpty()).isTrue();
  }

  @Test
  void aFailedActionKeepsItsLogAndFailureButNotItsResults() {
    CharmDefinition charm =
        TestCharms.etcd(
            ctx -> {
              ctx.action().log("starting snapshot");
              ctx.action().set("snapshot.path", "/tmp/x");
              ctx.action().fail("disk full");
              throw new IllegalStateException("no space left");
            });

    HookOutcome outcome =
        FakeBackend.builder(charm, new ActionEvent("snapshot", "7", Map.of())).run();

    assertThat(outcome.succeeded()).isFalse();
    assertThat(outcome.changes().actionLog()).containsExactly("starting snapshot");
    assertThat(outcome.changes().actionFailure()).isEqualTo("disk full");
    assertThat(outcome.changes().actionResults()).isEmpty();
  }

  @Test
  void anActionThatThrowsWithoutFailingReportsTheExceptionMessage() {
    CharmDefinition charm =
        TestCharms.etcd(
            ctx -> {
              throw new IllegalStateException("etcdctl exited with 1");
            });

    HookOutcome outcome =
        FakeBackend.builder(charm, new ActionEvent("snapshot", "7", Map.of())).run();

    assertThat(outcome.changes().actionFailure()).isEqualTo("etcdctl exited with 1");
  }

  @Test
  void makesAFreshCharmForEveryHook() {
    List<Object> instances = new ArrayList<>();
    CharmDefinition charm =
        new CharmDefinition(
            TestCharms.ETCD,
            () -> {
              dev.bosun.charm.Charm instance =
                  new dev.bosun.charm.Charm() {
                    @Override
                    public void handle(HookContext ctx) {}
                  };
              instances.add(instance);
              return instance;
            },
            CharmFiles.of("etcd", Map.of()));

    FakeBackend.builder(charm, new Install()).run();
    FakeBackend.builder(charm, new ConfigChanged()).run();

    assertThat(instances).hasSize(2).doesNotHaveDuplicates();
  }

  @Test
  void aFactoryThatFailsOrReturnsNullFailsTheHook() {
    CharmDefinition throwing =
        new CharmDefinition(
            TestCharms.ETCD,
            () -> {
              throw new IllegalArgumentException("bad constructor");
            },
            CharmFiles.of("etcd", Map.of()));
    CharmDefinition nulls =
        new CharmDefinition(TestCharms.ETCD, () -> null, CharmFiles.of("etcd", Map.of()));

    assertThat(FakeBackend.builder(throwing, new Install()).run().error())
        .hasValueSatisfying(e -> assertThat(e).hasMessage("bad constructor"));
    assertThat(FakeBackend.builder(nulls, new Install()).run().error())
        .hasValueSatisfying(
            e ->
                assertThat(e)
                    .hasMessage("the factory of charm \"etcd\" returned null instead of a charm"));
  }

  @Test
  void logsUnderTheApplicationWithTheUnitAndHookInTheMdcOnlyDuringTheHook() {
    RecordingLogs.clear();
    Map<String, String> seen = new HashMap<>();
    CharmDefinition charm =
        TestCharms.etcd(
            ctx -> {
              seen.put("unit", MDC.get("unit"));
              seen.put("hook", MDC.get("hook"));
              ctx.log().info("listening on {}", 2379);
            });
    MDC.put("hook", "outer");

    FakeBackend.builder(charm, new ConfigChanged()).unit("etcd/2").run();

    assertThat(seen).containsEntry("unit", "etcd/2").containsEntry("hook", "config-changed");
    assertThat(RecordingLogs.entries())
        .containsExactly(
            new RecordingLogs.Entry(
                "bosun.unit.etcd",
                Level.INFO,
                "listening on 2379",
                Map.of("unit", "etcd/2", "hook", "config-changed")));
    assertThat(MDC.get("unit")).isNull();
    assertThat(MDC.get("hook")).isEqualTo("outer");
    MDC.clear();
  }

  @Test
  void aContextKeptPastItsHookRefusesToBeUsed() {
    AtomicReference<HookContext> kept = new AtomicReference<>();
    CharmDefinition charm = TestCharms.etcd(kept::set);

    FakeBackend.builder(charm, new Install()).run();

    assertThatThrownBy(() -> kept.get().state().set("k", "v"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "the context of hook \"install\" on etcd/0 is no longer valid: a context may be used"
                + " only during its hook");
  }

  @Test
  void actionResultsLogAndParametersReachTheOutcome() {
    Map<String, Object> seen = new HashMap<>();
    CharmDefinition charm =
        TestCharms.etcd(
            ctx -> {
              seen.putAll(ctx.action().parameters());
              seen.put("name", ctx.action().name());
              ctx.action().log("working");
              ctx.action().set("snapshot.path", "/var/snap");
              ctx.action().set("snapshot.size", "10G");
            });

    HookOutcome outcome =
        FakeBackend.builder(charm, new ActionEvent("snapshot", "7", Map.of("keys-version", "v2")))
            .action(new ActionInvocation("7", "snapshot", Map.of("keys-version", "v3")))
            .run();

    assertThat(seen).containsEntry("keys-version", "v3").containsEntry("name", "snapshot");
    assertThat(outcome.changes().actionResults())
        .containsExactly(
            Map.entry("snapshot.path", "/var/snap"), Map.entry("snapshot.size", "10G"));
    assertThat(outcome.changes().actionLog()).containsExactly("working");
    assertThat(outcome.changes().actionFailure()).isNull();
  }
}
