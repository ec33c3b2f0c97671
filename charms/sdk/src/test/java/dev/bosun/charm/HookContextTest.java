package dev.bosun.charm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bosun.charm.event.ActionEvent;
import dev.bosun.charm.event.ConfigChanged;
import dev.bosun.charm.event.HookEvent;
import dev.bosun.charm.fake.FakeBackend;
import dev.bosun.charm.fake.FakeMachine;
import dev.bosun.charm.fake.TestCharms;
import dev.bosun.charm.spi.HookOutcome;
import dev.bosun.model.charm.ConfigException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Identity, configuration, unit state, status, ports, actions and resources as a charm sees them.
 */
class HookContextTest {

  private static FakeBackend.Builder backend(Consumer<HookContext> body) {
    return backend(new ConfigChanged(), body);
  }

  private static FakeBackend.Builder backend(HookEvent event, Consumer<HookContext> body) {
    return FakeBackend.builder(TestCharms.etcd(body::accept), event);
  }

  private static Throwable failure(Consumer<HookContext> body) {
    HookOutcome outcome = backend(body).run();
    assertThat(outcome.succeeded()).as("the hook should have failed").isFalse();
    return outcome.failure();
  }

  @Test
  void knowsTheUnitTheEventAndLeadership() {
    List<Object> seen = new ArrayList<>();
    FakeMachine machine = new FakeMachine("3", "127.77.0.3", Path.of("/tmp/m3"));

    backend(
            ctx -> {
              seen.add(ctx.unitName());
              seen.add(ctx.applicationName());
              seen.add(ctx.unitNumber());
              seen.add(ctx.isLeader());
              seen.add(ctx.event());
              seen.add(ctx.machine());
            })
        .unit("etcd/12")
        .leader(false)
        .machine(machine)
        .run();

    assertThat(seen).containsExactly("etcd/12", "etcd", 12, false, new ConfigChanged(), machine);
  }

  @Test
  void configIsTheCharmsDefaultsOverlaidWithSetValues() {
    Map<String, Object> seen = new HashMap<>();

    backend(
            ctx -> {
              seen.put("port", ctx.config().integer("port"));
              seen.put("bind", ctx.config().bool("bind_to_all_interfaces"));
              seen.put("heartbeat", ctx.config().number("heartbeat_interval"));
              seen.put("channel", ctx.config().string("channel"));
              seen.put("password", ctx.config().string("password"));
              seen.put("token", ctx.config().get("token"));
              seen.put("all", ctx.config().asMap());
            })
        .config("port", 2380L)
        .config("channel", null)
        .config("password", "secret:abc")
        .run();

    assertThat(seen)
        .containsEntry("port", 2380L)
        .containsEntry("bind", true)
        .containsEntry("heartbeat", 100.0)
        .containsEntry("channel", "3.4/stable")
        .containsEntry("password", "secret:abc")
        .containsEntry("token", Optional.empty());
    @SuppressWarnings("unchecked")
    Map<String, Object> all = (Map<String, Object>) seen.get("all");
    assertThat(all)
        .containsOnlyKeys(
            "port", "bind_to_all_interfaces", "heartbeat_interval", "channel", "password");
  }

  @Test
  void typedConfigAccessorsAcceptTextAndOtherNumberTypes() {
    Map<String, Object> seen = new HashMap<>();

    backend(
            ctx -> {
              seen.put("port", ctx.config().integer("port"));
              seen.put("heartbeat", ctx.config().number("heartbeat_interval"));
              seen.put("bind", ctx.config().bool("bind_to_all_interfaces"));
            })
        .config("port", "2381")
        .config("heartbeat_interval", 50)
        .config("bind_to_all_interfaces", "false")
        .run();

    assertThat(seen)
        .containsEntry("port", 2381L)
        .containsEntry("heartbeat", 50.0)
        .containsEntry("bind", false);
  }

