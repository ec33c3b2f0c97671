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
