package dev.bosun.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * A command that changes the model and takes {@code --wait[=DURATION]}: without a controller it
 * drives the model until it settles (at most {@code DURATION} when given, else {@link
 * #DEFAULT_SETTLE}); with {@code --wait} it shows progress; with a controller running it returns at
 * once unless {@code --wait} is given.
 */
abstract class WaitingCommand extends ModelCommand {

  @Option(
      names = "--wait",
      paramLabel = "DURATION",
      arity = "0..1",
      fallbackValue = "10m",
      description =
          "Wait for the model to settle, showing progress (default 10m; e.g. 30s, 5m, 1h).")
  String wait;

  @Override
  boolean changesModel() {
    return true;
  }

  @Override
  boolean waitRequested() {
    return wait != null;
  }

  @Override
  Duration waitTimeout() {
    return wait == null ? DEFAULT_SETTLE : Durations.parse(wait, "--wait");
  }
}