  @Test
  void typedConfigAccessorsExplainMisuse() {
    assertThat(failure(ctx -> ctx.config().string("prot")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown option \"prot\": charm \"etcd\" declares the options port,"
                + " bind_to_all_interfaces, heartbeat_interval, channel, token, password");
    assertThat(failure(ctx -> ctx.config().string("port")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "option \"port\" is an int option, not a string; read it with integer(\"port\")");
    assertThat(failure(ctx -> ctx.config().integer("channel")))
        .hasMessage(
            "option \"channel\" is a string option, not an int; read it with"
                + " string(\"channel\")");
    assertThat(failure(ctx -> ctx.config().string("token")))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessage("option \"token\" has no value and no default; check get(\"token\")");
    assertThat(backend(ctx -> ctx.config().integer("port")).config("port", "abc").run().failure())
        .isInstanceOf(ConfigException.class)
        .hasMessage("option \"port\" expected int, got \"abc\"");
  }

  @Test
  void unitStateReadsItsOwnWritesAndCommitsOnlyChanges() {
    Map<String, Object> seen = new HashMap<>();

    HookOutcome outcome =
        backend(
                ctx -> {
                  UnitState state = ctx.state();
                  seen.put("committed", state.get("member-id"));
                  state.set("registered", "true");
                  state.set("member-id", "abc");
                  state.delete("stale");
                  state.delete("absent");
                  seen.put("written", state.get("registered"));
                  seen.put("deleted", state.get("stale"));
                  seen.put("all", state.asMap());
                })
            .state("member-id", "abc")
            .state("stale", "x")
            .run();

    assertThat(seen)
        .containsEntry("committed", Optional.of("abc"))
        .containsEntry("written", Optional.of("true"))
        .containsEntry("deleted", Optional.empty())
        .containsEntry("all", Map.of("member-id", "abc", "registered", "true"));
    Map<String, String> expected = new HashMap<>();
    expected.put("registered", "true");
    expected.put("stale", null);
    assertThat(outcome.changes().unitState()).isEqualTo(expected);
  }

  @Test
  void unitStateEnforcesJujusSizeLimitsInUtf8Bytes() {
    String key256 = "é".repeat(128);
    String value65536 = "x".repeat(65_534) + "é";

    HookOutcome ok = backend(ctx -> ctx.state().set(key256, value65536)).run();

    assertThat(ok.changes().unitState()).containsEntry(key256, value65536);
    assertThat(failure(ctx -> ctx.state().set(key256 + "x", "v")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "cannot set state key \""
                + "é".repeat(40)
                + "...\": max allowed key length (256) exceeded");
    assertThat(failure(ctx -> ctx.state().set("k", value65536 + "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot set state key \"k\": max allowed value length (65536) exceeded");
    assertThat(failure(ctx -> ctx.state().set("k", "\uD83D\uDE00".repeat(16_385))))
        .hasMessage("cannot set state key \"k\": max allowed value length (65536) exceeded");
  }

  @Test
  void aCharmSetsOnlyTheWorkloadStatesJujuLetsItSet() {
    assertThat(failure(ctx -> ctx.status().unit(new Status(StatusState.ERROR, "x"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "invalid status \"error\", expected one of [maintenance blocked waiting active]");
    assertThat(failure(ctx -> ctx.status().unit(new Status(StatusState.UNKNOWN, ""))))
        .hasMessage(
            "invalid status \"unknown\", expected one of [maintenance blocked waiting active]");
    assertThat(failure(ctx -> ctx.status().application(new Status(StatusState.TERMINATED, ""))))
        .hasMessage(
            "invalid status \"terminated\", expected one of [maintenance blocked waiting active]");
  }

  @Test
  void onlyTheLeaderSetsTheApplicationStatus() {
    HookOutcome minion =
        backend(ctx -> ctx.status().application(Status.active("ok"))).leader(false).run();
    HookOutcome leader =
        backend(ctx -> ctx.status().application(Status.blocked("needs tls"))).run();

    assertThat(minion.failure())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("this unit is not the leader");
    assertThat(leader.changes().applicationStatus()).isEqualTo(Status.blocked("needs tls"));
  }

  @Test
  void theUnitStatusReadsItsOwnWriteAndIsNoChangeWhenUnchanged() {
    List<Status> seen = new ArrayList<>();

    HookOutcome changed =
        backend(
                ctx -> {
                  seen.add(ctx.status().unit());
                  ctx.status().unit(Status.maintenance("installing"));
                  seen.add(ctx.status().unit());
                })
            .status(Status.waiting("waiting for machine"))
            .run();
    HookOutcome unchanged =
        backend(ctx -> ctx.status().unit(Status.active("ready")))
            .status(Status.active("ready"))
            .run();

    assertThat(seen)
        .containsExactly(Status.waiting("waiting for machine"), Status.maintenance("installing"));
    assertThat(changed.changes().unitStatus()).isEqualTo(Status.maintenance("installing"));
    assertThat(unchanged.changes().unitStatus()).isNull();
  }

  @Test
  void portsOpenAndCloseWithReadYourWritesAndCommitAsOpenedAndClosedSets() {
    List<Object> seen = new ArrayList<>();

    HookOutcome outcome =
        backend(
                ctx -> {
                  Ports ports = ctx.ports();
                  ports.open(2379);
                  ports.open(53, "UDP");
                  ports.close(80);
                  ports.close(4001, "tcp");
                  seen.add(ports.opened());
                })
            .port("80/tcp")
            .port("2380/tcp")
            .run();

    assertThat(seen).containsExactly(java.util.Set.of("2379/tcp", "2380/tcp", "53/udp"));
    assertThat(outcome.changes().portsOpened()).containsExactly("2379/tcp", "53/udp");
    assertThat(outcome.changes().portsClosed()).containsExactly("80/tcp");
  }

  @Test
  void portsAreValidatedAsJujusOpenPort() {
    assertThat(failure(ctx -> ctx.ports().open(0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("port must be in the range [1, 65535]; got \"0\"");
    assertThat(failure(ctx -> ctx.ports().close(65536, "udp")))
        .hasMessage("port must be in the range [1, 65535]; got \"65536\"");
    assertThat(failure(ctx -> ctx.ports().open(80, "sctp")))
        .hasMessage("protocol must be \"tcp\" or \"udp\"; got \"sctp\"");
    assertThat(backend(ctx -> ctx.ports().open(65535, "udp")).run().changes().portsOpened())
        .containsExactly("65535/udp");
  }

  @Test
  void actionIsOnlyAvailableWhileRunningAnAction() {
    assertThat(failure(HookContext::action))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "ctx.action() is only available while running an action; this hook is"
                + " \"config-changed\"");
  }

  @Test
  void actionResultKeysFollowJujusGrammar() {
    ActionEvent snapshot = new ActionEvent("snapshot", "1", Map.of("keys-version", "v3"));
    HookOutcome valid =
        backend(
                snapshot,
                ctx -> {
                  ctx.action().set("path", "/a");
                  ctx.action().set("500", "x");
                  ctx.action().set("5-o-0.foo-bar.baz", "y");
                })
            .run();

    assertThat(valid.changes().actionResults())
        .containsOnlyKeys("path", "500", "5-o-0.foo-bar.baz");
    for (String key :
        List.of("-foo", "foo-", "foo-.bar", "foo!bar", "foo..bar", ".foo", "foo.", "", "Foo")) {
      HookOutcome outcome = backend(snapshot, ctx -> ctx.action().set(key, "v")).run();
      assertThat(outcome.failure())
          .as(key)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageEndingWith(
              "\" must start and end with lowercase alphanumeric, and contain only lowercase"
                  + " alphanumeric and hyphens");
    }
    assertThat(backend(snapshot, ctx -> ctx.action().set("Foo.bar", "v")).run().failure())
        .hasMessageStartingWith("key \"Foo\" must start");
    for (String key : List.of("stdout", "stdout-encoding", "stderr", "result.stderr-encoding")) {
      HookOutcome outcome = backend(snapshot, ctx -> ctx.action().set(key, "v")).run();
      assertThat(outcome.failure())
          .as(key)
          .hasMessage(
              "cannot set reserved action key \"" + key.substring(key.lastIndexOf('.') + 1) + "\"");
    }
  }

  @Test
  void aLaterActionResultOverwritesAConflictingEarlierOne() {
    ActionEvent snapshot = new ActionEvent("snapshot", "1", Map.of());

    HookOutcome outcome =
        backend(
                snapshot,
                ctx -> {
                  ctx.action().set("foo.bar", "1");
                  ctx.action().set("foo.baz", "2");
                  ctx.action().set("foo", "3");
                  ctx.action().set("other.x", "4");
                  ctx.action().set("other.x.y", "5");
                })
            .run();

    assertThat(outcome.changes().actionResults())
        .containsExactly(Map.entry("foo", "3"), Map.entry("other.x.y", "5"));
  }

  @Test
  void aFailedActionSucceedsAsAHookAndKeepsItsResults() {
    ActionEvent snapshot = new ActionEvent("snapshot", "1", Map.of());

    HookOutcome explained =
        backend(
                snapshot,
                ctx -> {
                  ctx.action().set("partial", "yes");
                  ctx.action().fail("etcd is not running");
                })
            .run();
    HookOutcome unexplained = backend(snapshot, ctx -> ctx.action().fail(null)).run();

    assertThat(explained.succeeded()).isTrue();
    assertThat(explained.changes().actionFailure()).isEqualTo("etcd is not running");
    assertThat(explained.changes().actionResults()).containsEntry("partial", "yes");
    assertThat(unexplained.changes().actionFailure())
        .isEqualTo("action failed without reason given, check action for errors");
  }

  @Test
  void resourcesMustBeDeclared() {
    List<Object> seen = new ArrayList<>();
    Path snapshot = Path.of("/var/lib/resources/snapshot.db");

    backend(ctx -> seen.add(ctx.resource("snapshot"))).resource("snapshot", snapshot).run();
    backend(ctx -> seen.add(ctx.resource("snapshot"))).run();

    assertThat(seen).containsExactly(Optional.of(snapshot), Optional.empty());
    assertThat(failure(ctx -> ctx.resource("core")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("charm \"etcd\" declares no resource \"core\"; its resources are snapshot");
  }
}
