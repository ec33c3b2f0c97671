package dev.bosun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bosun.runtime.store.KeyValue;
import dev.bosun.store.sqlite.SqliteStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several {@code bosun} processes on one model (real child JVMs from the shaded jar): exactly one
 * drives it at a time, the others wait or hand their command to the controller, and every change
 * lands.
 */
class ConcurrentInvocationsIT {
  private static final Path BUNDLE = TestModel.resource("bundles/greetings.yaml");

  @TempDir Path temp;
  private Path model;

  @BeforeEach
  void deploy() throws Exception {
    model = temp.resolve("model");
    CliRun deploy = BosunProcess.run(model, "deploy", BUNDLE.toString(), "--wait", "1m");
    assertThat(deploy.exitCode()).as(deploy.err()).isZero();
  }

  @Test
  void aSecondChangeWaitsForTheFirstAndBothLand() throws Exception {
    BosunProcess slow = BosunProcess.start(model, "config", "greeter", "hook-delay=5000");
    awaitHolder("config");
    BosunProcess status = BosunProcess.start(model, "status");
    BosunProcess second = BosunProcess.start(model, "add-unit", "counter");

    CliRun first = slow.await();
    CliRun read = status.await();
    CliRun added = second.await();
    CliRun after = BosunProcess.run(model, "status");

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(added.exitCode()).as(added.err()).isZero();
    assertThat(added.err())
        .contains("'bosun config' (pid " + slow.process().pid() + ") is changing this model;")
        .contains("waiting for it to finish");
    assertThat(added.out()).isEqualTo("added unit counter/1\n");
    assertThat(read.exitCode()).as(read.err()).isZero();
    assertThat(read.out()).contains("greeter/0*", "counter/0*");
    assertThat(after.out())
        .containsPattern("counter +active +2 +counter")
        .contains("counter/1", "2 friends say \"hello\"")
        .doesNotContain("error");
    assertThat(BosunProcess.run(model, "config", "greeter").out())
        .contains("  hook-delay:\n    default: 0\n")
        .contains("    value: 5000\n");
  }

  @Test
  void withAControllerRunningCommandsAreHandedToItAndApplied() throws Exception {
    BosunProcess controller = BosunProcess.start(model, "controller");
    awaitHolder("controller");

    BosunProcess first = BosunProcess.start(model, "add-unit", "greeter");
    BosunProcess second = BosunProcess.start(model, "config", "counter", "label=pals", "--wait=1m");
    CliRun added = first.await();
    CliRun configured = second.await();
    CliRun secondController = BosunProcess.run(model, "controller");
    CliRun settled = BosunProcess.run(model, "wait", "--timeout", "1m");
    CliRun status = BosunProcess.run(model, "status");
    controller.process().destroy();
    boolean stopped = controller.process().waitFor(1, TimeUnit.MINUTES);

    assertThat(added.exitCode()).as(added.err()).isZero();
    assertThat(added.out()).isEqualTo("added unit greeter/2\n");
    assertThat(configured.exitCode()).as(configured.err()).isZero();
    assertThat(configured.out()).endsWith("Model settled.\n");
    assertThat(secondController.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(secondController.err())
        .contains("a bosun controller (pid " + controller.process().pid() + ") holds this model");
    assertThat(settled.exitCode()).as(settled.err()).isZero();
    assertThat(status.out()).contains("greeter/2", "3 pals say \"hello\"");
    assertThat(stopped).isTrue();
    assertThat(controller.out()).contains("bosun controller: holding the model in " + model);
    try (SqliteStore store = SqliteStore.open(model.resolve("model.db"))) {
      assertThat(ControllerLease.current(store)).isEmpty();
    }
  }

  /** Waits until a process running {@code command} holds the model's controller lease. */
  private void awaitHolder(String command) throws IOException, InterruptedException {
    try (SqliteStore store = SqliteStore.open(model.resolve("model.db"))) {
      for (int i = 0; i < 600; i++) {
        Optional<KeyValue> holder = ControllerLease.current(store);
        if (holder.isPresent() && ControllerLease.decode(holder.get()).command().equals(command)) {
          return;
        }
        Thread.sleep(50);
      }
    }
    throw new AssertionError("no 'bosun " + command + "' took the model within 30 s");
  }
}
