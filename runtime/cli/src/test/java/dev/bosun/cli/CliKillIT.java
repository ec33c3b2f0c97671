package dev.bosun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code bosun} child JVMs with SIGKILL at seeded random points while they change and drive
 * the model, ten times, then checks that the next invocation converges and that everything
 * committed before the kills is intact.
 */
class CliKillIT {
  private static final Path BUNDLE = TestModel.resource("bundles/greetings.yaml");
  private static final long SEED = 20261206L;
  private static final int KILLS = 10;
  private static final Pattern ADDED = Pattern.compile("added unit (greeter/\\d+)");

  @TempDir Path temp;

  @Test
  void killedInvocationsLoseNothingCommittedAndTheNextOneConverges() throws Exception {
    Path model = temp.resolve("model");
    Random random = new Random(SEED);
    List<String> committedUnits = new ArrayList<>();

    // The first kill lands in the very first deploy, before anything may be committed.
    killAfter(BosunProcess.start(model, "deploy", BUNDLE.toString(), "--wait=1m"), random);
    CliRun deploy = BosunProcess.run(model, "deploy", BUNDLE.toString(), "--wait=1m");
    CliRun label = BosunProcess.run(model, "config", "counter", "label=survivors");
    assertThat(label.exitCode()).as(deploy.err() + label.err()).isZero();

    for (int kill = 1; kill < KILLS; kill++) {
      BosunProcess adding = BosunProcess.start(model, "add-unit", "greeter", "--wait=1m");
      killAfter(adding, random);
      Matcher added = ADDED.matcher(adding.out());
      while (added.find()) {
        committedUnits.add(added.group(1));
      }
    }

    CliRun converged = converge(model);
    CliRun status = BosunProcess.run(model, "status", "--format", "yaml");
    CliRun again = BosunProcess.run(model, "deploy", BUNDLE.toString());

    assertThat(converged.exitCode()).as(converged.out() + converged.err()).isZero();
    assertThat(status.out())
        .contains("survivors say \"hello\"", "counter/0", "greeter/0", "greeter/1")
        .doesNotContain("current: error");
    for (String unit : committedUnits) {
      assertThat(status.out()).contains(unit + ":");
    }
    // Only the option changed after the bundle differs: nothing the kills interrupted is redone.
    assertThat(again.outLines())
        .containsExactly(
            "Executing changes:",
            "- set application options for counter",
            "Deploy of bundle completed.");
  }

  /**
   * Runs {@code bosun wait} until the model settles: a hook a kill interrupted counts as failed and
   * is retried by its timer, so a wait may first end with that unit in error.
   */
  private static CliRun converge(Path model) throws Exception {
    CliRun wait = null;
    for (int attempt = 0; attempt < 6; attempt++) {
      wait = BosunProcess.run(model, "wait", "--timeout", "1m");
      if (wait.exitCode() == ExitCodes.OK) {
        return wait;
      }
      BosunProcess.run(model, "resolve", "--all");
    }
    return wait;
  }

  private static void killAfter(BosunProcess process, Random random) throws Exception {
    Thread.sleep(200 + random.nextInt(2300));
    process.process().destroyForcibly();
    process.process().waitFor();
  }
}
