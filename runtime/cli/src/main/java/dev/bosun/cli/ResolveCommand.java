package dev.bosun.cli;

import dev.bosun.runtime.ResolveMode;
import dev.bosun.runtime.UnitStatus;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bosun resolve UNIT... [--all] [--no-retry]}. */
@Command(
    name = "resolve",
    aliases = "resolved",
    mixinStandardHelpOptions = true,
    header = "Get units out of a hook error.",
    description = {
      "",
      "Runs the failed hook again, or with --no-retry marks it as done (its changes are lost)",
      "and carries on. --all resolves every unit in error."
    })
final class ResolveCommand extends WaitingCommand {

  @Parameters(arity = "0..*", paramLabel = "UNIT", description = "Units in error.")
  List<String> units = new ArrayList<>();

  @Option(names = "--all", description = "Resolve every unit in error.")
  boolean all;

  @Option(names = "--no-retry", description = "Do not run the failed hook again.")
  boolean noRetry;

  @Override
  int execute(Session session) {
    List<String> targets = new ArrayList<>(units);
    if (all) {
      if (!units.isEmpty()) {
        throw new UsageException("give units or --all, not both");
      }
      for (UnitStatus unit : session.runtime().status().units().values()) {
        if (unit.workload().current().equals("error")) {
          targets.add(unit.name());
        }
      }
      if (targets.isEmpty()) {
        out().println("no unit is in error");
        return ExitCodes.OK;
      }
    } else if (targets.isEmpty()) {
      throw new UsageException("give the units to resolve (or --all)");
    }
    for (String unit : targets) {
      session.runtime().resolve(unit, noRetry ? ResolveMode.NO_RETRY : ResolveMode.RETRY);
      out().println("resolved " + unit);
    }
    return ExitCodes.OK;
  }
}
