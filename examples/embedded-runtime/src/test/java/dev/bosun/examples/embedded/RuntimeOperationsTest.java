package dev.bosun.examples.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bosun.charm.CharmCatalog;
import dev.bosun.charm.CharmDefinition;
import dev.bosun.model.charm.ConfigException;
import dev.bosun.model.spec.ModelSpec;
import dev.bosun.runtime.ActionResult;
import dev.bosun.runtime.ActionStatus;
import dev.bosun.runtime.HookRecord;
import dev.bosun.runtime.ManualClock;
import dev.bosun.runtime.ModelStatus;
import dev.bosun.runtime.NotFoundException;
import dev.bosun.runtime.ResolveMode;
import dev.bosun.runtime.Runtime;
import dev.bosun.runtime.RuntimeSettings;
import dev.bosun.runtime.SettleResult;
import dev.bosun.runtime.store.InMemoryStore;
import dev.bosun.runtime.substrate.InMemorySubstrate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operations docs/runtime.md shows, run on the example's charms: a deterministic runtime (a
 * manual clock, agents on the test's thread) so every step is exact.
 */
class RuntimeOperationsTest {
  private static final ModelSpec MODEL =
      ModelSpec.builder()
          .application("greeter", app -> app.units(1))
          .application("visitor", app -> app.units(2))
          .relate("visitor:greeter", "greeter:visitors")
          .build();

  private ManualClock clock;
  private InMemoryStore store;
  private InMemorySubstrate substrate;
  private Runtime runtime;

  @BeforeEach
  void start() {
    // tag::builder[]
    clock = new ManualClock();
    store = new InMemoryStore(clock);
    substrate = InMemorySubstrate.temporary();
    runtime =
        Runtime.builder()
            .charms(CharmCatalog.discover(getClass().getClassLoader()))
            .store(store)
            .substrate(substrate)
            .clock(clock)
            .settings(RuntimeSettings.deterministic(42))
            .build();
    // end::builder[]
    runtime.apply(MODEL);
    settle();
  }

  @AfterEach
  void close() {
    // tag::close[]
    runtime.close(); // stops the agents; closes only the store and substrate it created itself
    substrate.close();
    store.close();
    // end::close[]
  }

  private void settle() {
    SettleResult result = runtime.awaitSettled(Duration.ofSeconds(30));
    assertThat(result.settled()).as("%s", result).isTrue();
  }

  private String workload(String unit) {
    return runtime.status().unit(unit).orElseThrow().workload().toString();
  }

  @Test
  void reportsStatus() {
    // tag::status[]
    ModelStatus status = runtime.status();
    status.applications().get("visitor").status(); // active (Hello, visitor/0!)
    status.unit("greeter/0").orElseThrow().workload(); // active (greeting 2 visitors)
    status.unit("greeter/0").orElseThrow().agent(); // idle
    status.relations().get(0).key(); // visitor:greeter greeter:visitors
    // end::status[]

    assertThat(status.applications().get("visitor").status())
        .hasToString("active (Hello, visitor/0!)");
    assertThat(status.unit("greeter/0").orElseThrow().workload())
        .hasToString("active (greeting 2 visitors)");
    assertThat(status.unit("greeter/0").orElseThrow().agent()).hasToString("idle");
    assertThat(status.relations().get(0).key()).isEqualTo("visitor:greeter greeter:visitors");
  }

  @Test
  void scalesAndConfigures() {
    // tag::scale[]
    List<String> added = runtime.addUnits("visitor", 1); // [visitor/2]
    runtime.setConfig("greeter", Map.of("greeting", "Hi"));
    runtime.awaitSettled(Duration.ofMinutes(1));
    // end::scale[]

    assertThat(added).containsExactly("visitor/2");
    assertThat(workload("greeter/0")).isEqualTo("active (greeting 3 visitors)");
    assertThat(workload("visitor/2")).isEqualTo("active (Hi, visitor/2!)");

    runtime.removeUnits("visitor/2");
    settle();
    assertThat(runtime.status().unit("visitor/2")).isEmpty();
    assertThat(workload("greeter/0")).isEqualTo("active (greeting 2 visitors)");
  }

