package dev.bosun.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code bosun remove-unit UNIT...}. */
@Command(
    name = "remove-unit",
    mixinStandardHelpOptions = true,
    header = "Remove units.",
    description = {
      "",
      "Each unit departs its relations, stops and is removed, with its subordinates; a machine",
      "left empty is released (its services stopped, its directory deleted)."
    })
final class RemoveUnitCommand extends WaitingCommand {

  @Parameters(arity = "1..*", paramLabel = "UNIT", description = "Units, as app/N.")
  List<String> units;

  @Override
  int execute(Session session) {
    for (String unit : units) {
      if (!unit.matches("[a-z][a-z0-9-]*/\\d+")) {
        throw new UsageException(
            "\"" + unit + "\" is not a unit name; give units as application/number, e.g. etcd/1");
      }
    }
    session.runtime().removeUnits(units.toArray(String[]::new));
    for (String unit : units) {
      out().println("removing unit " + unit);
    }
    return ExitCodes.OK;
  }
}
