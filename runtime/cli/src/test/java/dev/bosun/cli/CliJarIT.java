package dev.bosun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shaded {@code bosun.jar} as users do, in its own JVM: the jar starts, finds its classes
 * and services, exits with the documented codes, and prints no stack traces or logging noise.
 */
class CliJarIT {
  private static final Path ROOT = CliRun.repositoryRoot();
  private static final Path JAR = Path.of("target", "bosun.jar").toAbsolutePath();

  @Test
  void validatesAndPlansTheReadmeBundles() throws Exception {
    Result validate = run("validate", "bundles/kubernetes-core.yaml", "--charm-dir", "charms");
    Result deploy =
        run("deploy", "bundles/etcd-cluster.yaml", "--dry-run", "--charm-dir", "charms");

    assertThat(validate.exitCode()).isZero();
    assertThat(validate.out())
        .isEqualTo(
            "bundles/kubernetes-core.yaml is valid: 5 applications, 10 relations, 2 machines\n");
    assertThat(validate.err()).isEmpty();
    assertThat(deploy.exitCode()).isZero();
    assertThat(deploy.out()).startsWith("Changes to deploy bundle:\n- upload charm easyrsa\n");
    assertThat(deploy.err()).isEmpty();
  }

  @Test
  void exitsTwoWithOneLinePerProblemAndNoStackTrace() throws Exception {
    Path bad = Files.createTempFile("bad", ".yaml");
    Files.writeString(
        bad, "applications:\n  a:\n    charm: a\n    num_units: -1\n    to: [\"x y\"]\n");

    Result result = run("validate", bad.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains(bad + ":4:16: negative number of units specified on application \"a\"")
        .contains(bad + ":5:10: invalid placement syntax \"x y\"")
        .doesNotContain("\tat ")
        .doesNotContain("SLF4J");
  }

  @Test
  void theJarShipsEasyrsaDeploysItDrivesItAndDestroysWithoutLeftovers(@TempDir Path temp)
      throws Exception {
    Path model = temp.resolve("model");

    Result deploy = run("--model", model.toString(), "deploy", "easyrsa", "--wait=2m");
    Result status = run("--model", model.toString(), "status");
    Result ca = run("--model", model.toString(), "run", "easyrsa/leader", "get-ca");
    Result destroy = run("--model", model.toString(), "destroy", "--yes");

    assertThat(deploy.exitCode()).as(deploy.err()).isZero();
    assertThat(deploy.out()).contains("added unit easyrsa/0", "Model settled.");
    assertThat(status.out()).containsPattern("easyrsa/0\\* +active +idle +0 +127\\.77\\.");
    assertThat(ca.exitCode()).as(ca.err()).isZero();
    assertThat(ca.out()).contains("-----BEGIN CERTIFICATE-----").doesNotContain("PRIVATE KEY");
    assertThat(destroy.exitCode()).as(destroy.err()).isZero();
    assertThat(model).doesNotExist();
    assertThat(deploy.err() + status.err() + destroy.err()).doesNotContain("SLF4J", "\tat ");
  }

  @Test
  void everyVerbHasHelpAndTheCompletionScriptKnowsThem() throws Exception {
    Result completion = run("completion");

    assertThat(completion.exitCode()).isZero();
    for (String verb :
        List.of(
            "validate",
            "deploy",
            "status",
            "add-unit",
            "remove-unit",
            "remove-application",
            "config",
            "integrate",
            "remove-relation",
            "expose",
            "unexpose",
            "refresh",
            "run",
            "resolve",
            "diff",
            "export-bundle",
            "show-status-log",
            "debug-log",
            "wait",
            "attach-resource",
            "destroy",
            "controller",
            "completion")) {
      Result help = run(verb, "--help");
      assertThat(help.exitCode()).as(verb).isZero();
      assertThat(help.out()).as(verb).contains("Usage: bosun " + verb);
      assertThat(completion.out()).contains(verb);
    }
  }

  private static Result run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", JAR.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(ROOT.toFile()).start();
    process.getOutputStream().close();
    byte[] out = process.getInputStream().readAllBytes();
    byte[] err = process.getErrorStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(
        process.exitValue(),
        new String(out, StandardCharsets.UTF_8),
        new String(err, StandardCharsets.UTF_8));
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private record Result(int exitCode, String out, String err) {}
}
