package dev.bosun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployCommandTest {
  private static final Path ROOT = CliRun.repositoryRoot();
  private static final String CHARMS = ROOT.resolve("charms").toString();

  @Test
  void dryRunPrintsJujusChangeLinesInOrderWithInferredEndpoints() {
    CliRun run =
        CliRun.of(
            "deploy",
            ROOT.resolve("bundles/etcd-cluster.yaml").toString(),
            "--dry-run",
            "--charm-dir",
            CHARMS);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.err()).isEmpty();
    assertThat(run.outLines())
        .containsExactly(
            "Changes to deploy bundle:",
            "- upload charm easyrsa",
            "- deploy application easyrsa",
            "- upload charm etcd",
            "- deploy application etcd",
            "- add relation etcd:certificates - easyrsa:client",
            "- add unit easyrsa/0 to new machine 0",
            "- add unit etcd/0 to new machine 1",
            "- add unit etcd/1 to new machine 2",
            "- add unit etcd/2 to new machine 3");
  }

  @Test
  void dryRunFillsInEndpointsLeftToInference() {
    CliRun run =
        CliRun.of(
            "deploy",
            ROOT.resolve("bundles/charmed-kubernetes.yaml").toString(),
            "--dry-run",
            "--charm-dir",
            CHARMS);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.outLines())
        .contains(
            "- add relation kubernetes-master:etcd - etcd:db",
            "- add relation etcd:certificates - easyrsa:client",
            "- add relation flannel:etcd - etcd:db");
  }

  @Test
  void dryRunWithoutCharmMetadataPlansRelationsAsWritten() {
    CliRun run =
        CliRun.of(
            "deploy", ROOT.resolve("bundles/charmed-kubernetes.yaml").toString(), "--dry-run");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.outLines()).contains("- add relation kubernetes-master - etcd");
    assertThat(run.err()).contains("warning: charm metadata for");
  }

  @Test
  void dryRunWithAnOverlayPlansTheMergedModel() {
    CliRun run =
        CliRun.of(
            "deploy",
            ROOT.resolve("bundles/etcd-cluster.yaml").toString(),
            "--overlay",
            ROOT.resolve("bundles/overlays/etcd-five-members.yaml").toString(),
            "--dry-run",
            "--charm-dir",
            CHARMS);

    assertThat(run.outLines()).contains("- add unit etcd/4 to new machine 5");
  }

  @Test
  void deployingACharmThatHasOnlyMetadataSaysWhyAndExitsTwo(@TempDir Path temp) throws IOException {
    Path bundle = temp.resolve("worker.yaml");
    Files.writeString(
        bundle, "applications:\n  kubernetes-worker:\n    charm: kubernetes-worker\n");

    CliRun run =
        CliRun.of(
            "--model",
            temp.resolve("model").toString(),
            "deploy",
            bundle.toString(),
            "--charm-dir",
            CHARMS);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err())
        .startsWith("ERROR charm \"kubernetes-worker\" has metadata but no code")
        .contains("'bosun deploy --dry-run'");
    assertThat(temp.resolve("model")).as("nothing is left of the refused deploy").doesNotExist();
  }

  @Test
  void anInvalidBundleIsRejectedBeforeAnythingIsPlanned() {
    CliRun run =
        CliRun.of(
            "deploy",
            ROOT.resolve("model/src/test/resources/bundles/many-errors.yaml").toString(),
            "--dry-run");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.out()).isEmpty();
  }
}