  @Test
  void applyIsDeclarative() {
    // tag::declarative[]
    runtime.apply(
        ModelSpec.builder()
            .application("greeter", app -> app.units(1))
            .application("visitor", app -> app.units(1)) // visitor/1 is removed
            .build()); // the relation is not in the model: it is removed
    runtime.awaitSettled(Duration.ofMinutes(1));
    // end::declarative[]

    ModelStatus status = runtime.status();
    assertThat(status.applications().get("visitor").units()).containsOnlyKeys("visitor/0");
    assertThat(status.relations())
        .extracting(r -> r.key())
        .doesNotContain("visitor:greeter greeter:visitors");
    assertThat(workload("visitor/0")).isEqualTo("blocked (needs a greeter)");
  }

  @Test
  void integratesAndRemovesRelations() {
    runtime.removeRelation("visitor", "greeter");
    settle();
    assertThat(workload("visitor/0")).isEqualTo("blocked (needs a greeter)");

    // tag::integrate[]
    runtime.integrate("visitor", "greeter"); // endpoints inferred, as juju integrate does
    runtime.awaitSettled(Duration.ofMinutes(1));
    // end::integrate[]

    assertThat(workload("visitor/0")).isEqualTo("active (Hello, visitor/0!)");
  }

  @Test
  void runsActions() {
    // tag::action[]
    ActionResult greet =
        runtime.runAction("greeter/0", "greet", Map.of("name", "Ann")).await(Duration.ofMinutes(1));
    greet.status(); // completed
    greet.results(); // {message=Hello, Ann}
    // end::action[]

    assertThat(greet.status()).isEqualTo(ActionStatus.COMPLETED);
    assertThat(greet.results()).containsExactly(Map.entry("message", "Hello, Ann"));
  }

  @Test
  void resolvesAUnitInError() {
    runtime.setConfig("greeter", Map.of("greeting", " "));
    SettleResult failed = runtime.awaitSettled(Duration.ofMinutes(1));
    assertThat(failed.errors()).containsEntry("greeter/0", "hook failed: \"config-changed\"");
    assertThat(runtime.hookLog("greeter/0").get(runtime.hookLog("greeter/0").size() - 1).error())
        .contains("the greeting must not be empty");

    // tag::resolve[]
    // greeter/0 is in error: hook failed: "config-changed"
    runtime.setConfig("greeter", Map.of("greeting", "Hello again"));
    runtime.resolve("greeter/0", ResolveMode.RETRY); // run the failed hook again
    runtime.awaitSettled(Duration.ofMinutes(1));
    // end::resolve[]

    assertThat(workload("greeter/0")).isEqualTo("active (greeting 2 visitors)");
    assertThat(workload("visitor/1")).isEqualTo("active (Hello again, visitor/1!)");
  }

  @Test
  void refreshesAnApplicationToAnotherCharm() {
    CharmDefinition current = CharmCatalog.discover(getClass().getClassLoader()).get("greeter");
    // tag::refresh[]
    CharmDefinition newer = new CharmDefinition(current.meta(), GreeterCharm::new, current.files());
    runtime.refresh("greeter", newer); // every unit runs upgrade-charm, then config-changed
    runtime.awaitSettled(Duration.ofMinutes(1));
    // end::refresh[]

    List<HookRecord> log = runtime.hookLog("greeter/0");
    assertThat(log.subList(log.size() - 2, log.size()))
        .extracting(HookRecord::hook)
        .containsExactly("upgrade-charm", "config-changed");
    assertThat(runtime.status().applications().get("greeter").charmVersion()).isEqualTo(1);
  }

  @Test
  void timeMovesOnlyWithTheClock() {
    int before = runtime.hookLog("visitor/0").size();

    // tag::time[]
    clock.advance(Duration.ofMinutes(6)); // update-status falls due on every unit
    runtime.awaitSettled(Duration.ofMinutes(1));
    // end::time[]

    List<HookRecord> log = runtime.hookLog("visitor/0");
    assertThat(log.subList(before, log.size()))
        .extracting(HookRecord::hook)
        .containsExactly("update-status");
  }

  @Test
  void refusesWhatTheModelDoesNotHave() {
    // tag::errors[]
    assertThatThrownBy(() -> runtime.addUnits("web", 1))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("application \"web\" not found");
    assertThatThrownBy(() -> runtime.setConfig("greeter", Map.of("colour", "blue")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("unknown option \"colour\"");
    // end::errors[]
  }
}
