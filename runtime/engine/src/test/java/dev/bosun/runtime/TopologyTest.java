package dev.bosun.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bosun.model.charm.ConfigException;
import dev.bosun.model.spec.ModelSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The controller's side: subordinates on their principal's machine, removing applications and
 * relations, declarative scale-down, placement, configuration and refresh checks.
 */
class TopologyTest {
  private final Harness h = new Harness();

  @AfterEach
  void close() {
    h.close();
  }

  private static ModelSpec withAgent(int clients) {
    return ModelSpec.builder()
        .application("client", app -> app.units(clients))
        .application("agent", app -> app.units(0))
        .relate("agent:host", "client")
        .build();
  }

  @Test
  void subordinatesAreCreatedWithTheirPrincipalOnItsMachine() {
    h.apply(withAgent(2));
    h.settled();

    ModelStatus status = h.runtime.status();
    UnitStatus principal = status.unit("client/0").orElseThrow();
    assertThat(principal.subordinates()).containsOnlyKeys("agent/0");
    assertThat(principal.subordinates().get("agent/0").machine()).isEqualTo(principal.machine());
    UnitStatus other = status.unit("client/1").orElseThrow();
    assertThat(other.subordinates()).containsOnlyKeys("agent/1");
    assertThat(other.subordinates().get("agent/1").machine()).isEqualTo(other.machine());
    assertThat(status.applications().get("agent").units()).isEmpty();
    assertThat(status.applications().get("agent").subordinateTo()).containsExactly("client");
    assertThat(status.applications().get("agent").scale()).isEqualTo(2);
    assertThat(status.machines().get(principal.machine()).units())
        .containsExactly("agent/0", "client/0");

    assertThat(h.hooks("agent/0"))
        .containsExactly(
            "install",
            "host-relation-created",
            "leader-elected",
            "config-changed",
            "start",
            "host-relation-joined client/0",
            "host-relation-changed client/0");
    assertThat(h.hooks("agent/1"))
        .containsExactly(
            "install",
            "host-relation-created",
            "leader-settings-changed",
            "config-changed",
            "start",
            "host-relation-joined client/1",
            "host-relation-changed client/1");
    // The principal's side of juju-info is implicit: it runs no hooks for the relation.
    assertThat(h.hooks("client/0")).noneMatch(hook -> hook.startsWith("juju-info"));
  }

  @Test
  void anAddedPrincipalGetsItsOwnSubordinateAndARemovedOneTakesItsAlong() {
    h.apply(withAgent(1));
    h.settled();

    h.runtime.addUnits("client", 1);
    h.settled();
    assertThat(h.runtime.status().unit("client/1").orElseThrow().subordinates())
        .containsOnlyKeys("agent/1");

    h.runtime.removeUnits("client/1");
    h.settled();
    assertThat(h.hooks("agent/1"))
        .endsWith("host-relation-departed client/1", "host-relation-broken", "stop", "remove");
    ModelStatus status = h.runtime.status();
    assertThat(status.unit("agent/1")).isEmpty();
    assertThat(status.unit("client/1")).isEmpty();
    assertThat(status.machines()).containsOnlyKeys("0");
  }

  @Test
  void subordinateUnitsCannotBeRemovedDirectly() {
    h.apply(withAgent(1));
    h.settled();
    assertThatThrownBy(() -> h.runtime.removeUnits("agent/0"))
        .isInstanceOf(OperationException.class)
        .hasMessageContaining("is a subordinate");
  }

  @Test
  void removingTheSubordinateRelationRemovesTheSubordinates() {
    h.apply(withAgent(2));
    h.settled();

    h.runtime.removeRelation("agent", "client");
    h.settled();

    assertThat(h.hooks("agent/0"))
        .endsWith("host-relation-departed client/0", "host-relation-broken", "stop", "remove");
    assertThat(h.runtime.status().units()).containsOnlyKeys("client/0", "client/1");
  }

