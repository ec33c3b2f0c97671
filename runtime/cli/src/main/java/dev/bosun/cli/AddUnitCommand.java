package dev.bosun.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bosun add-unit APP [-n N] [--to PLACEMENT,...]}. */
@Command(
    name = "add-unit",
    mixinStandardHelpOptions = true,
    header = "Add units to an application.",
    description = {
      "",
      "Each unit goes to the machine named by the next --to directive (a machine number, lxd:N,",
      "lxd, app/N or new); the rest go to new machines. Then drives the model until it settles."
    })
final class AddUnitCommand extends WaitingCommand {

  @Parameters(index = "0", paramLabel = "APP", description = "The application.")
  String application;

  @Option(
      names = {"-n", "--num-units"},
      paramLabel = "N",
      description = "How many units to add (default 1).")
  int count = 1;

  @Option(
      names = "--to",
      paramLabel = "PLACEMENT",
      split = ",",
      description = "Placement directives, comma-separated or repeated.")
  List<String> placements = new ArrayList<>();

  @Override
  int execute(Session session) {
    if (count < 1) {
      throw new UsageException("-n must be at least 1, got " + count);
    }
    List<String> added = session.runtime().addUnits(application, count, placements);
    for (String unit : added) {
      out().println("added unit " + unit);
    }
    return ExitCodes.OK;
  }
}
