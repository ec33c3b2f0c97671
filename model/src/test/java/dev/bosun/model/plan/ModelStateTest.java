package dev.bosun.model.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bosun.model.spec.Constraints;
import dev.bosun.model.spec.EndpointRef;
import dev.bosun.model.spec.ModelSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelStateTest {

  @Test
  void sequencesContinueAfterEverythingInUse() {
    ModelState state =
        ModelState.builder()
            .application("etcd", app -> app.unit("etcd/0", "0").unit("etcd/5", "7/kvm/1"))
            .machine("0")
            .machine("3")
            .machine("3/lxd/2")
            .build();

    assertThat(state.nextMachineNumber()).isEqualTo(8);
    assertThat(state.nextContainerNumber("3", "lxd")).isEqualTo(3);
    assertThat(state.nextContainerNumber("7", "kvm")).isEqualTo(2);
    assertThat(state.nextContainerNumber("0", "lxd")).isZero();
    assertThat(state.nextUnitNumber("etcd")).isEqualTo(6);
    assertThat(state.nextUnitNumber("easyrsa")).isZero();
  }

  @Test
  void recordedSequencesAreKeptWhenHigherAndRaisedWhenLower() {
    ModelState state =
        ModelState.builder()
            .application("etcd", app -> app.unit("etcd/4", "4"))
            .machine("4")
            .sequence("machine", 20)
            .sequence("application-etcd", 2)
            .build();

    assertThat(state.nextMachineNumber()).isEqualTo(20);
    assertThat(state.nextUnitNumber("etcd")).isEqualTo(5);
  }

  @Test
  void equalContentGivesEqualStatesWhateverTheOrder() {
    ModelState one =
        ModelState.builder()
            .machine("10")
            .machine("2")
            .application("b", app -> app.unit("b/10", "10").unit("b/2", "2"))
            .application("a", app -> {})
            .relate("a:x", "b:y")
            .relate("b:y", "a:x")
            .build();
    ModelState two =
        ModelState.builder()
            .application("a", app -> {})
            .application("b", app -> app.unit("b/2", "2").unit("b/10", "10"))
            .machine("2")
            .machine("10")
            .relate("b:y", "a:x")
            .build();

    assertThat(one).isEqualTo(two);
    assertThat(one.machines().keySet()).containsExactly("2", "10");
    assertThat(one.applications().get("b").units().keySet()).containsExactly("b/2", "b/10");
    assertThat(one.relations())
        .containsExactly(new RelationState(EndpointRef.parse("a:x"), EndpointRef.parse("b:y")));
  }

  @Test
  void machinesKnowTheirContainerTypeAndParent() {
    MachineState container = MachineState.of("0/lxd/1/kvm/0");

    assertThat(container.isContainer()).isTrue();
    assertThat(container.containerType()).isEqualTo("kvm");
    assertThat(container.parentId()).isEqualTo("0/lxd/1");
    assertThat(MachineState.topLevel(container.id())).isEqualTo("0");
    assertThat(MachineState.of("12").isContainer()).isFalse();
  }

  @Test
  void rejectsMalformedIdsAndForeignUnits() {
    assertThatThrownBy(() -> MachineState.of("01")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MachineState.of("0/lxd")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ApplicationState.builder("etcd").unit("easyrsa/0", "0").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unit easyrsa/0 is not a unit of application etcd");
  }

  @Test
  void applyCreatesMachinesContainersAndUnitsWhereThePlanSaid() {
    ModelSpec spec =
        ModelSpec.builder()
            .application("db", app -> app.units(2).to("lxd:new", "kvm:0").constraints("mem=4G"))
            .application("web", app -> app.units(2).to("db/0", "lxd:db/1"))
            .machine("0")
            .buildUnvalidated();

    ModelState state = ModelState.EMPTY.apply(Planner.plan(spec, ModelState.EMPTY));

    assertThat(state.applications().get("db").units())
        .containsExactly(Map.entry("db/0", "1/lxd/0"), Map.entry("db/1", "0/kvm/0"));
    assertThat(state.applications().get("web").units())
        .containsExactly(Map.entry("web/0", "1/lxd/0"), Map.entry("web/1", "0/lxd/0"));
    assertThat(state.machines().keySet())
        .containsExactly("0", "0/kvm/0", "0/lxd/0", "1", "1/lxd/0");
    assertThat(state.machines().get("1/lxd/0").constraints())
        .isEqualTo(Constraints.parse("mem=4G"));
    assertThat(state.bundleMachines()).containsExactly(Map.entry("0", "0"));
  }

  @Test
  void applyUpgradesSetsAndExposes() {
    ModelState before =
        ModelState.builder()
            .application(
                "web",
                app ->
                    app.charm("web").option("title", "old").option("port", 80).unit("web/0", "0"))
            .machine("0")
            .build();
    ModelSpec spec =
        ModelSpec.builder()
            .application(
                "web",
                app ->
                    app.charm("./charms/web")
                        .option("title", "new")
                        .constraints("cores=2")
                        .expose(true)
                        .annotation("owner", "ops"))
            .buildUnvalidated();

    ModelState after = before.apply(Planner.plan(spec, before));

    ApplicationState web = after.applications().get("web");
    assertThat(web.charm()).isEqualTo("./charms/web");
    assertThat(web.options()).containsExactly(Map.entry("port", 80L), Map.entry("title", "new"));
    assertThat(web.constraints()).isEqualTo(Constraints.parse("cores=2"));
    assertThat(web.exposed()).isTrue();
    assertThat(web.annotations()).containsExactly(Map.entry("owner", "ops"));
    assertThat(before.applications().get("web").charm()).isEqualTo("web");
  }

  @Test
  void applyScalesKubernetesApplications() {
    ModelSpec three =
        ModelSpec.builder()
            .type("kubernetes")
            .application("mariadb", app -> app.units(3))
            .buildUnvalidated();
    ModelSpec one =
        three.toBuilder().application("mariadb", app -> app.units(1)).buildUnvalidated();

    ModelState deployed = ModelState.EMPTY.apply(Planner.plan(three, ModelState.EMPTY));
    Plan down = Planner.plan(one, deployed);
    ModelState scaledDown = deployed.apply(down);

    assertThat(deployed.applications().get("mariadb").units())
        .containsOnlyKeys("mariadb/0", "mariadb/1", "mariadb/2");
    assertThat(down.descriptions()).containsExactly("scale mariadb to 1 units");
    assertThat(scaledDown.applications().get("mariadb").units()).containsOnlyKeys("mariadb/0");
    assertThat(scaledDown.nextUnitNumber("mariadb")).isEqualTo(3);
    assertThat(Planner.plan(one, scaledDown).isEmpty()).isTrue();
  }

  @Test
  void applyingAChangeForAnUnknownApplicationFails() {
    Plan plan =
        new Plan(
            List.of(new SetOptionsChange("setOptions-0", List.of(), "ghost", Map.of("a", 1L))));

    assertThatThrownBy(() -> ModelState.EMPTY.apply(plan))
        .isInstanceOf(PlanException.class)
        .hasMessage("application \"ghost\" not found in the model");
  }
}
