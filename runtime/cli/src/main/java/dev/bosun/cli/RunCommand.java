package dev.bosun.cli;

import dev.bosun.runtime.ActionHandle;
import dev.bosun.runtime.ActionResult;
import dev.bosun.runtime.ActionStatus;
import dev.bosun.runtime.ApplicationStatus;
import dev.bosun.runtime.NotFoundException;
import dev.bosun.runtime.UnitStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bosun run UNIT|APP/leader ACTION [KEY=VALUE ...] [--wait[=D]]}: run an action. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    header = "Run an action on a unit.",
    description = {
      "",
      "Parameters are checked against the charm's actions.yaml. Waits for the action (10m by",
      "default, or --wait=DURATION) and prints its results as YAML; exit code 1 when it failed."
    })
final class RunCommand extends ModelCommand {

  @Parameters(index = "0", paramLabel = "UNIT", description = "A unit, or APP/leader.")
  String unit;

  @Parameters(index = "1", paramLabel = "ACTION", description = "The action.")
  String action;

  @Parameters(index = "2..*", paramLabel = "KEY=VALUE", description = "Action parameters.")
  List<String> parameters = new ArrayList<>();

  @Option(
      names = "--wait",
      paramLabel = "DURATION",
      arity = "0..1",
      fallbackValue = "10m",
      description = "How long to wait for the action (default 10m).")
  String wait;

  @Override
  boolean changesModel() {
    return true;
  }

  @Override
  int settle(Session session) {
    return ExitCodes.OK;
  }

  @Override
  int execute(Session session) {
    String target = unit;
    if (unit.endsWith("/leader")) {
      String app = unit.substring(0, unit.length() - "/leader".length());
      ApplicationStatus status = session.runtime().status().applications().get(app);
      if (status == null) {
        throw new NotFoundException("application", app);
      }
      target =
          status.units().values().stream()
              .filter(UnitStatus::leader)
              .map(UnitStatus::name)
              .findFirst()
              .orElseThrow(
                  () ->
                      new dev.bosun.runtime.OperationException(
                          app, "application " + app + " has no leader yet; try again shortly"));
    }
    Map<String, Object> params = new LinkedHashMap<>();
    for (String parameter : parameters) {
      int equals = parameter.indexOf('=');
      if (equals <= 0) {
        throw new UsageException(
            "\"" + parameter + "\" is not KEY=VALUE; give parameters as key=value");
      }
      params.put(parameter.substring(0, equals), yamlValue(parameter.substring(equals + 1)));
    }
    ActionHandle handle = session.runtime().runAction(target, action, params);
    Duration timeout = wait == null ? DEFAULT_SETTLE : Durations.parse(wait, "--wait");
    ActionResult result = handle.await(timeout);
    out().println("Running operation " + handle.id() + " with 1 task");
    out().println("  - task " + handle.id() + " on unit-" + target.replace('/', '-'));
    out().println();
    if (!result.status().isFinished()) {
      err()
          .println(
              "ERROR action "
                  + handle.id()
                  + " did not finish within "
                  + Durations.format(timeout)
                  + " (status "
                  + result.status()
                  + ")");
      return ExitCodes.FAILURE;
    }
    for (String line : result.log()) {
      out().println(line);
    }
    result.results().forEach((key, value) -> out().println(key + ": " + value));
    if (result.status() == ActionStatus.FAILED) {
      err().println("ERROR action " + action + " failed on " + target + ": " + result.message());
      return ExitCodes.FAILURE;
    }
    return ExitCodes.OK;
  }

  /** Parses a parameter value as Juju does: YAML scalars (numbers, booleans) or strings. */
  private static Object yamlValue(String text) {
    if (text.equals("true") || text.equals("false")) {
      return Boolean.parseBoolean(text);
    }
    if (text.matches("-?\\d{1,18}")) {
      return Long.parseLong(text);
    }
    if (text.matches("-?\\d+\\.\\d+")) {
      return Double.parseDouble(text);
    }
    return text;
  }
}
