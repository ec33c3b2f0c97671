package com.example.hello;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.hello.Website.NoData;
import dev.bosun.charm.CharmCatalog;
import dev.bosun.charm.CharmDefinition;
import dev.bosun.charm.CharmFiles;
import dev.bosun.charm.HookContext;
import dev.bosun.charm.ReconcilerCharm;
import dev.bosun.charm.Status;
import dev.bosun.charm.relation.TypedRelation;
import dev.bosun.model.charm.CharmMeta;
import dev.bosun.model.charm.Endpoint;
import dev.bosun.model.charm.Role;
import dev.bosun.model.spec.ModelSpec;
import dev.bosun.testing.Checkpoint;
import dev.bosun.testing.ModelExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Whole-model tests of the hello charm: real hooks on the real engine, in memory, with a clock that
 * moves only when the test says so.
 */
// tag::whole-model[]
class HelloModelTest {

  /** A stand-in for whatever relates to hello's website: it shows where it would browse. */
  public static final class BrowserCharm implements ReconcilerCharm {
    @Override
    public void reconcile(HookContext ctx) {
      for (TypedRelation<NoData, Website> website :
          ctx.relations("website", Website.HTTP.requirer())) {
        for (Website site : website.remoteUnits().values()) {
          ctx.status().unit(Status.active("browsing " + site.hostname() + ":" + site.port()));
        }
      }
    }
  }

  static final CharmDefinition BROWSER =
      new CharmDefinition(
          CharmMeta.builder("browser")
              .requires(Endpoint.of("website", Role.REQUIRER, "http"))
              .build(),
          BrowserCharm::new,
          CharmFiles.of("browser", Map.of()));

  @RegisterExtension
  static final ModelExtension model =
      ModelExtension.builder()
          .charms(CharmCatalog.discover(HelloModelTest.class.getClassLoader()))
          .charms(BROWSER)
          .seed(42)
          .build();

  static ModelSpec hello(int units) {
    return ModelSpec.builder().application("hello", app -> app.units(units)).build();
  }

  @Test
  void threeUnitsServeWithTheClusterIdTheLeaderChose() throws IOException {
    model.deploy(hello(3));

    model
        .assertThatApplication("hello")
        .hasUnits("hello/0", "hello/1", "hello/2")
        .hasLeader("hello/0");
    String clusterId = model.applicationData("hello", "cluster").get("cluster-id");
    for (String unit : List.of("hello/0", "hello/1", "hello/2")) {
      model
          .assertThatUnit(unit)
          .hasStatus(Status.active("serving on port 8080"))
          .hasOpenPorts("8080/tcp");
      assertThat(configOf(unit)).contains("cluster = " + clusterId + "\n");
    }
  }

  /** Reads the configuration file the charm rendered on a unit's machine. */
  private static String configOf(String unit) throws IOException {
    String machine = model.status().unit(unit).orElseThrow().machine();
    return Files.readString(
        model.substrate().lookup(machine).orElseThrow().path(HelloCharm.CONFIG_FILE));
  }

  @Test
  void aFollowerStartsUpInJujusOrder() {
    model.deploy(hello(2));

    assertThat(model.hookTrace("hello/1"))
        .containsExactly(
            "install",
            "cluster-relation-created",
            "leader-settings-changed",
            "config-changed",
            "start",
            "cluster-relation-changed", // the leader wrote the cluster id: application data
            "cluster-relation-joined hello/0",
            "cluster-relation-changed hello/0");
  }

  @Test
  void anAddedUnitJoinsAndOnlyItsPeersNotice() {
    model.deploy(hello(2));
    Checkpoint before = model.checkpoint();

    model.runtime().addUnits("hello", 1);
    model.assertSettled();

    model.assertThatUnit("hello/2").hasStatus(Status.active("serving on port 8080"));
    assertThat(model.hooksSince(before, "hello/0"))
        .containsExactly("cluster-relation-joined hello/2", "cluster-relation-changed hello/2");
  }

  @Test
  void changingThePortMovesEveryUnit() {
    model.deploy(hello(2));

    model.runtime().setConfig("hello", Map.of("port", 9090));
    model.assertSettled();

    model.assertThatUnit("hello/0").hasOpenPorts("9090/tcp");
    model.assertThatUnit("hello/1").hasStatus(Status.active("serving on port 9090"));
  }

  @Test
  void aBrowserRelatedToTheWebsiteFindsTheUnit() {
    model.deploy(
        ModelSpec.builder()
            .application("hello", app -> app.units(1))
            .application("browser", app -> app.units(1))
            .relate("browser:website", "hello:website")
            .build());

    String address = model.status().unit("hello/0").orElseThrow().address();
    model.assertThatUnit("browser/0").hasStatus(Status.active("browsing " + address + ":8080"));
    model.assertThatUnit("hello/0").relationData("website").containsEntry("port", "8080");
  }

  @Test
  void greetRunsOnAUnit() {
    model.deploy(hello(1));

    assertThat(model.runAction("hello/0", "greet", Map.of("name", "Ann")).results())
        .containsEntry("message", "Hello, Ann");
  }

  @Test
  void updateStatusKeepsTheUnitsServing() {
    model.deploy(hello(1));
    Checkpoint before = model.checkpoint();

    model.advance(Duration.ofMinutes(6));

    assertThat(model.hooksSince(before, "hello/0")).containsExactly("update-status");
    model.assertThatUnit("hello/0").hasStatus(Status.active("serving on port 8080"));
  }
}
// end::whole-model[]