  @Test
  void removingAnApplicationTearsDownItsUnitsRelationsAndMachines() {
    h.apply(
        ModelSpec.builder()
            .application("server", app -> app.units(1))
            .application("client", app -> app.units(2))
            .relate("client:db", "server:db")
            .build());
    h.settled();
    h.mark("server/0");

    h.runtime.removeApplication("client");
    h.settled();

    assertThat(h.hooks("client/0"))
        .endsWith(
            "p-relation-departed client/1",
            "db-relation-departed server/0",
            "db-relation-broken",
            "stop",
            "remove");
    assertThat(h.since("server/0"))
        .containsExactly(
            "db-relation-departed client/0", "db-relation-departed client/1", "db-relation-broken");
    ModelStatus status = h.runtime.status();
    assertThat(status.applications()).containsOnlyKeys("server");
    assertThat(status.relations())
        .extracting(RelationStatus::key)
        .containsExactly("server:cluster");
    assertThat(status.machines()).hasSize(1);
    assertThat(h.store.range("m/unit/client/").entries()).isEmpty();
    assertThat(h.store.range("m/bag/").entries()).allMatch(kv -> !kv.key().contains("client"));
    Logs.checkGuarantees(
        h.runtime, List.of("client/0", "client/1", "server/0"), List.of("p", "cluster"));
  }

  @Test
  void applyingASmallerModelRemovesHighestNumberedUnitsAndWhatTheModelDropped() {
    h.apply(
        ModelSpec.builder()
            .application("server", app -> app.units(1))
            .application("client", app -> app.units(3))
            .application("plain", app -> app.units(1))
            .relate("client:db", "server:db")
            .build());
    h.settled();

    h.apply(
        ModelSpec.builder()
            .application("server", app -> app.units(1))
            .application("client", app -> app.units(1))
            .build());
    h.settled();

    ModelStatus status = h.runtime.status();
    assertThat(status.applications()).containsOnlyKeys("client", "server");
    assertThat(status.applications().get("client").units()).containsOnlyKeys("client/0");
    assertThat(status.relations())
        .extracting(RelationStatus::key)
        .containsExactly("client:p", "server:cluster");

    h.apply(
        ModelSpec.builder()
            .application("server", app -> app.units(1))
            .application("client", app -> app.units(2))
            .build());
    h.settled();
    assertThat(h.runtime.status().applications().get("client").units())
        .containsOnlyKeys("client/0", "client/3");
  }

  @Test
  void applyingTheSameModelTwiceChangesNothing() {
    ModelSpec spec =
        ModelSpec.builder()
            .application("server", app -> app.units(2))
            .application("client", app -> app.units(1))
            .relate("client:db", "server:db")
            .build();
    h.apply(spec);
    h.settled();
    long revision = h.store.revision();

    ModelHandle again = h.apply(spec);

    assertThat(again.plan().isEmpty()).isTrue();
    assertThat(again.awaitSettled(java.time.Duration.ofSeconds(5)).hooksRun()).isZero();
    assertThat(h.runtime.modelState().applications()).containsOnlyKeys("client", "server");
    assertThat(h.store.revision() - revision).isLessThanOrEqualTo(1);
  }

  @Test
  void placementPutsUnitsOnExistingMachinesAndContainers() {
    h.apply(ModelSpec.builder().application("plain", app -> app.units(1)).build());
    h.settled();

    List<String> units = h.runtime.addUnits("plain", 3, List.of("0", "lxd:0", "lxd"));
    h.settled();

    ModelStatus status = h.runtime.status();
    assertThat(units).containsExactly("plain/1", "plain/2", "plain/3");
    assertThat(status.unit("plain/1").orElseThrow().machine()).isEqualTo("0");
    assertThat(status.unit("plain/2").orElseThrow().machine()).isEqualTo("0/lxd/0");
    assertThat(status.unit("plain/3").orElseThrow().machine()).isEqualTo("1/lxd/0");
    assertThat(status.machines()).containsOnlyKeys("0", "0/lxd/0", "1", "1/lxd/0");
    assertThat(status.machines().get("0/lxd/0").containerType()).isEqualTo("lxd");
    assertThatThrownBy(() -> h.runtime.addUnits("plain", 2, List.of("new", "7")))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("machine \"7\" not found");
    assertThat(h.runtime.status().units()).hasSize(4);
  }

