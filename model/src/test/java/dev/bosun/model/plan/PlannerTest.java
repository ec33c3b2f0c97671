package dev.bosun.model.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.bosun.model.spec.ModelSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class PlannerTest {

  private static ModelSpec bundle(Consumer<ModelSpec.Builder> content) {
    ModelSpec.Builder builder = ModelSpec.builder();
    content.accept(builder);
    return builder.buildUnvalidated();
  }

  /** Juju's TestMachinesAndUnitsPlacementWithBindings, compared change by change. */
  @Test
  void idsRequiresAndArgumentsMatchJujusRecords() {
    ModelSpec spec =
        bundle(
            b ->
                b.application(
                        "django",
                        app ->
                            app.charm("ch:django")
                                .base("ubuntu@22.04")
                                .units(2)
                                .binding("", "foo")
                                .binding("http", "bar")
                                .to("1", "lxc:2")
                                .constraints("spaces=baz cpu-cores=4 cpu-power=42"))
                    .application(
                        "haproxy",
                        app ->
                            app.charm("ch:haproxy")
                                .base("ubuntu@22.04")
                                .units(2)
                                .expose(true)
                                .to("lxc:django/0", "new")
                                .option("bad", "wolf")
                                .option("number", 42.47))
                    .machine(
                        new dev.bosun.model.spec.MachineSpec(
                            "1",
                            dev.bosun.model.spec.Constraints.NONE,
                            Map.of(),
                            null,
                            "ubuntu@22.04"))
                    .machine("2"));

    Plan plan = Planner.plan(spec, ModelState.EMPTY);

    assertThat(plan.changes())
        .extracting(Change::id, Change::requires)
        .containsExactly(
            tuple("addCharm-0", List.of()),
            tuple("deploy-1", List.of("addCharm-0")),
            tuple("addCharm-2", List.of()),
            tuple("deploy-3", List.of("addCharm-2")),
            tuple("expose-4", List.of("deploy-3")),
            tuple("addMachines-5", List.of()),
            tuple("addMachines-6", List.of("addMachines-5")),
            tuple("addUnit-7", List.of("addMachines-5", "deploy-1")),
            tuple("addMachines-11", List.of("addMachines-5", "addMachines-6")),
            tuple(
                "addMachines-12",
                List.of("addMachines-11", "addMachines-5", "addMachines-6", "addUnit-7")),
            tuple(
                "addMachines-13",
                List.of("addMachines-11", "addMachines-12", "addMachines-5", "addMachines-6")),
            tuple("addUnit-8", List.of("addMachines-11", "addUnit-7", "deploy-1")),
            tuple("addUnit-9", List.of("addMachines-12", "deploy-3")),
            tuple("addUnit-10", List.of("addMachines-13", "addUnit-9", "deploy-3")));
    AddMachineChange container = (AddMachineChange) plan.change("addMachines-11").orElseThrow();
    assertThat(container.containerType()).isEqualTo("lxc");
    assertThat(container.parentId()).isEqualTo("$addMachines-6");
    assertThat(container.base()).isEqualTo("ubuntu@22.04/stable");
    assertThat(container.constraints().toString())
        .isEqualTo("cores=4 cpu-power=42 spaces=bar,baz,foo");
    AddMachineChange besideUnit = (AddMachineChange) plan.change("addMachines-12").orElseThrow();
    assertThat(besideUnit.parentId()).isEqualTo("$addUnit-7");
    assertThat(besideUnit.constraints().isEmpty()).isTrue();
    AddUnitChange haproxy = (AddUnitChange) plan.change("addUnit-10").orElseThrow();
    assertThat(haproxy.application()).isEqualTo("$deploy-3");
    assertThat(haproxy.to()).isEqualTo("$addMachines-13");
    AddApplicationChange deploy = (AddApplicationChange) plan.change("deploy-3").orElseThrow();
    assertThat(deploy.charm()).isEqualTo("$addCharm-2");
    assertThat(deploy.options()).containsEntry("number", 42.47).containsEntry("bad", "wolf");
  }

  /** Juju's TestApplicationWithNonDefaultBaseAndPlacements. */
  @Test
  void machinesForUnitsUseTheApplicationBaseAndBundleMachinesTheDefault() {
    ModelSpec spec =
        bundle(
            b ->
                b.defaultBase("ubuntu@22.04")
                    .application(
                        "gui3",
                        app ->
                            app.charm("ch:juju-gui")
                                .base("ubuntu@20.04")
                                .units(2)
                                .to("new", "lxc:1"))
                    .machine("1"));

    Plan plan = Planner.plan(spec, ModelState.EMPTY);

    assertThat(plan.changes())
        .extracting(Change::id, Change::requires)
        .containsExactly(
            tuple("addCharm-0", List.of()),
            tuple("deploy-1", List.of("addCharm-0")),
            tuple("addMachines-2", List.of()),
            tuple("addMachines-5", List.of("addMachines-2")),
            tuple("addMachines-6", List.of("addMachines-2", "addMachines-5")),
            tuple("addUnit-3", List.of("addMachines-5", "deploy-1")),
            tuple("addUnit-4", List.of("addMachines-6", "addUnit-3", "deploy-1")));
    assertThat(((AddMachineChange) plan.changes().get(2)).base()).isEqualTo("ubuntu@22.04/stable");
    assertThat(((AddMachineChange) plan.changes().get(3)).base()).isEqualTo("ubuntu@20.04/stable");
    assertThat(((AddCharmChange) plan.changes().get(0)).base()).isEqualTo("ubuntu@20.04/stable");
  }

  @Test
  void everyChangeComesAfterTheChangesItRequires() {
    ModelSpec spec =
        bundle(
            b ->
                b.application("mysql", app -> app.charm("mysql").units(3).to("lxd:new"))
                    .application("keystone", app -> app.units(4).to("lxd:mysql", "new"))
                    .application("haproxy", app -> app.units(2).to("keystone/3", "lxd:mysql/1"))
                    .relate("keystone:db", "mysql:db")
                    .relate("haproxy", "keystone"));

    Plan plan = Planner.plan(spec, ModelState.EMPTY);

    Set<String> done = new HashSet<>();
    for (Change change : plan.changes()) {
      assertThat(done).containsAll(change.requires());
      assertThat(change.id()).isEqualTo(change.method() + "-" + change.id().split("-")[1]);
      done.add(change.id());
    }
    assertThat(done).hasSize(plan.changes().size());
  }

  @Test
  void localCharmsArePrintedAsWrittenWithoutLocation() {
    ModelSpec spec =
        bundle(
            b ->
                b.series("jammy")
                    .application("etcd", app -> app.units(1))
                    .application("web", app -> app.charm("./charms/website").units(1))
                    .application("cache", app -> app.charm("local:memcached").units(0)));

    assertThat(Planner.plan(spec, ModelState.EMPTY).descriptions())
        .containsExactly(
            "upload charm memcached from local for base ubuntu@22.04/stable",
            "deploy application cache from local on ubuntu@22.04/stable using memcached",
            "upload charm etcd for base ubuntu@22.04/stable",
            "deploy application etcd on ubuntu@22.04/stable",
            "upload charm ./charms/website for base ubuntu@22.04/stable",
            "deploy application web on ubuntu@22.04/stable",
            "add unit etcd/0 to new machine 0",
            "add unit web/0 to new machine 1");
  }

  @Test
  void unknownSeriesIsPrintedAsASeries() {
    ModelSpec spec = bundle(b -> b.application("etcd", app -> app.series("warty").units(0)));

    assertThat(Planner.plan(spec, ModelState.EMPTY).descriptions())
        .containsExactly("upload charm etcd for series warty", "deploy application etcd on warty");
  }

  @Test
  void relationWithInferredEndpointsIsDescribedByApplication() {
    ModelSpec spec =
        bundle(
            b ->
                b.application("etcd", app -> app.units(0))
                    .application("easyrsa", app -> app.units(0))
                    .relate("etcd", "easyrsa"));

    Plan plan = Planner.plan(spec, ModelState.EMPTY);
    AddRelationChange relation = (AddRelationChange) plan.changes().get(4);

    assertThat(relation.description()).isEqualTo("add relation etcd - easyrsa");
    assertThat(relation.endpoint1()).isEqualTo("$deploy-3");
    assertThat(relation.endpoint2()).isEqualTo("$deploy-1");
    assertThat(relation.requires()).containsExactly("deploy-1", "deploy-3");
  }

  @Test
  void existingRelationInEitherOrderOrWithInferredEndpointIsNotAddedAgain() {
    ModelSpec spec =
        bundle(
            b ->
                b.application("etcd", app -> app.units(0))
                    .application("easyrsa", app -> app.units(0))
                    .application("flannel", app -> app.units(0))
                    .relate("easyrsa:client", "etcd:certificates")
                    .relate("flannel", "etcd")
                    .relate("flannel:cni", "easyrsa:client"));
    ModelState model =
        ModelState.builder()
            .application("etcd", app -> {})
            .application("easyrsa", app -> {})
            .application("flannel", app -> {})
            .relate("etcd:certificates", "easyrsa:client")
            .relate("flannel:etcd", "etcd:db")
            .build();

    assertThat(Planner.plan(spec, model).descriptions())
        .containsExactly("add relation flannel:cni - easyrsa:client");
  }

  @Test
  void relationToExistingApplicationUsesItsNameAndRequiresOnlyTheNewOne() {
    ModelSpec spec =
        bundle(
            b ->
                b.application("etcd", app -> app.units(0))
                    .application("flannel", app -> app.units(0))
                    .relate("flannel:etcd", "etcd:db"));
    ModelState model = ModelState.builder().application("etcd", app -> {}).build();

    Plan plan = Planner.plan(spec, model);
    AddRelationChange relation = (AddRelationChange) plan.changes().get(2);

    assertThat(relation.endpoint1()).isEqualTo("$deploy-1:etcd");
    assertThat(relation.endpoint2()).isEqualTo("etcd:db");
    assertThat(relation.requires()).containsExactly("deploy-1");
  }

  @Test
  void bareContainerWordMeansANewContainerOnANewMachine() {
    ModelSpec spec = bundle(b -> b.application("web", app -> app.units(2).to("lxd").to("kvm")));

    assertThat(Planner.plan(spec, ModelState.EMPTY).descriptions())
        .containsExactly(
            "upload charm web",
            "deploy application web",
            "add lxd container 0/lxd/0 on new machine 0",
            "add kvm container 1/kvm/0 on new machine 1",
            "add unit web/0 to 0/lxd/0",
            "add unit web/1 to 1/kvm/0");
  }

  @Test
  void bareContainerWordNamingAnApplicationPlacesNextToIt() {
    ModelSpec spec =
        bundle(
            b ->
                b.application("lxd", app -> app.units(1))
                    .application("web", app -> app.units(1).to("lxd")));

    assertThat(Planner.plan(spec, ModelState.EMPTY).descriptions())
        .contains("add unit web/0 to new machine 0 to satisfy [lxd]");
  }

  @Test
  void fillRuleRepeatsNewAndApplicationDirectivesOnly() {
    ModelSpec spec =
        bundle(
            b ->
                b.application("db", app -> app.units(2))
                    .application("web", app -> app.units(3).to("lxd:new"))
                    .application("agent", app -> app.units(3).to("db")));

    assertThat(Planner.plan(spec, ModelState.EMPTY).descriptions())
        .contains(
            "add lxd container 2/lxd/0 on new machine 2",
            "add lxd container 3/lxd/0 on new machine 3",
            "add lxd container 4/lxd/0 on new machine 4",
            "add unit agent/0 to new machine 0 to satisfy [db]",
            "add unit agent/1 to new machine 1 to satisfy [db]",
            "add unit agent/2 to new machine 5");
  }

  @Test
  void subordinateGetsNoUnitsAndUnitsAreNeverRemoved() {
    ModelSpec spec =
        bundle(
            b ->
                b.application("flannel", app -> app.units(0))
                    .application("etcd", app -> app.units(1)));
    ModelState model =
        ModelState.builder()
            .application(
                "flannel",
                app -> app.subordinate(true).unit("flannel/0", "0").unit("flannel/1", "1"))
            .application("etcd", app -> app.unit("etcd/0", "0").unit("etcd/1", "1"))
            .machine("0")
            .machine("1")
            .build();

    assertThat(Planner.plan(spec, model).isEmpty()).isTrue();
  }

  @Test
  void exposedApplicationIsNeverUnexposed() {
    ModelSpec spec = bundle(b -> b.application("web", app -> app.units(0).expose(false)));
    ModelState model = ModelState.builder().application("web", app -> app.exposed(true)).build();

    assertThat(Planner.plan(spec, model).isEmpty()).isTrue();
  }

  @Test
  void unexposedExistingApplicationIsExposedWithoutRequirements() {
    ModelSpec spec = bundle(b -> b.application("web", app -> app.units(0).expose(true)));
    ModelState model = ModelState.builder().application("web", app -> {}).build();

    Plan plan = Planner.plan(spec, model);

    assertThat(plan.changes())
        .singleElement()
        .isInstanceOfSatisfying(
            ExposeChange.class,
            expose -> {
              assertThat(expose.application()).isEqualTo("web");
              assertThat(expose.requires()).isEmpty();
              assertThat(expose.alreadyExposed()).isFalse();
            });
  }

  @Test
  void differentCharmUpgradesAnExistingApplication() {
    ModelSpec spec =
        bundle(b -> b.application("web", app -> app.charm("./charms/web-v2").units(0)));
    ModelState model = ModelState.builder().application("web", app -> app.charm("web")).build();

    assertThat(Planner.plan(spec, model).descriptions())
        .containsExactly("upload charm ./charms/web-v2", "upgrade web using charm ./charms/web-v2");
  }

  @Test
  void numericOptionsCompareByValue() {
    ModelSpec spec =
        bundle(
            b -> b.application("etcd", app -> app.units(0).option("port", 2379).option("x", 1.5)));
    ModelState model =
        ModelState.builder()
            .application("etcd", app -> app.option("port", 2379.0).option("x", 1.5))
            .build();

    assertThat(Planner.plan(spec, model).isEmpty()).isTrue();
  }

  @Test
  void consumedOfferIsConsumedOnceAndRelatedByName() {
    ModelSpec spec =
        bundle(
            b ->
                b.application("web", app -> app.units(0))
                    .saas(new dev.bosun.model.spec.SaasSpec("db", "prod:admin/info.db"))
                    .relate("web:db", "db:db"));

    Plan first = Planner.plan(spec, ModelState.EMPTY);
    ModelState after = ModelState.EMPTY.apply(first);

    assertThat(first.descriptions())
        .containsExactly(
            "upload charm web",
            "deploy application web",
            "consume offer db at prod:admin/info.db",
            "add relation web:db - db:db");
    assertThat(((AddRelationChange) first.changes().get(3)).endpoint2())
        .isEqualTo("$consumeOffer-2:db");
    assertThat(after.offers()).containsEntry("db", "prod:admin/info.db");
    assertThat(Planner.plan(spec, after).isEmpty()).isTrue();
  }

  @Test
  void relationToAnUndefinedApplicationIsReported() {
    ModelSpec spec =
        bundle(b -> b.application("web", app -> app.units(0)).relate("web:db", "ghost:db"));

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Planner.plan(spec, ModelState.EMPTY))
        .isInstanceOf(PlanException.class)
        .hasMessage(
            "relation \"web:db ghost:db\" refers to application \"ghost\" not defined in this"
                + " bundle");
  }

  @Test
  void applicationsAreHandledInNaturalOrder() {
    ModelSpec spec =
        bundle(
            b ->
                b.application("app10", app -> app.charm("c").units(0))
                    .application("app9", app -> app.charm("c").units(0))
                    .application("app1", app -> app.charm("c").units(0)));

    assertThat(Planner.plan(spec, ModelState.EMPTY).descriptions())
        .containsExactly(
            "upload charm c",
            "deploy application app1",
            "deploy application app9",
            "deploy application app10");
  }
}
