package dev.bosun.model.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bosun.model.Location;
import dev.bosun.model.Problem;
import dev.bosun.model.spec.ApplicationSpec;
import dev.bosun.model.spec.Constraints;
import dev.bosun.model.spec.ModelSpec;
import dev.bosun.model.spec.Placement;
import dev.bosun.model.spec.RelationSpec;
import dev.bosun.model.spec.ResourceRef;
import dev.bosun.model.spec.StorageDirective;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleReaderTest {
  private static final Path BUNDLES = Path.of("src/test/resources/bundles");

  @TempDir Path directory;

  private static BundleReader reader() {
    return BundleReader.builder().build();
  }

  private static List<String> errors(Runnable action) {
    try {
      action.run();
    } catch (BundleException e) {
      return e.errors().stream().map(Problem::toString).toList();
    }
    throw new AssertionError("expected a BundleException");
  }

  private static List<String> warnings(LoadedBundle bundle) {
    return bundle.warnings().stream()
        .map(Problem::toString)
        .filter(w -> !w.contains("charm metadata for"))
        .toList();
  }

  @Test
  void readsEveryApplicationKey() {
    LoadedBundle bundle =
        reader()
            .read(
                """
                series: jammy
                default-base: ubuntu@22.04
                description: everything
                applications:
                  etcd:
                    charm: ch:etcd
                    channel: 3.5/stable
                    revision: 42
                    series: jammy
                    base: ubuntu@22.04
                    num_units: 2
                    to: [lxd:0, "0"]
                    options:
                      port: 2379
                      ratio: 0.5
                      debug: yes
                      name: "007"
                    constraints: cores=2 mem=8G
                    expose: true
                    annotations:
                      gui-x: 609
                    bindings:
                      "": alpha
                      db: beta
                    resources:
                      etcd: 3
                      snapshot: ./snapshot.tar.gz
                    storage:
                      data: ebs,10G,1
                    devices:
                      gpu: 1,nvidia.com/gpu
                    trust: true
                machines:
                  0:
                    constraints: arch=amd64
                    annotations:
                      rack: r1
                    series: jammy
                    base: ubuntu@22.04
                """,
                "b.yaml",
                directory);

    ApplicationSpec etcd = bundle.model().applications().get("etcd");
    assertThat(etcd.charm()).isEqualTo("ch:etcd");
    assertThat(etcd.channel()).isEqualTo("3.5/stable");
    assertThat(etcd.revision()).isEqualTo(42);
    assertThat(etcd.series()).isEqualTo("jammy");
    assertThat(etcd.base()).isEqualTo("ubuntu@22.04");
    assertThat(etcd.numUnits()).isEqualTo(2);
    assertThat(etcd.to()).containsExactly(Placement.parse("lxd:0"), Placement.parse("0"));
    assertThat(etcd.options())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("port", 2379L, "ratio", 0.5, "debug", true, "name", "007"));
    assertThat(etcd.constraints()).isEqualTo(Constraints.parse("cores=2 mem=8192M"));
    assertThat(etcd.expose()).isTrue();
    assertThat(etcd.annotations()).containsExactly(Map.entry("gui-x", "609"));
    assertThat(etcd.bindings()).containsExactly(Map.entry("", "alpha"), Map.entry("db", "beta"));
    assertThat(etcd.resources())
        .containsExactly(
            Map.entry("etcd", ResourceRef.revision(3)),
            Map.entry("snapshot", ResourceRef.path("./snapshot.tar.gz")));
    assertThat(etcd.storage())
        .containsExactly(Map.entry("data", StorageDirective.parse("ebs,10G,1")));
    assertThat(etcd.devices()).containsExactly(Map.entry("gpu", "1,nvidia.com/gpu"));
    assertThat(etcd.trust()).isTrue();
    ModelSpec model = bundle.model();
    assertThat(model.series()).isEqualTo("jammy");
    assertThat(model.defaultBase()).isEqualTo("ubuntu@22.04");
    assertThat(model.description()).isEqualTo("everything");
    assertThat(model.machines().get("0").annotations()).containsExactly(Map.entry("rack", "r1"));
    assertThat(model.machines().get("0").constraints().arch()).isEqualTo("amd64");
  }

  @Test
  void recordsWhereEachPartOfTheModelWasWritten() {
    LoadedBundle bundle =
        reader()
            .read(
                """
                applications:
                  etcd:
                    charm: etcd
                    num_units: 1
                    options:
                      port: 2379
                    to: [new]
                  easyrsa:
                    charm: easyrsa
                relations:
                - [etcd, easyrsa]
                """,
                "b.yaml",
                directory);

    assertThat(bundle.sources().at("applications", "etcd")).isEqualTo(new Location("b.yaml", 2, 3));
    assertThat(bundle.sources().valueAt("applications", "etcd", "num_units"))
        .isEqualTo(new Location("b.yaml", 4, 16));
    assertThat(bundle.sources().at("applications", "etcd", "options", "port"))
        .isEqualTo(new Location("b.yaml", 6, 7));
    assertThat(bundle.sources().at("applications", "etcd", "to", "0"))
        .isEqualTo(new Location("b.yaml", 7, 10));
    assertThat(bundle.sources().at("relations", "0", "1"))
        .isEqualTo(new Location("b.yaml", 11, 10));
  }

  @Test
  void warnsOnceForEachApplicationWhoseCharmIsUnknownAndStillReads() {
    LoadedBundle bundle = reader().read(Path.of("..", "bundles", "etcd-cluster.yaml"), List.of());

    assertThat(bundle.warnings())
        .extracting(Problem::toString)
        .containsExactly(
            "../bundles/etcd-cluster.yaml:5:12: warning: charm metadata for \"easyrsa\" (application"
                + " \"easyrsa\") is unknown, so the checks that need it (endpoints, relations,"
                + " options, subordinates) were skipped; point Bosun at the charm with --charm-dir"
                + " DIR",
            "../bundles/etcd-cluster.yaml:8:12: warning: charm metadata for \"etcd\" (application"
                + " \"etcd\") is unknown, so the checks that need it (endpoints, relations, options,"
                + " subordinates) were skipped; point Bosun at the charm with --charm-dir DIR");
  }

  @Test
  void unknownKeysAreWarningsWithTheirPositionAndTheBundleStillReads() {
    LoadedBundle bundle = reader().read(BUNDLES.resolve("unknown-keys.yaml"), List.of());

    String file = BUNDLES.resolve("unknown-keys.yaml").toString();
    assertThat(warnings(bundle))
        .containsExactly(
            file
                + ":2:1: warning: unknown key \"variables\" at the top level of the bundle is ignored",
            file + ":9:5: warning: unknown key \"colour\" in application \"etcd\" is ignored",
            file + ":13:5: warning: unknown key \"flavour\" in machine \"0\" is ignored");
    assertThat(bundle.model().applications().get("etcd").numUnits()).isEqualTo(3);
  }

  @Test
  void typeErrorsAreReportedAtTheNodeThatHasTheWrongShape() {
    String file = BUNDLES.resolve("type-errors.yaml").toString();

    assertThat(errors(() -> reader().read(BUNDLES.resolve("type-errors.yaml"), List.of())))
        .containsExactly(
            file + ":2:3: empty charm path",
            file + ":3:12: charm of application \"etcd\" must be a string, got a sequence",
            file
                + ":4:16: num_units of application \"etcd\" must be an integer, got string \"three\"",
            file
                + ":5:13: expose of application \"etcd\" must be a boolean (true or false), got"
                + " string \"yes\"",
            file
                + ":6:9: to of application \"etcd\" must be a sequence of strings, got string"
                + " \"lxd:0\"",
            file
                + ":7:14: options of application \"etcd\" must be a mapping, got string \"port=2379\"",
            file + ":8:12: application \"easyrsa\" must be a mapping, got string \"just-a-string\"",
            file + ":9:11: machines must be a mapping, got a sequence",
            file
                + ":11:3: a relation must be a sequence of two endpoints such as [app:endpoint, app],"
                + " got string \"easyrsa etcd\"",
            file + ":12:10: a relation endpoint must be a string, got a mapping");
  }

  @Test
  void reportsEveryProblemAtOnceSortedByLocation() {
    String file = BUNDLES.resolve("many-errors.yaml").toString();

    BundleException thrown =
        (BundleException)
            org.assertj.core.api.Assertions.catchThrowable(
                () -> reader().read(BUNDLES.resolve("many-errors.yaml"), List.of()));

    assertThat(thrown.errors())
        .extracting(Problem::toString)
        .containsExactly(
            file + ":2:15: bundle declares an invalid base \"invalidbase\"",
            file + ":4:3: machine \"5\" is not referred to by a placement directive",
            file + ":8:16: negative number of units specified on application \"etcd\"",
            file + ":9:10: placement \"9\" refers to a machine not defined in this bundle",
            file
                + ":12:18: invalid constraints \"mem=lots\" in application \"easyrsa\": bad \"mem\""
                + " constraint: must be a non-negative float with optional M/G/T/P suffix",
            file
                + ":14:10: relation [\"etcd\" \"nowhere\"] refers to application \"nowhere\" not"
                + " defined in this bundle",
            file + ":15:3: relation [\"etcd\" \"etcd\"] relates an application to itself");
    assertThat(thrown.getMessage())
        .startsWith("the provided bundle has the following errors:\n" + file + ":2:15: ")
        .doesNotContain("warning:");
    assertThat(thrown.warnings()).hasSize(2);
  }

  @Test
  void acceptsTheLegacyServicesKeyWithAWarning() {
    LoadedBundle bundle =
        reader().read("services:\n  etcd:\n    charm: etcd\n", "b.yaml", directory);

    assertThat(bundle.model().applications()).containsKey("etcd");
    assertThat(warnings(bundle))
        .containsExactly(
            "b.yaml:1:1: warning: the 'services' key is deprecated; use 'applications'");
  }

  @Test
  void copiesScaleIntoNumUnitsAndKubernetesPlacementIntoTo() {
    ModelSpec model =
        reader()
            .read(
                """
                bundle: kubernetes
                applications:
                  mariadb:
                    charm: mariadb-k8s
                    scale: 2
                    placement: foo=bar
                """,
                "b.yaml",
                directory)
            .model();

    ApplicationSpec mariadb = model.applications().get("mariadb");
    assertThat(model.isKubernetes()).isTrue();
    assertThat(mariadb.numUnits()).isEqualTo(2);
    assertThat(mariadb.to()).extracting(Placement::toString).containsExactly("foo=bar");
  }

  @Test
  void aBareContainerTypeMeansANewContainerOnANewMachine() {
    ModelSpec model =
        reader()
            .read(
                "applications:\n  etcd:\n    charm: etcd\n    num_units: 2\n    to: [lxd, kvm]\n",
                "b.yaml",
                directory)
            .model();

    assertThat(model.applications().get("etcd").to())
        .containsExactly(Placement.parse("lxd:new"), Placement.parse("kvm:new"));
  }

  @Test
  void aBareContainerTypeNamesAnApplicationOfThatNameWhenThereIsOne() {
    ModelSpec model =
        reader()
            .read(
                """
                applications:
                  lxd:
                    charm: lxd
                    num_units: 1
                  etcd:
                    charm: etcd
                    num_units: 1
                    to: [lxd]
                """,
                "b.yaml",
                directory)
            .model();

    assertThat(model.applications().get("etcd").to()).containsExactly(Placement.parse("lxd"));
    assertThat(model.applications().get("etcd").to().get(0).isApplication()).isTrue();
  }

  @Test
  void consumedOffersAreAnErrorThatSaysWhatToDo() {
    assertThat(
            errors(
                () ->
                    reader()
                        .read(
                            """
                            saas:
                              mysql:
                                url: admin/db.mysql
                            applications:
                              wordpress:
                                charm: wordpress
                            relations:
                            - [wordpress, mysql]
                            """,
                            "b.yaml",
                            directory)))
        .containsExactly(
            "b.yaml:2:3: cross-model relations (saas) are not supported yet: remove the saas section"
                + " and the relations that use its entries");
  }

  @Test
  void offersAndPlansAreIgnoredWithAWarning() {
    LoadedBundle bundle =
        reader()
            .read(
                """
                applications:
                  mysql:
                    charm: mysql
                    plan: acme/basic
                ---
                applications:
                  mysql:
                    offers:
                      db:
                        endpoints: [db]
                        acl:
                          admin: admin
                """,
                "b.yaml",
                directory);

    assertThat(warnings(bundle))
        .containsExactly(
            "b.yaml:4:5: warning: plan \"acme/basic\" of application \"mysql\" is ignored: plans are"
                + " not supported",
            "b.yaml:9:7: warning: offer \"db\" of application \"mysql\" is ignored: offers"
                + " (cross-model relations) are not supported yet");
  }

  @Test
  void anEmptyBundleFileWithAnOverlayIsNotValid() throws Exception {
    Path bundle = Files.writeString(directory.resolve("bundle.yaml"), "");
    Path overlay =
        Files.writeString(
            directory.resolve("overlay.yaml"), "applications:\n  etcd:\n    charm: etcd\n");

    assertThat(errors(() -> reader().read(bundle, List.of(overlay))))
        .containsExactly(bundle + ":1:1: empty bundle not valid");
  }

  @Test
  void readsBundleYamlFromADirectory() throws Exception {
    Files.writeString(
        directory.resolve("bundle.yaml"), "applications:\n  etcd:\n    charm: etcd\n");

    LoadedBundle bundle = reader().read(directory, List.of());

    assertThat(bundle.model().applications()).containsKey("etcd");
    assertThat(bundle.sources().at("applications", "etcd").file())
        .isEqualTo(directory.resolve("bundle.yaml").toString());
  }

  @Test
  void aMissingFileIsAnError() {
    Path missing = directory.resolve("missing.yaml");

    assertThatThrownBy(() -> reader().read(missing, List.of(directory.resolve("gone.yaml"))))
        .isInstanceOf(BundleException.class)
        .hasMessage(
            "the provided bundle has the following errors:\n"
                + "cannot read bundle: \""
                + missing
                + "\" not found\n"
                + "cannot read overlay: \""
                + directory.resolve("gone.yaml")
                + "\" not found");
  }

  @Test
  void yamlSyntaxErrorsStopReadingWithTheirPosition() {
    assertThat(errors(() -> reader().read("applications:\n  etcd: [\n", "b.yaml", directory)))
        .singleElement()
        .asString()
        .startsWith("b.yaml:3:1: YAML syntax error: ");
  }

  @Test
  void duplicateKeysAreErrorsAndEverythingElseIsStillChecked() {
    assertThat(
            errors(
                () ->
                    reader()
                        .read(
                            """
                            applications:
                              etcd:
                                charm: etcd
                                num_units: 1
                                num_units: -1
                            """,
                            "b.yaml",
                            directory)))
        .containsExactly(
            "b.yaml:5:5: mapping key \"num_units\" already defined at line 4",
            "b.yaml:5:16: negative number of units specified on application \"etcd\"");
  }

  @Test
  void readsRelationsInBothYamlForms() {
    ModelSpec model =
        reader()
            .read(
                """
                applications:
                  etcd:
                    charm: etcd
                  easyrsa:
                    charm: easyrsa
                  kubernetes-master:
                    charm: kubernetes-master
                relations:
                - [etcd:certificates, easyrsa:client]
                - - kubernetes-master
                  - etcd
                """,
                "b.yaml",
                directory)
            .model();

    assertThat(model.relations())
        .containsExactly(
            RelationSpec.of("etcd:certificates", "easyrsa:client"),
            RelationSpec.of("kubernetes-master", "etcd"));
  }
}
