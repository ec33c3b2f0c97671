package com.example.hello;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bosun.charm.Status;
import dev.bosun.charm.relation.WireCodec;
import dev.bosun.model.charm.ActionParametersException;
import dev.bosun.testing.ActionOutcome;
import dev.bosun.testing.CharmContext;
import dev.bosun.testing.Events;
import dev.bosun.testing.HookFailedException;
import dev.bosun.testing.RelationState;
import dev.bosun.testing.State;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unit tests of the hello charm with the single-unit kit: each runs one event against a state and
 * checks the state the hook committed.
 */
// tag::single-unit[]
class HelloCharmTest {
  private final CharmContext ctx = CharmContext.fromClasspath("charms/hello");

  private static RelationState cluster(String clusterId, String... peers) {
    RelationState.Builder cluster = RelationState.peerBuilder("cluster").remoteUnits(peers);
    if (clusterId != null) {
      cluster.localApplicationData(Map.of("cluster-id", clusterId));
    }
    return cluster.build();
  }

  @Test
  void installSaysItIsInstalling() {
    State out = ctx.run(Events.install(), State.empty());

    assertThat(out.unitStatus()).isEqualTo(Status.maintenance("installing"));
  }

  @Test
  void theLeaderChoosesTheClusterIdAndServes() {
    State leader = State.builder().leader(true).relation(cluster(null)).build();

    State out = ctx.run(Events.configChanged(), leader);

    assertThat(out.relation("cluster").localApplicationData().get("cluster-id"))
        .matches("[0-9a-f]{8}");
    assertThat(out.unitStatus()).isEqualTo(Status.active("serving on port 8080"));
    assertThat(out.openedPorts()).containsExactly("8080/tcp");
  }

  @Test
  void aFollowerWaitsForTheLeadersClusterId() {
    State follower = State.builder().relation(cluster(null, "hello/1")).build();

    State out = ctx.run(Events.configChanged(), follower);

    assertThat(out.unitStatus())
        .isEqualTo(Status.waiting("waiting for the leader to choose a cluster id"));
    assertThat(out.openedPorts()).isEmpty();
  }

  @Test
  void aFollowerRendersItsConfigurationWithTheClusterIdAndItsPeers(@TempDir Path machine)
      throws Exception {
    CharmContext onDisk = ctx.withUnit("hello/2").withMachineRoot(machine);
    State follower =
        State.builder()
            .config("message", "Bonjour")
            .relation(cluster("c0ffee00", "hello/0", "hello/1"))
            .build();

    onDisk.run(Events.relationChanged(follower.relation("cluster")), follower);

    assertThat(Files.readString(onDisk.machine().path("etc/hello/hello.conf")))
        .isEqualTo(
            """
            listen = 127.77.0.1:8080
            message = "Bonjour"
            cluster = c0ffee00
            peer = hello/0
            peer = hello/1
            """);
    assertThat(onDisk.services().get("hello").command())
        .containsExactly("/usr/bin/hello", "etc/hello/hello.conf");
  }

  @Test
  void changingThePortClosesTheOldOne() {
    State serving =
        State.builder().config("port", 9090).openedPort(8080).relation(cluster("c0ffee00")).build();

    State out = ctx.run(Events.configChanged(), serving);

    assertThat(out.openedPorts()).containsExactly("9090/tcp");
  }

  @Test
  void publishesItsAddressAndPortToEveryWebsiteRelation() {
    RelationState website =
        RelationState.builder("website", "browser").remoteUnits("browser/0").build();
    State state = State.builder().relation(cluster("c0ffee00")).relation(website).build();

    State out = ctx.run(Events.relationJoined(website, "browser/0"), state);

    Map<String, String> published = out.relation("website").localUnitData();
    assertThat(published)
        .containsExactly(Map.entry("hostname", "127.77.0.1"), Map.entry("port", "8080"));
    assertThat(WireCodec.of(Website.class).decode(published))
        .contains(new Website("127.77.0.1", 8080));
  }

  @Test
  void aPortOutOfRangeFailsTheHookAndCommitsNothing() {
    State state = State.builder().config("port", 70000).relation(cluster("c0ffee00")).build();

    assertThatThrownBy(() -> ctx.run(Events.configChanged(), state))
        .isInstanceOf(HookFailedException.class)
        .hasMessageContaining("hook failed: \"config-changed\"")
        .hasRootCauseInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void greetAnswersWithTheConfiguredMessage() {
    ActionOutcome greet =
        ctx.runAction(
            Events.action("greet", Map.of("name", "Ann")),
            State.builder().config("message", "Hi").build());

    assertThat(greet.succeeded()).isTrue();
    assertThat(greet.results()).containsExactly(Map.entry("message", "Hi, Ann"));
  }

  @Test
  void greetNeedsAName() {
    assertThatThrownBy(() -> ctx.runAction(Events.action("greet"), State.empty()))
        .isInstanceOf(ActionParametersException.class)
        .hasMessageContaining("name");
  }
}
// end::single-unit[]
