package dev.bosun.model.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bosun.model.spec.ExposedEndpoint;
import dev.bosun.model.spec.ModelSpec;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Cases ported from Juju's {@code core/bundle/changes/changes_test.go}: the same bundle and model
 * give the same change descriptions in the same order. Charms are written as {@code ch:} URLs, so
 * the descriptions carry Juju's charm-hub wording exactly as Juju's tests expect it.
 */
class JujuChangeDescriptionsTest {

  private static ModelSpec bundle(Consumer<ModelSpec.Builder> content) {
    ModelSpec.Builder builder = ModelSpec.builder();
    content.accept(builder);
    return builder.buildUnvalidated();
  }

  private static List<String> describe(ModelSpec bundle, ModelState model) {
    return Planner.plan(bundle, model).descriptions();
  }

  private static List<String> describe(ModelSpec bundle, ModelState model, PlanOptions options) {
    return Planner.plan(bundle, model, options).descriptions();
  }

  @Test
  void simpleBundleOnEmptyModel() {
    ModelSpec spec =
        bundle(
            b ->
                b.application(
                    "django",
                    app ->
                        app.charm("ch:django")
                            .expose(true)
                            .units(1)
                            .option("key-1", "value-1")
                            .option("key-2", "value-2")
                            .annotation("gui-x", "10")
                            .annotation("gui-y", "50")));

    assertThat(describe(spec, ModelState.EMPTY))
        .containsExactly(
            "upload charm django from charm-hub",
            "deploy application django from charm-hub",
            "expose all endpoints of django and allow access from CIDRs 0.0.0.0/0 and ::/0",
            "set annotations for django",
            "add unit django/0 to new machine 0");
  }

  @Test
  void kubernetesBundleDeploysWithScaleAndAddsNoUnits() {
    ModelSpec spec =
        bundle(
            b ->
                b.type("kubernetes")
                    .application(
                        "django",
                        app ->
                            app.charm("ch:django")
                                .expose(true)
                                .units(1)
                                .option("key-1", "value-1")
                                .annotation("gui-x", "10"))
                    .application("mariadb", app -> app.charm("ch:mariadb").units(2)));

    assertThat(describe(spec, ModelState.EMPTY))
        .containsExactly(
            "upload charm django from charm-hub",
            "deploy application django from charm-hub with 1 unit",
            "expose all endpoints of django and allow access from CIDRs 0.0.0.0/0 and ::/0",
            "set annotations for django",
            "upload charm mariadb from charm-hub",
            "deploy application mariadb from charm-hub with 2 units");
  }

  @Test
  void charmInUseByAnotherApplicationIsNotUploadedAgain() {
    ModelSpec spec =
        bundle(
            b ->
                b.application(
                    "django",
                    app ->
                        app.charm("ch:django")
                            .revision(4)
                            .channel("stable")
                            .units(1)
                            .expose(true)));
    ModelState model =
        ModelState.builder()
            .application("other-app", app -> app.charm("ch:django").revision(4).channel("stable"))
            .build();

    assertThat(describe(spec, model))
        .containsExactly(
            "deploy application django from charm-hub with stable",
            "expose all endpoints of django and allow access from CIDRs 0.0.0.0/0 and ::/0",
            "add unit django/0 to new machine 0");
  }

  @Test
  void exposeRulesAreGroupedByEndpointsAndKubernetesAppsScale() {
    ModelSpec spec =
        bundle(
            b ->
                b.type("kubernetes")
                    .application(
                        "django",
                        app ->
                            app.charm("ch:django")
                                .revision(4)
                                .channel("stable")
                                .units(2)
                                .exposedEndpoint(
                                    "", new ExposedEndpoint(List.of(), List.of("0.0.0.0/0")))
                                .exposedEndpoint(
                                    "www",
                                    new ExposedEndpoint(
                                        List.of(), List.of("13.37.0.0/16", "192.168.0.0/16")))
                                .exposedEndpoint(
                                    "admin",
                                    new ExposedEndpoint(
                                        List.of(), List.of("13.37.0.0/16", "192.168.0.0/16")))
                                .exposedEndpoint(
                                    "dmz",
                                    new ExposedEndpoint(
                                        List.of("public"), List.of("13.37.0.0/16")))));
    ModelState model =
        ModelState.builder()
            .application(
                "django",
                app ->
                    app.charm("ch:django")
                        .revision(4)
                        .channel("stable")
                        .exposed(true)
                        .unit("django/0", null)
                        .unit("django/1", null)
                        .unit("django/2", null))
            .build();

    assertThat(describe(spec, model))
        .containsExactly(
            "expose all endpoints of django and allow access from CIDR 0.0.0.0/0",
            "override expose settings for endpoints admin,www of django and allow access from"
                + " CIDRs 13.37.0.0/16,192.168.0.0/16",
            "override expose settings for endpoint dmz of django and allow access from space"
                + " public and CIDR 13.37.0.0/16",
            "scale django to 2 units");
  }

  @Test
  void upgradeAcrossChannelsIsRefusedUnlessForced() {
    ModelSpec spec =
        bundle(
            b ->
                b.application(
                    "django",
                    app -> app.charm("ch:django").revision(6).channel("stable").units(1)));
    ModelState model =
        ModelState.builder()
            .application(
                "django",
                app -> app.charm("ch:django").revision(4).channel("edge").unit("django/0", "0"))
            .build();

    assertThatThrownBy(() -> Planner.plan(spec, model))
        .isInstanceOf(CharmUpgradeException.class)
        .hasMessage(
            "application \"django\": upgrades not supported across channels (existing: \"edge\","
                + " requested: \"stable\"); use --force to override");
    assertThat(describe(spec, model, PlanOptions.DEFAULT.withForce(true)))
        .containsExactly(
            "upload charm django from charm-hub with revision 6",
            "upgrade django from charm-hub using charm django from channel stable");
  }

