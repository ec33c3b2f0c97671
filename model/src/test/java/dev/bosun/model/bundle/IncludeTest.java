package dev.bosun.model.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bosun.model.Problem;
import dev.bosun.model.spec.ModelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncludeTest {
  private static final Path BUNDLE = Path.of("src/test/resources/bundles/includes/bundle.yaml");

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

  @Test
  void includesFileContentsVerbatimOrAsBase64RelativeToTheBundle() throws Exception {
    ModelSpec model = reader().read(BUNDLE, List.of()).model();

    Path config = BUNDLE.resolveSibling("config");
    String ciphers = Files.readString(config.resolve("ciphers.txt"));
    assertThat(ciphers).isEqualTo("TLS_AES_128_GCM_SHA256\n");
    assertThat(model.applications().get("etcd").options())
        .containsEntry("tls_cipher_suites", ciphers)
        .containsEntry(
            "snapshot_count",
            Base64.getEncoder().encodeToString(Files.readAllBytes(config.resolve("blob.bin"))));
    assertThat(model.applications().get("etcd").annotations()).containsEntry("notes", ciphers);
    assertThat(model.machines().get("0").annotations()).containsEntry("motd", ciphers);
  }

  @Test
  void includesInAnOverlayResolveAgainstTheOverlaysDirectory() throws Exception {
    Path overlays = Files.createDirectories(directory.resolve("overlays"));
    Files.writeString(overlays.resolve("port.txt"), "4001");
    Path overlay =
        Files.writeString(
            overlays.resolve("overlay.yaml"),
            "applications:\n  etcd:\n    options:\n      snapshot_count: include-file://port.txt\n");

    ModelSpec model = reader().read(BUNDLE, List.of(overlay)).model();

    assertThat(model.applications().get("etcd").options()).containsEntry("snapshot_count", "4001");
  }

  @Test
  void reportsAMissingIncludeFileAndAFolderAtTheValue() throws Exception {
    Files.createDirectories(directory.resolve("folder"));

    assertThat(
            errors(
                () ->
                    reader()
                        .read(
                            """
                            applications:
                              etcd:
                                charm: etcd
                                options:
                                  tls_cipher_suites: include-file://missing.txt
                                annotations:
                                  notes: include-base64://folder
                            machines:
                              "0":
                                annotations:
                                  motd: include-file://../nowhere.txt
                            """,
                            "b.yaml",
                            directory)))
        .containsExactly(
            "b.yaml:5:26: processing option \"tls_cipher_suites\" for application \"etcd\":"
                + " resolving include \"missing.txt\": include file \""
                + directory.resolve("missing.txt")
                + "\" not found",
            "b.yaml:7:14: processing annotation \"notes\" for application \"etcd\": resolving"
                + " include \"folder\": include path \""
                + directory.resolve("folder")
                + "\" resolves to a folder",
            "b.yaml:9:3: machine \"0\" is not referred to by a placement directive",
            "b.yaml:11:13: processing annotation \"motd\" for machine \"0\": resolving include"
                + " \"../nowhere.txt\": include file \""
                + directory.getParent().resolve("nowhere.txt")
                + "\" not found");
  }

  @Test
  void relativeCharmPathsBecomeAbsoluteAgainstTheFileThatHoldsThem() throws Exception {
    Path charm = Files.createDirectories(directory.resolve("charms/etcd"));

    ModelSpec model =
        reader()
            .read("applications:\n  etcd:\n    charm: ./charms/etcd\n", "b.yaml", directory)
            .model();

    assertThat(model.applications().get("etcd").charm())
        .isEqualTo(charm.toAbsolutePath().normalize().toString());
  }

  @Test
  void reportsALocalCharmPathThatDoesNotExist() {
    assertThat(
            errors(
                () ->
                    reader()
                        .read(
                            "applications:\n  etcd:\n    charm: ../charms/etcd\n",
                            "b.yaml",
                            directory)))
        .containsExactly(
            "b.yaml:3:12: charm path in application \"etcd\" does not exist: "
                + directory.getParent().resolve("charms/etcd"));
  }
}
