package com.example.greeter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bosun.charm.CharmDefinition;
import dev.bosun.charm.Status;
import dev.bosun.charm.event.ActionEvent;
import dev.bosun.charm.event.ConfigChanged;
import dev.bosun.charm.fake.FakeBackend;
import dev.bosun.charm.fake.FakeMachine;
import dev.bosun.charm.fake.FakeRelation;
import dev.bosun.charm.spi.HookOutcome;
import dev.bosun.model.charm.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example charm of docs/charms.md, packaged as the guide describes, does what it says. */
class GreeterCharmTest {
  private static final CharmDefinition GREETER =
      CharmDefinition.fromClasspath("examples/greeter", GreeterCharmTest.class.getClassLoader());

  @TempDir Path root;

  @Test
  void configuresServesAndPublishesOnConfigChanged() throws IOException {
    HookOutcome outcome =
        FakeBackend.builder(GREETER, new ConfigChanged())
            .machine(new FakeMachine("0", "127.77.0.1", root))
            .config("port", 9090L)
            .relation(
                FakeRelation.builder(1, "cluster", Role.PEER, "greeter-peer")
                    .remoteApplication("greeter")
                    .unit("greeter/1", Map.of())
                    .unit("greeter/2", Map.of())
                    .build())
            .relation(
                FakeRelation.builder(4, "website", Role.PROVIDER, "http")
                    .remoteApplication("haproxy")
                    .build())
            .run();

    assertThat(outcome.error()).isEmpty();
    assertThat(Files.readString(root.resolve("etc/greeter/greeter.conf")))
        .isEqualTo(
            "listen = 127.77.0.1:9090\n"
                + "greeting = \"Hello\"\n"
                + "peer = greeter/1\n"
                + "peer = greeter/2\n");
    assertThat(outcome.changes().portsOpened()).containsExactly("9090/tcp");
    assertThat(outcome.changes().relations().get(4).unitData())
        .containsEntry("hostname", "127.77.0.1")
        .containsEntry("port", "9090");
    assertThat(outcome.changes().unitStatus()).isEqualTo(Status.active("greeting on port 9090"));
  }

  @Test
  void greetsThroughItsAction() {
    HookOutcome outcome =
        FakeBackend.builder(GREETER, new ActionEvent("greet", "1", Map.of("name", "Ada"))).run();

    assertThat(outcome.changes().actionResults())
        .containsExactly(Map.entry("message", "Hello, Ada"));
  }
}
