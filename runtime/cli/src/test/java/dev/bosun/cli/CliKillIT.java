package dev.bosun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code bosun deploy} child JVMs with SIGKILL at seeded random points — during JVM start,
 * while waiting for the lease, planning, applying, or driving hooks — ten times, each deploy asking
 * for one more unit than the last, then checks that the next invocation converges and that
 * everything committed before the kills is intact.
 */
class CliKillIT {
  private static final long SEED = 20261206L;
  private static final int KILLS = 10;

  @TempDir Path temp;

  @Test
  void killedDeploysLoseNothingCommittedAndTheNextDeployConverges() throws Exception {
    Path model = temp.resolve("model");
    Random random = new Random(SEED);
    CliRun first = BosunProcess.run(model, "deploy", bundle(1).toString(), "--wait=1m");
    CliRun kept = BosunProcess.run(model, "config", "greeter", "greeting=kept");
    assertThat(kept.exitCode()).as(first.err() + kept.err()).isZero();

    int committed = 1;
    for (int kill = 0; kill < KILLS; kill++) {
      int units = 2 + kill;
      BosunProcess deploy =
          BosunProcess.start(model, "deploy", bundle(units).toString(), "--wait=1m");
      Thread.sleep(200 + random.nextInt(2300));
      deploy.process().destroyForcibly();
      deploy.process().waitFor();
      if (deploy.out().contains("Deploy of bundle completed.")) {
        committed = units;
      }
    }

    CliRun converged = converge(model, bundle(KILLS + 1));
    CliRun status = BosunProcess.run(model, "status");
    CliRun again = BosunProcess.run(model, "deploy", bundle(KILLS + 1).toString());

    assertThat(converged.exitCode()).as(converged.out() + converged.err()).isZero();
    assertThat(status.out())
        .containsPattern("greeter +active +" + (KILLS + 1) + " +greeter")
        .contains((KILLS + 1) + " friends say \"kept\"")
        .doesNotContain("error");
    for (int unit = 0; unit < committed; unit++) {
      assertThat(status.out()).contains("greeter/" + unit);
    }
    assertThat(again.out()).isEqualTo("No changes to apply.\n");
  }

  /** The greetings bundle with {@code units} greeters (the greeting is left to the model). */
  private Path bundle(int units) throws IOException {
    Path file = temp.resolve("greetings-" + units + ".yaml");
    Files.writeString(
        file,
        "applications:\n"
            + "  greeter:\n    charm: greeter\n    num_units: "
            + units
            + "\n"
            + "  counter:\n    charm: counter\n    num_units: 1\n    options:\n      label: friends\n"
            + "relations:\n  - [counter, greeter]\n");
    return file;
  }

  /**
   * Deploys until the model settles: a hook a kill interrupted counts as failed and is retried by
   * its timer (or resolved), so a deploy may first end with that unit in error.
   */
  private static CliRun converge(Path model, Path bundle) throws Exception {
    CliRun run = BosunProcess.run(model, "deploy", bundle.toString(), "--wait=1m");
    for (int attempt = 0; attempt < 5 && run.exitCode() != ExitCodes.OK; attempt++) {
      BosunProcess.run(model, "resolve", "--all");
      run = BosunProcess.run(model, "wait", "--timeout", "1m");
    }
    return run;
  }
}