  @Test
  void configurationIsValidatedAgainstTheCharm() {
    h.apply(ModelSpec.builder().application("plain", app -> app.units(1)).build());
    h.settled();

    assertThatThrownBy(() -> h.runtime.setConfig("plain", Map.of("nope", "x")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("unknown option \"nope\"");
    assertThatThrownBy(() -> h.runtime.setConfig("plain", Map.of("size", "big")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("option \"size\" expected int, got \"big\"");
    assertThatThrownBy(() -> h.runtime.setConfig("nothing", Map.of("size", 1)))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("application \"nothing\" not found");

    h.mark("plain/0");
    h.runtime.setConfig("plain", Map.of("size", "3"));
    h.runtime.setConfig("plain", Map.of("size", 3));
    h.settled();
    h.runtime.resetConfig("plain", "size");
    h.settled();
    assertThat(h.since("plain/0")).containsExactly("config-changed", "config-changed");
    assertThat(h.runtime.modelState().applications().get("plain").options()).isEmpty();
  }

  @Test
  void applyRefusesModelsWithUnknownCharmsOrInvalidOptionsAndChangesNothing() {
    assertThatThrownBy(
            () ->
                h.apply(
                    ModelSpec.builder()
                        .application("ghost", app -> app.units(1))
                        .application("plain", app -> app.units(1))
                        .build()))
        .isInstanceOf(dev.bosun.model.graph.RelationException.class)
        .hasMessageContaining("charm \"ghost\" from application \"ghost\" not found");
    assertThatThrownBy(
            () ->
                h.apply(
                    ModelSpec.builder()
                        .application("plain", app -> app.units(1).option("size", "big"))
                        .build()))
        .isInstanceOf(dev.bosun.model.spec.ModelSpecException.class)
        .hasMessageContaining("option \"size\" expected int, got \"big\"");
    assertThat(h.runtime.status().applications()).isEmpty();
    assertThat(h.settle().hooksRun()).isZero();
  }

  @Test
  void aRefusedApplyChangesNothingEvenWhenItWouldAlsoRemoveThings() {
    h.apply(
        ModelSpec.builder()
            .application("server", app -> app.units(1))
            .application("client", app -> app.units(1))
            .relate("client:db", "server:db")
            .build());
    h.settled();

    // The model drops server's unit and the relation, and switches client to a charm without
    // client's peer endpoint: the switch is refused, so nothing is removed either.
    assertThatThrownBy(
            () ->
                h.apply(
                    ModelSpec.builder()
                        .application("server", app -> app.units(0))
                        .application("client", app -> app.charm("plain").units(1))
                        .build()))
        .isInstanceOf(OperationException.class)
        .hasMessage(
            "cannot upgrade application \"client\" to charm \"plain\": would break relation \"client:p\"");

    assertThat(h.runtime.status().units()).containsOnlyKeys("server/0", "client/0");
    assertThat(h.settle().hooksRun()).isZero();
  }

  @Test
  void integrateRefusesRelationsThatExistAndRefreshRefusesToBreakOne() {
    h.apply(
        ModelSpec.builder()
            .application("server", app -> app.units(1))
            .application("client", app -> app.units(1))
            .relate("client:db", "server:db")
            .build());
    h.settled();

    assertThatThrownBy(() -> h.runtime.integrate("client", "server"))
        .isInstanceOf(OperationException.class)
        .hasMessage(
            "cannot add relation \"client:db server:db\": relation client:db server:db already exists");
    assertThatThrownBy(
            () -> h.runtime.refresh("client", TestCharms.define(TestCharms.plainMeta(), h.plain)))
        .isInstanceOf(OperationException.class)
        .hasMessage(
            "cannot upgrade application \"client\" to charm \"plain\": would break relation \"client:p\"");
  }
}
