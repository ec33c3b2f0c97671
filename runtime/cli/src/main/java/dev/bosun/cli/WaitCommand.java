package dev.bosun.cli;

import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bosun wait [--timeout D]}: drive the model until it settles. */
@Command(
    name = "wait",
    mixinStandardHelpOptions = true,
    header = "Wait for the model to settle, showing progress.",
    description = {
      "",
      "Exit code 0 when every unit is idle with nothing left to do, 1 when a unit is in error",
      "or the timeout passed."
    })
final class WaitCommand extends ModelCommand {

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      description = "How long to wait (default 10m).")
  String timeout = "10m";

  @Override
  boolean changesModel() {
    return true;
  }

  @Override
  boolean waitRequested() {
    return true;
  }

  @Override
  Duration waitTimeout() {
    return Durations.parse(timeout, "--timeout");
  }

  @Override
  int execute(Session session) {
    waitTimeout();
    return ExitCodes.OK;
  }
}