  @Test
  void newerRevisionOnTheSameChannelUpgrades() {
    ModelSpec spec =
        bundle(
            b ->
                b.application(
                    "django",
                    app -> app.charm("ch:django").revision(42).channel("stable").units(1)));
    ModelState model =
        ModelState.builder()
            .application(
                "django",
                app -> app.charm("ch:django").revision(1).channel("stable").unit("django/0", "0"))
            .build();

    assertThat(describe(spec, model))
        .containsExactly(
            "upload charm django from charm-hub with revision 42",
            "upgrade django from charm-hub using charm django from channel stable");
  }

  @Test
  void olderRevisionIsADowngradeJujuRefuses() {
    ModelSpec spec =
        bundle(
            b ->
                b.application(
                    "django", app -> app.charm("ch:django").revision(3).channel("stable")));
    ModelState model =
        ModelState.builder()
            .application(
                "django",
                app -> app.charm("ch:django").revision(7).channel("stable").unit("django/0", "0"))
            .build();

    assertThatThrownBy(() -> Planner.plan(spec, model))
        .isInstanceOfSatisfying(
            CharmUpgradeException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(CharmUpgradeException.Reason.DOWNGRADE);
              assertThat(e.existingRevision()).isEqualTo(7);
              assertThat(e.requestedRevision()).isEqualTo(3);
            })
        .hasMessage(
            "application \"django\": downgrades are not currently supported: deployed revision 7"
                + " is newer than requested revision 3");
  }

  @Test
  void channelOfDeployedApplicationUnknownIsRefused() {
    ModelSpec spec =
        bundle(
            b ->
                b.application("django", app -> app.charm("ch:django").revision(5).channel("edge")));
    ModelState model =
        ModelState.builder()
            .application("django", app -> app.charm("ch:django").revision(4).unit("django/0", "0"))
            .build();

    assertThatThrownBy(() -> Planner.plan(spec, model))
        .isInstanceOf(CharmUpgradeException.class)
        .hasMessage(
            "upgrades not supported when the channel for \"django\" is unknown; use --force to"
                + " override");
  }

  @Test
  void existingApplicationWithFewerUnitsGetsTheMissingOnes() {
    ModelSpec spec =
        bundle(
            b ->
                b.application(
                    "django",
                    app -> app.charm("ch:django").revision(4).channel("stable").units(2)));
    ModelState model =
        ModelState.builder()
            .application(
                "django",
                app -> app.charm("ch:django").revision(4).channel("stable").unit("django/0", "0"))
            .machine("0")
            .build();

    assertThat(describe(spec, model)).containsExactly("add unit django/1 to new machine 1");
  }

  @Test
  void machineAndUnitNumbersContinueFromTheSequences() {
    ModelSpec spec =
        bundle(
            b ->
                b.application(
                    "django",
                    app -> app.charm("ch:django").revision(4).channel("stable").units(2)));
    ModelState model =
        ModelState.builder()
            .application(
                "django",
                app -> app.charm("ch:django").revision(4).channel("stable").unit("django/0", "0"))
            .machine("0")
            .sequence("application-django", 2)
            .sequence("machine", 3)
            .build();

    assertThat(describe(spec, model)).containsExactly("add unit django/2 to new machine 3");
  }

  @Test
  void enoughUnitsMeansNoChanges() {
    ModelSpec spec =
        bundle(
            b ->
                b.application(
                    "django",
                    app -> app.charm("ch:django").revision(4).channel("stable").units(2)));
    ModelState model =
        ModelState.builder()
            .application(
                "django",
                app ->
                    app.charm("ch:django")
                        .revision(4)
                        .channel("stable")
                        .unit("django/0", "0")
                        .unit("django/1", "1")
                        .unit("django/2", "2"))
            .build();

    assertThat(Planner.plan(spec, model).isEmpty()).isTrue();
  }

  @Test
  void differentConstraintsAreSet() {
    ModelSpec spec =
        bundle(
            b ->
                b.application(
                    "django",
                    app ->
                        app.charm("ch:django")
                            .revision(4)
                            .channel("stable")
                            .constraints("cpu-cores=4 cpu-power=42 image-id=ubuntu-bf2")));
    ModelState model =
        ModelState.builder()
            .application(
                "django",
                app -> app.charm("ch:django").revision(4).channel("stable").unit("django/0", "0"))
            .machine("0")
            .build();

    // Juju prints the constraints as the bundle writes them; Bosun prints their canonical form.
    assertThat(describe(spec, model))
        .containsExactly(
            "set constraints for django to \"cores=4 cpu-power=42 image-id=ubuntu-bf2\"");
  }

  @Test
  void architectureConstraintsUploadACharmPerArchitecture() {
    ModelSpec spec =
        bundle(
            b ->
                b.application(
                        "django-one",
                        app ->
                            app.charm("ch:django")
                                .units(0)
                                .constraints("arch=amd64 cpu-cores=4 cpu-power=42"))
                    .application(
                        "django-two",
                        app ->
                            app.charm("ch:django")
                                .units(0)
                                .constraints("arch=s390x cpu-cores=4 cpu-power=42")));

    assertThat(describe(spec, ModelState.EMPTY))
        .containsExactly(
            "upload charm django from charm-hub with architecture=amd64",
            "deploy application django-one from charm-hub using django",
            "upload charm django from charm-hub with architecture=s390x",
            "deploy application django-two from charm-hub using django");
  }

  @Test
  void basesAndArchitecturesDistinguishCharms() {
    ModelSpec spec =
        bundle(
            b ->
                b.application(
                        "django-one",
                        app ->
                            app.charm("ch:django")
                                .units(0)
                                .base("ubuntu@18.04")
                                .constraints("arch=amd64 cpu-cores=4"))
                    .application(
                        "django-two",
                        app ->
                            app.charm("ch:django")
                                .units(0)
                                .base("ubuntu@18.04")
                                .constraints("arch=s390x cpu-cores=4"))
                    .application(
                        "django-three",
                        app ->
                            app.charm("ch:django")
                                .units(0)
                                .base("ubuntu@20.04/candidate")
                                .constraints("arch=s390x cpu-cores=4")));

    assertThat(describe(spec, ModelState.EMPTY))
        .containsExactly(
            "upload charm django from charm-hub for base ubuntu@18.04/stable with"
                + " architecture=amd64",
            "deploy application django-one from charm-hub on ubuntu@18.04/stable using django",
            "upload charm django from charm-hub for base ubuntu@20.04/candidate with"
                + " architecture=s390x",
            "deploy application django-three from charm-hub on ubuntu@20.04/candidate using"
                + " django",
            "upload charm django from charm-hub for base ubuntu@18.04/stable with"
                + " architecture=s390x",
            "deploy application django-two from charm-hub on ubuntu@18.04/stable using django");
  }

  @Test
  void onlyChangedOptionsAndAnnotationsAreSet() {
    ModelSpec spec =
        bundle(
            b ->
                b.application(
                    "django",
                    app ->
                        app.charm("ch:django")
                            .revision(4)
                            .channel("stable")
                            .units(1)
                            .option("key-1", "value-1")
                            .option("key-2", "value-2")
                            .annotation("gui-x", "10")
                            .annotation("gui-y", "50")));
    ModelState model =
        ModelState.builder()
            .application(
                "django",
                app ->
                    app.charm("ch:django")
                        .revision(4)
                        .channel("stable")
                        .option("key-1", "value-1")
                        .option("key-2", "value-4")
                        .option("key-3", "value-5")
                        .annotation("gui-x", "10")
                        .annotation("gui-y", "40")
                        .unit("django/0", "0"))
            .build();

    Plan plan = Planner.plan(spec, model);

    assertThat(plan.descriptions())
        .containsExactly("set application options for django", "set annotations for django");
    assertThat(((SetOptionsChange) plan.changes().get(0)).options())
        .containsExactly(java.util.Map.entry("key-2", "value-2"));
    assertThat(((SetAnnotationsChange) plan.changes().get(1)).annotations())
        .containsExactly(java.util.Map.entry("gui-y", "50"));
  }

  @Test
  void bundleMachineWithAnnotations() {
    ModelSpec spec =
        bundle(
            b ->
                b.application("django", app -> app.charm("ch:django").units(1).to("1"))
                    .machine(
                        new dev.bosun.model.spec.MachineSpec(
                            "1",
                            dev.bosun.model.spec.Constraints.NONE,
                            java.util.Map.of("foo", "10", "bar", "50"),
                            null,
                            null)));

    assertThat(describe(spec, ModelState.EMPTY))
        .containsExactly(
            "upload charm django from charm-hub",
            "deploy application django from charm-hub",
            "add new machine 0 (bundle machine 1)",
            "set annotations for new machine 0",
            "add unit django/0 to new machine 0");
  }

  @Test
  void lastPlacementIsNotReusedWhenItNamesAMachine() {
    ModelSpec spec =
        bundle(
            b ->
                b.application("django", app -> app.charm("ch:django").units(2).to("1"))
                    .machine("1"));

    assertThat(describe(spec, ModelState.EMPTY))
        .containsExactly(
            "upload charm django from charm-hub",
            "deploy application django from charm-hub",
            "add new machine 0 (bundle machine 1)",
            "add unit django/0 to new machine 0",
            "add unit django/1 to new machine 1");
  }

  @Test
  void lastPlacementIsNotReusedWhenItNamesAUnit() {
    ModelSpec spec =
        bundle(
            b ->
                b.application("django", app -> app.charm("ch:django").units(1))
                    .application("nginx", app -> app.charm("ch:nginx").units(2).to("django/0")));

    assertThat(describe(spec, ModelState.EMPTY))
        .containsExactly(
            "upload charm django from charm-hub",
            "deploy application django from charm-hub",
            "upload charm nginx from charm-hub",
            "deploy application nginx from charm-hub",
            "add unit django/0 to new machine 0",
            "add unit nginx/0 to new machine 0 to satisfy [django/0]",
            "add unit nginx/1 to new machine 1");
  }

  @Test
  void unitPlacedNextToNewUnitOnMappedExistingMachine() {
    ModelSpec spec =
        bundle(
            b ->
                b.application("django", app -> app.charm("ch:django").units(1).to("1"))
                    .application("nginx", app -> app.charm("ch:nginx").units(1).to("django/0"))
                    .machine("1"));
    ModelState model = ModelState.builder().machine("0").build();

    assertThat(describe(spec, model, PlanOptions.DEFAULT.withMachineMapping("1", "0")))
        .containsExactly(
            "upload charm django from charm-hub",
            "deploy application django from charm-hub",
            "upload charm nginx from charm-hub",
            "deploy application nginx from charm-hub",
            "add unit django/0 to existing machine 0",
            "add unit nginx/0 to existing machine 0 to satisfy [django/0]");
  }

  @Test
  void applicationPlacementWithNotEnoughUnitsFallsBackToNewMachines() {
    ModelSpec spec =
        bundle(
            b ->
                b.application("django", app -> app.charm("ch:django").units(3))
                    .application("nginx", app -> app.charm("ch:nginx").units(5).to("django")));

    assertThat(describe(spec, ModelState.EMPTY))
        .containsExactly(
            "upload charm django from charm-hub",
            "deploy application django from charm-hub",
            "upload charm nginx from charm-hub",
            "deploy application nginx from charm-hub",
            "add unit django/0 to new machine 0",
            "add unit django/1 to new machine 1",
            "add unit django/2 to new machine 2",
            "add unit nginx/0 to new machine 0 to satisfy [django]",
            "add unit nginx/1 to new machine 1 to satisfy [django]",
            "add unit nginx/2 to new machine 2 to satisfy [django]",
            "add unit nginx/3 to new machine 3",
            "add unit nginx/4 to new machine 4");
  }

  @Test
  void applicationPlacementUsesExistingUnitsFirst() {
    ModelSpec spec =
        bundle(
            b ->
                b.application(
                        "django",
                        app -> app.charm("ch:django").revision(4).channel("stable").units(5))
                    .application("nginx", app -> app.charm("ch:nginx").units(5).to("django")));
    ModelState model =
        ModelState.builder()
            .application(
                "django",
                app ->
                    app.charm("ch:django")
                        .revision(4)
                        .channel("stable")
                        .unit("django/0", "0")
                        .unit("django/1", "1")
                        .unit("django/3", "3"))
            .machine("0")
            .machine("1")
            .machine("3")
            .build();

    assertThat(describe(spec, model))
        .containsExactly(
            "upload charm nginx from charm-hub",
            "deploy application nginx from charm-hub",
            "add unit django/4 to new machine 4",
            "add unit django/5 to new machine 5",
            "add unit nginx/0 to existing machine 0 to satisfy [django]",
            "add unit nginx/1 to existing machine 1 to satisfy [django]",
            "add unit nginx/2 to existing machine 3 to satisfy [django]",
            "add unit nginx/3 to new machine 4 to satisfy [django]",
            "add unit nginx/4 to new machine 5 to satisfy [django]");
  }

  @Test
  void applicationPlacementSkipsMachinesAlreadyColocated() {
    ModelSpec spec =
        bundle(
            b ->
                b.application(
                        "django",
                        app -> app.charm("ch:django").revision(4).channel("stable").units(5))
                    .application(
                        "nginx",
                        app ->
                            app.charm("ch:nginx")
                                .revision(76)
                                .channel("stable")
                                .units(5)
                                .to("django")));
    ModelState model =
        ModelState.builder()
            .application(
                "django",
                app ->
                    app.charm("ch:django")
                        .revision(4)
                        .channel("stable")
                        .unit("django/0", "0")
                        .unit("django/1", "1")
                        .unit("django/3", "3"))
            .application(
                "nginx",
                app ->
                    app.charm("ch:nginx")
                        .revision(76)
                        .channel("stable")
                        .unit("nginx/0", "0")
                        .unit("nginx/1", "1")
                        .unit("nginx/2", "4"))
            .machine("0")
            .machine("1")
            .machine("3")
            .machine("4")
            .build();

    assertThat(describe(spec, model))
        .containsExactly(
            "add unit django/4 to new machine 5",
            "add unit django/5 to new machine 6",
            "add unit nginx/3 to existing machine 3 to satisfy [django]",
            "add unit nginx/4 to new machine 5 to satisfy [django]");
  }

  @Test
  void containersOnNewAndBundleMachinesWithApplicationPlacement() {
    ModelSpec spec =
        bundle(
            b ->
                b.application(
                        "mysql",
                        app -> app.charm("ch:mysql").units(3).to("new", "lxd:0", "lxd:new"))
                    .application(
                        "keystone", app -> app.charm("ch:keystone").units(3).to("lxd:mysql"))
                    .machine("0"));

    assertThat(describe(spec, ModelState.EMPTY))
        .containsExactly(
            "upload charm keystone from charm-hub",
            "deploy application keystone from charm-hub",
            "upload charm mysql from charm-hub",
            "deploy application mysql from charm-hub",
            "add new machine 0",
            "add new machine 1",
            "add lxd container 0/lxd/0 on new machine 0",
            "add lxd container 2/lxd/0 on new machine 2",
            "add unit mysql/0 to new machine 1",
            "add unit mysql/1 to 0/lxd/0",
            "add unit mysql/2 to 2/lxd/0",
            "add lxd container 1/lxd/0 on new machine 1",
            "add lxd container 0/lxd/1 on new machine 0",
            "add lxd container 2/lxd/1 on new machine 2",
            "add unit keystone/0 to 1/lxd/0 to satisfy [lxd:mysql]",
            "add unit keystone/1 to 0/lxd/1 to satisfy [lxd:mysql]",
            "add unit keystone/2 to 2/lxd/1 to satisfy [lxd:mysql]");
  }

  @Test
  void existingUnitsSatisfyPlacementsAndBundleMachineMapsToTheirMachine() {
    ModelSpec spec =
        bundle(
            b ->
                b.application(
                        "mysql",
                        app ->
                            app.charm("ch:mysql")
                                .revision(4)
                                .channel("stable")
                                .units(3)
                                .to("new", "lxd:0", "lxd:new"))
                    .application(
                        "keystone", app -> app.charm("ch:keystone").units(3).to("lxd:mysql"))
                    .machine("0"));
    ModelState model =
        ModelState.builder()
            .application(
                "mysql",
                app ->
                    app.charm("ch:mysql").revision(4).channel("stable").unit("mysql/0", "0/lxd/0"))
            .machine("0")
            .machine("0/lxd/0")
            .build();

    assertThat(describe(spec, model))
        .containsExactly(
            "upload charm keystone from charm-hub",
            "deploy application keystone from charm-hub",
            "add unit keystone/0 to 0/lxd/1 to satisfy [lxd:mysql]",
            "add new machine 1",
            "add lxd container 2/lxd/0 on new machine 2",
            "add unit mysql/1 to new machine 1",
            "add unit mysql/2 to 2/lxd/0",
            "add lxd container 1/lxd/0 on new machine 1",
            "add lxd container 2/lxd/1 on new machine 2",
            "add unit keystone/1 to 1/lxd/0 to satisfy [lxd:mysql]",
            "add unit keystone/2 to 2/lxd/1 to satisfy [lxd:mysql]");
  }

  @Test
  void containerNumbersContinueFromTheContainerSequence() {
    ModelSpec spec =
        bundle(
            b ->
                b.application(
                        "mysql",
                        app -> app.charm("ch:mysql").revision(4).channel("stable").units(1))
                    .application(
                        "keystone", app -> app.charm("ch:keystone").units(1).to("lxd:mysql")));
    ModelState model =
        ModelState.builder()
            .application(
                "mysql",
                app ->
                    app.charm("ch:mysql").revision(4).channel("stable").unit("mysql/0", "0/lxd/0"))
            .machine("0")
            .machine("0/lxd/0")
            .sequence("machine-0/lxd", 2)
            .build();

    assertThat(describe(spec, model))
        .containsExactly(
            "upload charm keystone from charm-hub",
            "deploy application keystone from charm-hub",
            "add unit keystone/0 to 0/lxd/2 to satisfy [lxd:mysql]");
  }

  @Test
  void explicitMachineMapPlacesOnTheMappedMachine() {
    ModelSpec spec =
        bundle(
            b ->
                b.application(
                        "mysql",
                        app ->
                            app.charm("ch:mysql")
                                .revision(32)
                                .channel("stable")
                                .units(3)
                                .to("new", "lxd:0", "lxd:new"))
                    .application(
                        "keystone", app -> app.charm("ch:keystone").units(3).to("lxd:mysql"))
                    .machine("0"));
    ModelState model =
        ModelState.builder()
            .application(
                "mysql",
                app ->
                    app.charm("ch:mysql").revision(32).channel("stable").unit("mysql/0", "0/lxd/0"))
            .machine("0")
            .machine("0/lxd/0")
            .machine("2")
            .machine("2/lxd/0")
            .build();

    assertThat(describe(spec, model, PlanOptions.DEFAULT.withMachineMapping("0", "2")))
        .containsExactly(
            "upload charm keystone from charm-hub",
            "deploy application keystone from charm-hub",
            "add unit keystone/0 to 0/lxd/1 to satisfy [lxd:mysql]",
            "add new machine 3",
            "add unit mysql/1 to new machine 3",
            "add unit mysql/2 to 2/lxd/1",
            "add lxd container 3/lxd/0 on new machine 3",
            "add lxd container 2/lxd/2 on existing machine 2",
            "add unit keystone/1 to 3/lxd/0 to satisfy [lxd:mysql]",
            "add unit keystone/2 to 2/lxd/2 to satisfy [lxd:mysql]");
  }

  @Test
  void annotationsOfAnExistingMappedMachine() {
    ModelSpec spec =
        bundle(
            b ->
                b.application(
                        "mysql",
                        app ->
                            app.charm("ch:mysql").revision(42).channel("stable").units(1).to("0"))
                    .machine(
                        new dev.bosun.model.spec.MachineSpec(
                            "0",
                            dev.bosun.model.spec.Constraints.NONE,
                            java.util.Map.of("key", "value"),
                            null,
                            null)));
    ModelState model =
        ModelState.builder()
            .application(
                "mysql",
                app ->
                    app.charm("ch:mysql").revision(42).channel("stable").unit("mysql/0", "0/lxd/0"))
            .machine("0")
            .machine("0/lxd/0")
            .machine("2")
            .build();

    assertThat(describe(spec, model, PlanOptions.DEFAULT.withMachineMapping("0", "2")))
        .containsExactly("set annotations for existing machine 2");
  }

  @Test
  void siblingContainers() {
    ModelSpec spec =
        bundle(
            b ->
                b.application("mysql", app -> app.charm("ch:mysql").units(3).to("lxd:new"))
                    .application(
                        "keystone", app -> app.charm("ch:keystone").units(3).to("lxd:mysql")));

    assertThat(describe(spec, ModelState.EMPTY))
        .containsExactly(
            "upload charm keystone from charm-hub",
            "deploy application keystone from charm-hub",
            "upload charm mysql from charm-hub",
            "deploy application mysql from charm-hub",
            "add lxd container 0/lxd/0 on new machine 0",
            "add lxd container 1/lxd/0 on new machine 1",
            "add lxd container 2/lxd/0 on new machine 2",
            "add unit mysql/0 to 0/lxd/0",
            "add unit mysql/1 to 1/lxd/0",
            "add unit mysql/2 to 2/lxd/0",
            "add lxd container 0/lxd/1 on new machine 0",
            "add lxd container 1/lxd/1 on new machine 1",
            "add lxd container 2/lxd/1 on new machine 2",
            "add unit keystone/0 to 0/lxd/1 to satisfy [lxd:mysql]",
            "add unit keystone/1 to 1/lxd/1 to satisfy [lxd:mysql]",
            "add unit keystone/2 to 2/lxd/1 to satisfy [lxd:mysql]");
  }

  @Test
  void siblingContainersSomeDeployed() {
    ModelSpec spec =
        bundle(
            b ->
                b.application(
                        "mysql",
                        app ->
                            app.charm("ch:mysql")
                                .revision(32)
                                .channel("stable")
                                .units(3)
                                .to("lxd:new"))
                    .application(
                        "keystone",
                        app ->
                            app.charm("ch:keystone")
                                .revision(47)
                                .channel("stable")
                                .units(4)
                                .to("lxd:mysql")));
    ModelState model =
        ModelState.builder()
            .application(
                "mysql",
                app ->
                    app.charm("ch:mysql")
                        .revision(32)
                        .channel("stable")
                        .unit("mysql/0", "0/lxd/0")
                        .unit("mysql/1", "1/lxd/0")
                        .unit("mysql/2", "2/lxd/0"))
            .application(
                "keystone",
                app ->
                    app.charm("ch:keystone")
                        .revision(47)
                        .channel("stable")
                        .unit("keystone/0", "0/lxd/1")
                        .unit("keystone/2", "2/lxd/1"))
            .machine("0")
            .machine("0/lxd/0")
            .machine("0/lxd/1")
            .machine("1")
            .machine("1/lxd/0")
            .machine("2")
            .machine("2/lxd/0")
            .machine("2/lxd/1")
            .sequence("application-keystone", 3)
            .build();

    assertThat(describe(spec, model))
        .containsExactly(
            "add unit keystone/3 to 1/lxd/1 to satisfy [lxd:mysql]",
            "add unit keystone/4 to new machine 3");
  }

  @Test
  void colocationIntoContainersByUnitAndByApplication() {
    ModelSpec byUnit =
        bundle(
            b ->
                b.application("mysql", app -> app.charm("ch:mysql").units(3).to("lxd:new"))
                    .application(
                        "keystone",
                        app ->
                            app.charm("ch:keystone").units(3).to("mysql/0", "mysql/1", "mysql/2")));
    ModelSpec byApplication =
        bundle(
            b ->
                b.application("mysql", app -> app.charm("ch:mysql").units(3).to("lxd:new"))
                    .application("keystone", app -> app.charm("ch:keystone").units(3).to("mysql")));
    List<String> common =
        List.of(
            "upload charm keystone from charm-hub",
            "deploy application keystone from charm-hub",
            "upload charm mysql from charm-hub",
            "deploy application mysql from charm-hub",
            "add lxd container 0/lxd/0 on new machine 0",
            "add lxd container 1/lxd/0 on new machine 1",
            "add lxd container 2/lxd/0 on new machine 2",
            "add unit mysql/0 to 0/lxd/0",
            "add unit mysql/1 to 1/lxd/0",
            "add unit mysql/2 to 2/lxd/0");

    assertThat(describe(byUnit, ModelState.EMPTY))
        .startsWith(common.toArray(String[]::new))
        .endsWith(
            "add unit keystone/0 to 0/lxd/0 to satisfy [mysql/0]",
            "add unit keystone/1 to 1/lxd/0 to satisfy [mysql/1]",
            "add unit keystone/2 to 2/lxd/0 to satisfy [mysql/2]")
        .hasSize(13);
    assertThat(describe(byApplication, ModelState.EMPTY))
        .startsWith(common.toArray(String[]::new))
        .endsWith(
            "add unit keystone/0 to 0/lxd/0 to satisfy [mysql]",
            "add unit keystone/1 to 1/lxd/0 to satisfy [mysql]",
            "add unit keystone/2 to 2/lxd/0 to satisfy [mysql]")
        .hasSize(13);
  }

  @Test
  void containersNextToUnitsOnNewMachines() {
    ModelSpec spec =
        bundle(
            b ->
                b.application("mysql", app -> app.charm("ch:mysql").units(3))
                    .application(
                        "keystone",
                        app ->
                            app.charm("ch:keystone")
                                .units(3)
                                .to("lxd:mysql/0", "lxd:mysql/1", "lxd:mysql/2")));

    assertThat(describe(spec, ModelState.EMPTY))
        .containsExactly(
            "upload charm keystone from charm-hub",
            "deploy application keystone from charm-hub",
            "upload charm mysql from charm-hub",
            "deploy application mysql from charm-hub",
            "add unit mysql/0 to new machine 0",
            "add unit mysql/1 to new machine 1",
            "add unit mysql/2 to new machine 2",
            "add lxd container 0/lxd/0 on new machine 0",
            "add lxd container 1/lxd/0 on new machine 1",
            "add lxd container 2/lxd/0 on new machine 2",
            "add unit keystone/0 to 0/lxd/0 to satisfy [lxd:mysql/0]",
            "add unit keystone/1 to 1/lxd/0 to satisfy [lxd:mysql/1]",
            "add unit keystone/2 to 2/lxd/0 to satisfy [lxd:mysql/2]");
  }

  @Test
  void mostApplicationOptionsWithDefaultBase() {
    ModelSpec spec =
        bundle(
            b ->
                b.defaultBase("ubuntu@18.04")
                    .application(
                        "mediawiki",
                        app ->
                            app.charm("ch:mediawiki")
                                .base("ubuntu@20.04")
                                .units(1)
                                .expose(true)
                                .option("debug", false)
                                .annotation("gui-x", "609")
                                .annotation("gui-y", "-15"))
                    .application(
                        "mysql", app -> app.charm("ch:mysql").base("ubuntu@20.04").units(1))
                    .relate("mediawiki:db", "mysql:db"));

    assertThat(describe(spec, ModelState.EMPTY))
        .containsExactly(
            "upload charm mediawiki from charm-hub for base ubuntu@20.04/stable",
            "deploy application mediawiki from charm-hub on ubuntu@20.04/stable",
            "expose all endpoints of mediawiki and allow access from CIDRs 0.0.0.0/0 and ::/0",
            "set annotations for mediawiki",
            "upload charm mysql from charm-hub for base ubuntu@20.04/stable",
            "deploy application mysql from charm-hub on ubuntu@20.04/stable",
            "add relation mediawiki:db - mysql:db",
            "add unit mediawiki/0 to new machine 0",
            "add unit mysql/0 to new machine 1");
  }

  @Test
  void unitOrderingAcrossMachinesContainersAndFill() {
    ModelSpec spec =
        bundle(
            b ->
                b.application(
                        "memcached",
                        app -> app.charm("ch:mem").base("ubuntu@16.04").units(3).to("1", "2", "3"))
                    .application(
                        "django",
                        app ->
                            app.charm("ch:django")
                                .revision(42)
                                .channel("stable")
                                .base("ubuntu@16.04")
                                .units(4)
                                .to("1", "lxd:memcached"))
                    .application("ror", app -> app.charm("ch:rails").units(3).to("1", "kvm:3"))
                    .machine("1")
                    .machine("2")
                    .machine("3"));

    assertThat(describe(spec, ModelState.EMPTY))
        .containsExactly(
            "upload charm django from charm-hub for base ubuntu@16.04/stable with revision 42",
            "deploy application django from charm-hub on ubuntu@16.04/stable with stable",
            "upload charm mem from charm-hub for base ubuntu@16.04/stable",
            "deploy application memcached from charm-hub on ubuntu@16.04/stable using mem",
            "upload charm rails from charm-hub",
            "deploy application ror from charm-hub using rails",
            "add new machine 0 (bundle machine 1)",
            "add new machine 1 (bundle machine 2)",
            "add new machine 2 (bundle machine 3)",
            "add unit django/0 to new machine 0",
            "add unit memcached/0 to new machine 0",
            "add unit memcached/1 to new machine 1",
            "add unit memcached/2 to new machine 2",
            "add unit ror/0 to new machine 0",
            "add kvm container 2/kvm/0 on new machine 2",
            "add lxd container 0/lxd/0 on new machine 0",
            "add lxd container 1/lxd/0 on new machine 1",
            "add lxd container 2/lxd/0 on new machine 2",
            "add unit django/1 to 0/lxd/0 to satisfy [lxd:memcached]",
            "add unit django/2 to 1/lxd/0 to satisfy [lxd:memcached]",
            "add unit django/3 to 2/lxd/0 to satisfy [lxd:memcached]",
            "add unit ror/1 to 2/kvm/0",
            "add unit ror/2 to new machine 3");
  }

  @Test
  void bundleMachinesAreAddedInNumericalOrder() {
    ModelSpec spec =
        bundle(
            b -> {
              String[] ids = new String[13];
              for (int i = 0; i < 13; i++) {
                ids[i] = Integer.toString(i);
                b.machine(ids[i]);
              }
              b.application("ubu", app -> app.charm("ch:ubuntu").units(13).to(ids));
            });

    List<String> lines = describe(spec, ModelState.EMPTY);

    assertThat(lines.subList(0, 2))
        .containsExactly(
            "upload charm ubuntu from charm-hub",
            "deploy application ubu from charm-hub using ubuntu");
    for (int i = 0; i < 13; i++) {
      assertThat(lines.get(2 + i)).isEqualTo("add new machine " + i);
      assertThat(lines.get(15 + i)).isEqualTo("add unit ubu/" + i + " to new machine " + i);
    }
    assertThat(lines).hasSize(28);
  }

  @Test
  void unitAddedToExistingApplicationWithItsRelationPresent() {
    ModelSpec spec =
        bundle(
            b ->
                b.defaultBase("ubuntu@22.04")
                    .application(
                        "mediawiki",
                        app ->
                            app.charm("ch:mediawiki")
                                .revision(10)
                                .channel("stable")
                                .base("ubuntu@20.04")
                                .units(2))
                    .application(
                        "mysql",
                        app ->
                            app.charm("ch:mysql")
                                .revision(28)
                                .channel("stable")
                                .base("ubuntu@20.04")
                                .units(1))
                    .relate("mediawiki:db", "mysql:db"));
    ModelState model =
        ModelState.builder()
            .application(
                "mediawiki",
                app ->
                    app.charm("ch:mediawiki")
                        .revision(10)
                        .channel("stable")
                        .base("ubuntu@20.04")
                        .unit("mediawiki/0", "1"))
            .application(
                "mysql",
                app ->
                    app.charm("ch:mysql")
                        .revision(28)
                        .channel("stable")
                        .base("ubuntu@20.04")
                        .unit("mysql/0", "0"))
            .machine("0")
            .machine("1")
            .relate("mysql:db", "mediawiki:db")
            .build();

    assertThat(describe(spec, model)).containsExactly("add unit mediawiki/1 to new machine 2");
  }

  @Test
  void placementCyclesAreReported() {
    ModelSpec twoApplications =
        bundle(
            b ->
                b.application(
                        "mysql",
                        app -> app.charm("ch:mysql").units(3).to("new", "lxd:0", "lxd:keystone/2"))
                    .application(
                        "keystone", app -> app.charm("ch:keystone").units(3).to("lxd:mysql"))
                    .machine("0"));
    ModelSpec sameApplication =
        bundle(
            b ->
                b.application(
                    "problem",
                    app -> app.charm("ch:problem").units(2).to("lxd:new", "lxd:problem/0")));

    assertThatThrownBy(() -> Planner.plan(twoApplications, ModelState.EMPTY))
        .isInstanceOfSatisfying(
            PlacementCycleException.class,
            e -> assertThat(e.applications()).containsExactly("keystone", "mysql"))
        .hasMessage("cycle in placement directives for: keystone, mysql");
    assertThatThrownBy(() -> Planner.plan(sameApplication, ModelState.EMPTY))
        .isInstanceOf(PlacementCycleException.class)
        .hasMessage("cycle in placement directives for: problem");
  }

  @Test
  void missingUnitGoesToTheUnsatisfiedPlacement() {
    ModelSpec spec =
        bundle(
            b ->
                b.application(
                        "foo",
                        app ->
                            app.charm("ch:foo")
                                .revision(5)
                                .channel("stable")
                                .units(3)
                                .to("0", "1", "2"))
                    .machine("0")
                    .machine("1")
                    .machine("2"));
    ModelState model =
        ModelState.builder()
            .application(
                "foo",
                app ->
                    app.charm("ch:foo")
                        .revision(5)
                        .channel("stable")
                        .unit("foo/1", "1")
                        .unit("foo/2", "2"))
            .machine("0")
            .machine("1")
            .machine("2")
            .build();

    assertThat(describe(spec, model))
        .containsExactly("add new machine 3 (bundle machine 0)", "add unit foo/3 to new machine 3");
    PlanOptions existing =
        PlanOptions.DEFAULT
            .withMachineMapping("0", "0")
            .withMachineMapping("1", "1")
            .withMachineMapping("2", "2");
    assertThat(describe(spec, model, existing))
        .containsExactly("add unit foo/3 to existing machine 0");
  }

  @Test
  void inconsistentMachineMapIsReported() {
    ModelSpec spec =
        bundle(
            b ->
                b.application(
                        "memcached",
                        app ->
                            app.charm("ch:mem")
                                .revision(47)
                                .channel("stable")
                                .base("ubuntu@16.04")
                                .units(2)
                                .to("0", "1"))
                    .machine("0")
                    .machine("1"));
    ModelState model =
        ModelState.builder()
            .application(
                "memcached",
                app ->
                    app.charm("ch:mem")
                        .revision(47)
                        .channel("stable")
                        .base("ubuntu@16.04")
                        .unit("memcached/1", "1")
                        .unit("memcached/2", "2")
                        .unit("memcached/3", "3"))
            .machine("1")
            .machine("2")
            .machine("3")
            .build();
    PlanOptions existing =
        PlanOptions.DEFAULT
            .withMachineMapping("1", "1")
            .withMachineMapping("2", "2")
            .withMachineMapping("3", "3");

    assertThatThrownBy(() -> Planner.plan(spec, model, existing))
        .isInstanceOf(MachineMappingException.class)
        .hasMessage(
            "bundle and machine mapping are inconsistent: need an explicit entry mapping bundle"
                + " machine \"0\", perhaps to one of model machines [\"2\", \"3\"] - the target"
                + " should host [memcached]");
    assertThat(Planner.plan(spec, model, existing.withMachineMapping("0", "3")).isEmpty()).isTrue();
  }

  @Test
  void containerOnANewBundleMachineCountsAsUsingIt() {
    ModelSpec spec =
        bundle(
            b ->
                b.application(
                        "memcached",
                        app ->
                            app.charm("ch:mem")
                                .revision(47)
                                .channel("stable")
                                .base("ubuntu@16.04")
                                .units(2)
                                .to("1", "lxd:2"))
                    .machine("1")
                    .machine("2"));
    ModelState model =
        ModelState.builder()
            .application(
                "memcached",
                app ->
                    app.charm("ch:mem")
                        .revision(47)
                        .channel("stable")
                        .base("ubuntu@16.04")
                        .unit("memcached/1", "1"))
            .machine("1")
            .build();

    assertThat(describe(spec, model, PlanOptions.DEFAULT.withMachineMapping("1", "1")))
        .containsExactly(
            "add new machine 2",
            "add lxd container 2/lxd/0 on new machine 2",
            "add unit memcached/2 to 2/lxd/0");
  }
}
