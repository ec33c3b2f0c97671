package dev.bosun.model.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bosun.model.spec.Constraints;
import dev.bosun.model.spec.ExposedEndpoint;
import dev.bosun.model.spec.MachineSpec;
import dev.bosun.model.spec.ModelSpec;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class BundleDiffTest {

  private static ModelSpec bundle(Consumer<ModelSpec.Builder> content) {
    ModelSpec.Builder builder = ModelSpec.builder();
    content.accept(builder);
    return builder.buildUnvalidated();
  }

  private static ModelState deployed(ModelSpec spec) {
    return ModelState.EMPTY.apply(Planner.plan(spec, ModelState.EMPTY));
  }

  @Test
  void modelDeployedFromTheBundleHasNoDifferences() {
    ModelSpec spec = KubernetesBundlesPlanTest.kubernetesCore();

    BundleDiff diff = BundleDiff.compute(spec, deployed(spec), true);

    assertThat(diff.isEmpty()).isTrue();
    assertThat(diff.toYaml()).isEqualTo("{}\n");
  }

  @Test
  void applicationsMissingFromEitherSide() {
    ModelSpec spec = bundle(b -> b.application("mysql", app -> app.units(0)));
    ModelState model =
        ModelState.builder()
            .application("haproxy", app -> {})
            .application("mariadb", app -> {})
            .build();

    BundleDiff diff = BundleDiff.compute(spec, model);

    assertThat(diff.applications())
        .containsExactly(
            Map.entry("haproxy", ApplicationDiff.missingFrom(DiffSide.BUNDLE)),
            Map.entry("mariadb", ApplicationDiff.missingFrom(DiffSide.BUNDLE)),
            Map.entry("mysql", ApplicationDiff.missingFrom(DiffSide.MODEL)));
    assertThat(diff.toYaml())
        .isEqualTo(
            """
            applications:
              haproxy:
                missing: bundle
              mariadb:
                missing: bundle
              mysql:
                missing: model
            """);
  }

  @Test
  void everyApplicationFieldIsRenderedAsBundleAndModel() {
    ModelSpec spec =
        bundle(
            b ->
                b.application(
                    "mediawiki",
                    app ->
                        app.charm("ch:mediawiki")
                            .channel("edge")
                            .revision(5)
                            .series("focal")
                            .units(3)
                            .expose(true)
                            .option("name", "Central library")
                            .option("debug", true)
                            .option("ratio", 0.5)
                            .option("port", 80)
                            .constraints("cores=4")));
    ModelState model =
        ModelState.builder()
            .application(
                "mediawiki",
                app ->
                    app.charm("ch:mediawiki-19")
                        .channel("stable")
                        .revision(19)
                        .series("trusty")
                        .option("debug", false)
                        .option("ratio", 0.5)
                        .option("port", "80")
                        .option("skin", "")
                        .constraints("cores=3")
                        .unit("mediawiki/0", "0"))
            .machine("0")
            .build();

    BundleDiff diff = BundleDiff.compute(spec, model);

    assertThat(diff.applications().get("mediawiki").numUnits()).isEqualTo(new ValueDiff<>(3, 1));
    assertThat(diff.toYaml())
        .isEqualTo(
            """
            applications:
              mediawiki:
                charm:
                  bundle: ch:mediawiki
                  model: ch:mediawiki-19
                series:
                  bundle: focal
                  model: trusty
                channel:
                  bundle: edge
                  model: stable
                revision:
                  bundle: 5
                  model: 19
                num_units:
                  bundle: 3
                  model: 1
                expose:
                  bundle: true
                  model: false
                exposed_endpoints:
                  "":
                    bundle:
                      expose_to_cidrs:
                      - 0.0.0.0/0
                      - ::/0
                    model: null
                options:
                  debug:
                    bundle: true
                    model: false
                  name:
                    bundle: Central library
                    model: null
                  port:
                    bundle: 80
                    model: "80"
                  skin:
                    bundle: null
                    model: ""
                constraints:
                  bundle: cores=4
                  model: cores=3
            machines:
              "0":
                missing: bundle
            """);
  }

  @Test
  void perEndpointExposeRulesDiffer() {
    ModelSpec spec =
        bundle(
            b ->
                b.application(
                    "web",
                    app ->
                        app.units(0)
                            .exposedEndpoint(
                                "www", new ExposedEndpoint(List.of("public"), List.of()))));
    ModelState model =
        ModelState.builder()
            .application(
                "web",
                app ->
                    app.exposed(true)
                        .exposedEndpoint(
                            "www", new ExposedEndpoint(List.of(), List.of("10.0.0.0/8"))))
            .build();

    assertThat(BundleDiff.compute(spec, model).toYaml())
        .isEqualTo(
            """
            applications:
              web:
                exposed_endpoints:
                  www:
                    bundle:
                      expose_to_spaces:
                      - public
                    model:
                      expose_to_cidrs:
                      - 10.0.0.0/8
            """);
  }

  @Test
  void annotationsAreComparedOnlyWhenAsked() {
    ModelSpec spec =
        bundle(b -> b.application("etcd", app -> app.units(0).annotation("gui-x", "10")));
    ModelState model =
        ModelState.builder().application("etcd", app -> app.annotation("gui-y", "-15")).build();

    assertThat(BundleDiff.compute(spec, model).isEmpty()).isTrue();
    assertThat(BundleDiff.compute(spec, model, true).toYaml())
        .isEqualTo(
            """
            applications:
              etcd:
                annotations:
                  gui-x:
                    bundle: "10"
                    model: ""
                  gui-y:
                    bundle: ""
                    model: "-15"
            """);
  }

  @Test
  void subordinateUnitsAreNotCountedAndKubernetesCountsScale() {
    ModelSpec machines = bundle(b -> b.application("flannel", app -> app.units(0)));
    ModelState subordinate =
        ModelState.builder()
            .application(
                "flannel",
                app -> app.subordinate(true).unit("flannel/0", "0").unit("flannel/1", "1"))
            .build();
    ModelSpec kubernetes =
        bundle(b -> b.type("kubernetes").application("mariadb", app -> app.units(2)));
    ModelState scaled =
        ModelState.builder().application("mariadb", app -> app.unit("mariadb/0", null)).build();

    assertThat(BundleDiff.compute(machines, subordinate).applications()).isEmpty();
    assertThat(BundleDiff.compute(kubernetes, scaled).toYaml())
        .isEqualTo(
            """
            applications:
              mariadb:
                scale:
                  bundle: 2
                  model: 1
            """);
  }

  @Test
  void machinesMissingFromEitherSideOrWithAnotherSeries() {
    ModelSpec spec =
        bundle(
            b ->
                b.series("jammy")
                    .application("etcd", app -> app.units(1).to("0"))
                    .machine(
                        new MachineSpec("0", Constraints.NONE, Map.of("rack", "a"), "focal", null))
                    .machine("1"));
    ModelState model =
        ModelState.builder()
            .application("etcd", app -> app.series("jammy").unit("etcd/0", "0"))
            .machine(MachineState.builder("0").series("jammy").annotation("rack", "b").build())
            .machine("7")
            .machine("7/lxd/0")
            .machine("10")
            .bundleMachine("0", "0")
            .build();

    BundleDiff diff = BundleDiff.compute(spec, model, true);

    assertThat(diff.machines().keySet()).containsExactly("0", "1", "7", "10");
    assertThat(diff.toYaml())
        .isEqualTo(
            """
            machines:
              "0":
                annotations:
                  rack:
                    bundle: a
                    model: b
                series:
                  bundle: focal
                  model: jammy
              "1":
                missing: model
              "7":
                missing: bundle
              "10":
                missing: bundle
            """);
  }

  @Test
  void relationAdditionsOnBothSidesAreSorted() {
    ModelSpec spec =
        bundle(
            b ->
                b.application("mediawiki", app -> app.units(0))
                    .application("mysql", app -> app.units(0))
                    .application("etcd", app -> app.units(0))
                    .application("easyrsa", app -> app.units(0))
                    .relate("mysql:db", "mediawiki:db")
                    .relate("etcd", "easyrsa")
                    .relate("etcd:db", "mediawiki:etcd"));
    ModelState model =
        ModelState.builder()
            .application("mediawiki", app -> {})
            .application("mysql", app -> {})
            .application("etcd", app -> {})
            .application("easyrsa", app -> {})
            .relate("mediawiki:website", "haproxy:reverseproxy")
            .relate("easyrsa:client", "etcd:certificates")
            .relate("mariadb:db", "mediawiki:db")
            .build();

    BundleDiff diff = BundleDiff.compute(spec, model);

    assertThat(diff.applications()).isEmpty();
    assertThat(diff.relations().bundleAdditions())
        .containsExactly(List.of("etcd:db", "mediawiki:etcd"), List.of("mediawiki:db", "mysql:db"));
    assertThat(diff.toYaml())
        .isEqualTo(
            """
            relations:
              bundle-additions:
              - - etcd:db
                - mediawiki:etcd
              - - mediawiki:db
                - mysql:db
              model-additions:
              - - haproxy:reverseproxy
                - mediawiki:website
              - - mariadb:db
                - mediawiki:db
            """);
  }

  @Test
  void onlyBundleAdditionsAreListedWhenTheModelHasNoExtraRelation() {
    ModelSpec spec =
        bundle(
            b ->
                b.application("a", app -> app.units(0))
                    .application("b", app -> app.units(0))
                    .relate("a:x", "b:y"));
    ModelState model =
        ModelState.builder().application("a", app -> {}).application("b", app -> {}).build();

    assertThat(BundleDiff.compute(spec, model).toYaml())
        .isEqualTo(
            """
            relations:
              bundle-additions:
              - - a:x
                - b:y
            """);
  }
}
