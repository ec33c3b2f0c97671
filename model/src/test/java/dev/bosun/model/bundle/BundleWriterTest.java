package dev.bosun.model.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bosun.model.spec.ExposedEndpoint;
import dev.bosun.model.spec.ModelSpec;
import dev.bosun.model.spec.Placement;
import dev.bosun.model.spec.ResourceRef;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleWriterTest {
  @TempDir Path directory;

  private ModelSpec readBack(String yaml) {
    return BundleReader.builder().build().read(yaml, "export.yaml", directory).model();
  }

  @Test
  void writesJujusExportShapeWithStableKeyOrder() {
    ModelSpec model =
        ModelSpec.builder()
            .series("jammy")
            .description("Two machines: etcd and a CA")
            .machine("1", "cores=4")
            .machine("0")
            .application(
                "etcd",
                app ->
                    app.charm("ch:etcd")
                        .channel("3.5/stable")
                        .revision(42)
                        .units(3)
                        .to("0", "lxd:1", "new")
                        .option("port", 2379)
                        .option("debug", true)
                        .option("name", "yes")
                        .option("ratio", 1.0)
                        .constraints("mem=8G")
                        .annotation("gui-x", "609")
                        .binding("", "alpha")
                        .resource("etcd", ResourceRef.revision(3))
                        .storage("data", "ebs,10G,1")
                        .trust(true)
                        .expose(true))
            .application("easyrsa", app -> app.units(1))
            .relate("etcd:certificates", "easyrsa:client")
            .buildUnvalidated();

    String yaml = BundleWriter.write(model);

    assertThat(yaml)
        .isEqualTo(
            """
            description: "Two machines: etcd and a CA"
            series: jammy
            applications:
              easyrsa:
                charm: easyrsa
                num_units: 1
              etcd:
                charm: ch:etcd
                channel: 3.5/stable
                revision: 42
                resources:
                  etcd: 3
                num_units: 3
                to:
                - "0"
                - lxd:1
                - new
                expose: true
                options:
                  debug: true
                  name: "yes"
                  port: 2379
                  ratio: 1.0
                annotations:
                  gui-x: "609"
                constraints: mem=8192M
                storage:
                  data: ebs,10240M,1
                bindings:
                  "": alpha
                trust: true
            machines:
              "0": {}
              "1":
                constraints: cores=4
            relations:
            - - etcd:certificates
              - easyrsa:client
            """);
    assertThat(readBack(yaml)).isEqualTo(model);
  }

  @Test
  void quotesStringsThatYamlWouldReadAsSomethingElse() {
    List<String> tricky =
        List.of(
            "yes",
            "y",
            "N",
            "~",
            "null",
            "",
            "1.0",
            "0x1F",
            "2001-12-14",
            " lead",
            "a: b",
            "#x",
            "multi\nline",
            "tab\t",
            "quote\"d",
            "back\\slash",
            "\u2028",
            "0o17");
    ModelSpec.Builder builder = ModelSpec.builder();
    builder.application(
        "etcd",
        app -> {
          for (int i = 0; i < tricky.size(); i++) {
            app.option("o" + i, tricky.get(i)).annotation(tricky.get(i), tricky.get(i));
          }
        });
    ModelSpec model = builder.buildUnvalidated();

    String yaml = BundleWriter.write(model);

    assertThat(yaml)
        .contains(
            "o0: \"yes\"",
            "o3: \"~\"",
            "o5: \"\"",
            "o6: \"1.0\"",
            "o12: \"multi\\nline\"",
            "o17: \"0o17\"");
    assertThat(readBack(yaml)).isEqualTo(model);
  }

  @Test
  void writesFloatsSoTheyReadBackAsFloats() {
    ModelSpec model =
        ModelSpec.builder()
            .application(
                "etcd",
                app ->
                    app.option("a", 1e20)
                        .option("b", Double.NaN)
                        .option("c", Double.NEGATIVE_INFINITY)
                        .option("d", -0.0)
                        .option("e", 4.9e-324)
                        .option("f", 3L))
            .buildUnvalidated();

    String yaml = BundleWriter.write(model);

    assertThat(yaml).contains("a: 1.0E20", "b: .nan", "c: -.inf", "d: -0.0", "f: 3\n");
    assertThat(readBack(yaml).applications().get("etcd").options())
        .isEqualTo(model.applications().get("etcd").options());
  }

  @Test
  void writesPerEndpointExposeRulesInAnOverlayDocument() {
    ModelSpec model =
        ModelSpec.builder()
            .application(
                "etcd",
                app ->
                    app.exposedEndpoint(
                            "db", new ExposedEndpoint(List.of("alpha"), List.of("10.0.0.0/8")))
                        .exposedEndpoint("", new ExposedEndpoint(List.of(), List.of())))
            .buildUnvalidated();

    String yaml = BundleWriter.write(model);

    assertThat(yaml)
        .endsWith(
            """
            --- # overlay: per-endpoint expose rules are only accepted in an overlay
            applications:
              etcd:
                exposed-endpoints:
                  "": {}
                  db:
                    expose-to-spaces:
                    - alpha
                    expose-to-cidrs:
                    - 10.0.0.0/8
            """);
    assertThat(readBack(yaml)).isEqualTo(model);
  }

  @Test
  void writesScaleForKubernetesModels() {
    ModelSpec model =
        ModelSpec.builder()
            .type("kubernetes")
            .application(
                "mariadb",
                app ->
                    app.charm("mariadb-k8s")
                        .units(2)
                        .to(List.of(new Placement(null, "foo=bar", null, -1))))
            .buildUnvalidated();

    String yaml = BundleWriter.write(model);

    assertThat(yaml)
        .startsWith("bundle: kubernetes\n")
        .contains("    scale: 2\n", "    - foo=bar\n");
    assertThat(readBack(yaml)).isEqualTo(model);
  }
}
