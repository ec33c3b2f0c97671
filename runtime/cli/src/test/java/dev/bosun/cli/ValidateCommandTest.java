package dev.bosun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  private static final Path ROOT = CliRun.repositoryRoot();
  private static final String CHARMS = ROOT.resolve("charms").toString();

  @TempDir Path dir;

  @Test
  void acceptsAValidBundleAndSummarisesIt() {
    CliRun run =
        CliRun.of(
            "validate",
            ROOT.resolve("bundles/kubernetes-core.yaml").toString(),
            "--charm-dir",
            CHARMS);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.err()).isEmpty();
    assertThat(run.outLines())
        .containsExactly(
            ROOT.resolve("bundles/kubernetes-core.yaml")
                + " is valid: 5 applications, 10 relations, 2 machines");
  }

  @Test
  void reportsEveryProblemOnePerLineWithFileLineAndColumnAndExitsTwo() throws IOException {
    Path bundle =
        write(
            "bad.yaml",
            """
            applications:
              etcd:
                charm: etcd
                num_units: 1
                options:
                  port: abc
                to: ["2"]
            relations:
              - [etcd:certificates, nowhere:client]
            """);

    CliRun run = CliRun.of("validate", bundle.toString(), "--charm-dir", CHARMS);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines())
        .containsExactly(
            bundle
                + ":6:13: cannot validate application \"etcd\": option \"port\" expected int,"
                + " got \"abc\"",
            bundle + ":7:10: placement \"2\" refers to a machine not defined in this bundle",
            bundle
                + ":9:25: relation [\"etcd:certificates\" \"nowhere:client\"] refers to"
                + " application \"nowhere\" not defined in this bundle",
            "3 errors");
  }

  @Test
  void printsWarningsButExitsZeroWhenTheBundleIsValid() throws IOException {
    Path bundle =
        write(
            "warn.yaml",
            """
            applications:
              easyrsa:
                charm: easyrsa
                num_units: 1
                colour: blue
            """);

    CliRun run = CliRun.of("validate", bundle.toString(), "--charm-dir", CHARMS);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.errLines())
        .containsExactly(
            bundle + ":5:5: warning: unknown key \"colour\" in application \"easyrsa\" is ignored");
    assertThat(run.outLines())
        .containsExactly(bundle + " is valid: 1 application, 0 relations, 0 machines");
  }

  @Test
  void warnsAboutEachApplicationWhoseCharmMetadataIsUnknown() {
    CliRun run = CliRun.of("validate", ROOT.resolve("bundles/etcd-cluster.yaml").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.errLines())
        .hasSize(2)
        .allSatisfy(line -> assertThat(line).contains("warning: charm metadata for"));
  }

  @Test
  void appliesOverlaysInOrder() throws IOException {
    Path overlay = write("grow.yaml", "applications:\n  etcd:\n    num_units: 5\n");
    Path drop = write("drop.yaml", "applications:\n  easyrsa:\n");

    CliRun run =
        CliRun.of(
            "validate",
            ROOT.resolve("bundles/etcd-cluster.yaml").toString(),
            "--overlay",
            overlay.toString(),
            "--overlay",
            drop.toString(),
            "--charm-dir",
            CHARMS);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("is valid: 1 application, 0 relations, 0 machines");
  }

  @Test
  void reportsProblemsOfABrokenCharmDirectory() throws IOException {
    Path charms = Files.createDirectories(dir.resolve("charms/broken"));
    Files.writeString(charms.resolve("metadata.yaml"), "name: broken\nsummary: s\n");

    CliRun run =
        CliRun.of(
            "validate",
            ROOT.resolve("bundles/etcd-cluster.yaml").toString(),
            "--charm-dir",
            dir.resolve("charms").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("broken/metadata.yaml").contains("description");
  }

  @Test
  void rejectsAMissingBundleFileOrCharmDirectoryAsBadInput() {
    CliRun missingBundle = CliRun.of("validate", dir.resolve("nope.yaml").toString());
    CliRun missingCharms =
        CliRun.of(
            "validate",
            ROOT.resolve("bundles/etcd-cluster.yaml").toString(),
            "--charm-dir",
            dir.resolve("nowhere").toString());

    assertThat(missingBundle.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(missingBundle.errLines())
        .containsExactly("ERROR bundle file " + dir.resolve("nope.yaml") + " not found");
    assertThat(missingCharms.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(missingCharms.err()).contains("--charm-dir needs a directory");
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }
}
