package dev.bosun.model.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bosun.model.Location;
import dev.bosun.model.Problem;
import dev.bosun.model.spec.ApplicationSpec;
import dev.bosun.model.spec.ModelSpec;
import dev.bosun.model.spec.Placement;
import dev.bosun.model.spec.RelationSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverlayTest {
  private static final Path BASE = Path.of("src/test/resources/bundles/overlays/base.yaml");
  private static final Path GROW = Path.of("src/test/resources/bundles/overlays/grow.yaml");

  @TempDir Path directory;

  private static BundleReader reader() {
    return BundleReader.builder().build();
  }

  @Test
  void anOverlayFileIsMergedFieldByFieldIntoTheBase() {
    ModelSpec model = reader().read(BASE, List.of(GROW)).model();

    ApplicationSpec etcd = model.applications().get("etcd");
    assertThat(etcd.numUnits()).isEqualTo(5);
    assertThat(etcd.to()).containsExactly(Placement.parse("1"));
    assertThat(etcd.options())
        .as("port overwritten, snapshot_count deleted by null")
        .containsExactly(Map.entry("port", 4001L));
    assertThat(etcd.annotations()).as("cleared by an empty map").isEmpty();
    assertThat(etcd.constraints().mem()).as("untouched keys keep the base value").isEqualTo(4096L);
    assertThat(etcd.charm()).isEqualTo("etcd");
    assertThat(model.applications()).containsOnlyKeys("etcd", "easyrsa", "kubernetes-master");
    assertThat(model.machines()).as("machines are replaced").containsOnlyKeys("1");
    assertThat(model.series()).isEqualTo("jammy");
    assertThat(model.description()).isEqualTo("base bundle");
    assertThat(model.relations())
        .as("flannel's relation is removed with it; the overlay's is appended")
        .containsExactly(
            RelationSpec.of("etcd:certificates", "easyrsa:client"),
            RelationSpec.of("kubernetes-master:etcd", "etcd:db"));
  }

  @Test
  void everyMergedValueKeepsTheLocationOfTheFileItCameFrom() {
    LoadedBundle bundle = reader().read(BASE, List.of(GROW));

    assertThat(bundle.sources().at("applications", "etcd"))
        .isEqualTo(new Location(BASE.toString(), 7, 3));
    assertThat(bundle.sources().at("applications", "etcd", "constraints"))
        .isEqualTo(new Location(BASE.toString(), 16, 5));
    assertThat(bundle.sources().valueAt("applications", "etcd", "num_units"))
        .isEqualTo(new Location(GROW.toString(), 9, 16));
    assertThat(bundle.sources().valueAt("applications", "etcd", "options", "port"))
        .isEqualTo(new Location(GROW.toString(), 12, 13));
    assertThat(bundle.sources().at("applications", "kubernetes-master"))
        .isEqualTo(new Location(GROW.toString(), 16, 3));
    assertThat(bundle.sources().at("relations", "0"))
        .isEqualTo(new Location(BASE.toString(), 24, 3));
    assertThat(bundle.sources().at("relations", "1"))
        .isEqualTo(new Location(GROW.toString(), 20, 3));
    assertThat(bundle.sources().valueAt("series")).isEqualTo(new Location(GROW.toString(), 3, 9));
    assertThat(bundle.sources().at("machines", "1")).isEqualTo(new Location(GROW.toString(), 5, 3));
  }

  @Test
  void laterDocumentsOfTheBundleFileAreOverlaysAppliedBeforeOverlayFiles() throws Exception {
    Path overlay =
        Files.writeString(
            directory.resolve("overlay.yaml"), "applications:\n  etcd:\n    num_units: 7\n");

    ModelSpec model =
        reader()
            .read(
                Files.writeString(
                    directory.resolve("bundle.yaml"),
                    """
                    applications:
                      etcd:
                        charm: etcd
                        num_units: 1
                    ---
                    applications:
                      etcd:
                        num_units: 3
                        trust: true
                    """),
                List.of(overlay))
            .model();

    assertThat(model.applications().get("etcd").numUnits()).isEqualTo(7);
    assertThat(model.applications().get("etcd").trust()).isTrue();
  }

  @Test
  void errorsInAnOverlayPointIntoTheOverlay() throws Exception {
    Path overlay =
        Files.writeString(
            directory.resolve("overlay.yaml"),
            "applications:\n  etcd:\n    num_units: -2\n    to: [\"9\"]\n");

    List<String> errors;
    try {
      reader().read(BASE, List.of(overlay));
      errors = List.of();
    } catch (BundleException e) {
      errors = e.errors().stream().map(Problem::toString).toList();
    }

    assertThat(errors)
        .containsExactlyInAnyOrder(
            BASE + ":4:3: machine \"0\" is not referred to by a placement directive",
            overlay + ":3:16: negative number of units specified on application \"etcd\"",
            overlay + ":4:10: placement \"9\" refers to a machine not defined in this bundle");
  }

  @Test
  void anEmptyApplicationInAnOverlayRemovesItAndEveryRelationThatMentionsIt() {
    ModelSpec model =
        reader()
            .read(
                """
                applications:
                  etcd:
                    charm: etcd
                  easyrsa:
                    charm: easyrsa
                  flannel:
                    charm: flannel
                relations:
                - [etcd:certificates, easyrsa:client]
                - [flannel, etcd]
                - [flannel:cni, easyrsa]
                ---
                applications:
                  flannel: {}
                """,
                "b.yaml",
                directory)
            .model();

    assertThat(model.applications()).containsOnlyKeys("etcd", "easyrsa");
    assertThat(model.relations())
        .containsExactly(RelationSpec.of("etcd:certificates", "easyrsa:client"));
  }

  @Test
  void aNullMapInAnOverlayClearsTheBaseMapAndNewMapsKeepOnlyRealEntries() {
    ModelSpec model =
        reader()
            .read(
                """
                applications:
                  etcd:
                    charm: etcd
                    options:
                      port: 2379
                    bindings:
                      "": alpha
                ---
                applications:
                  etcd:
                    options:
                    annotations:
                      kept: "yes"
                      dropped:
                """,
                "b.yaml",
                directory)
            .model();

    ApplicationSpec etcd = model.applications().get("etcd");
    assertThat(etcd.options()).isEmpty();
    assertThat(etcd.bindings()).containsExactly(Map.entry("", "alpha"));
    assertThat(etcd.annotations()).containsExactly(Map.entry("kept", "yes"));
  }

  @Test
  void anOverlayAddsApplicationsAndListsOverwrite() {
    ModelSpec model =
        reader()
            .read(
                """
                machines:
                  "0": {}
                  "1": {}
                applications:
                  etcd:
                    charm: etcd
                    num_units: 2
                    to: ["0", "1"]
                ---
                applications:
                  etcd:
                    to: ["1"]
                  easyrsa:
                    charm: easyrsa
                    to: ["0"]
                    num_units: 1
                """,
                "b.yaml",
                directory)
            .model();

    assertThat(model.applications().get("etcd").to()).containsExactly(Placement.parse("1"));
    assertThat(model.applications().get("easyrsa").to()).containsExactly(Placement.parse("0"));
  }

  @Test
  void overlayOnlyKeysAreAcceptedInAnOverlay() {
    ModelSpec model =
        reader()
            .read(
                """
                applications:
                  etcd:
                    charm: etcd
                ---
                applications:
                  etcd:
                    exposed-endpoints:
                      db:
                        expose-to-cidrs: [10.0.0.0/8]
                """,
                "b.yaml",
                directory)
            .model();

    assertThat(model.applications().get("etcd").exposedEndpoints().get("db").exposeToCidrs())
        .containsExactly("10.0.0.0/8");
  }
}
