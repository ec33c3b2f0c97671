package dev.bosun.cli;

import dev.bosun.runtime.RelationStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code bosun integrate A[:EP] B[:EP]}. */
@Command(
    name = "integrate",
    aliases = "relate",
    mixinStandardHelpOptions = true,
    header = "Relate two applications.",
    description = {"", "Endpoints left out are inferred from the charms, as Juju infers them."})
final class IntegrateCommand extends WaitingCommand {

  @Parameters(index = "0", paramLabel = "A[:EP]", description = "One side.")
  String first;

  @Parameters(index = "1", paramLabel = "B[:EP]", description = "The other side.")
  String second;

  @Override
  int execute(Session session) {
    RelationStatus relation = session.runtime().integrate(first, second);
    out()
        .println("added relation " + relation.id() + ": " + String.join(" ", relation.endpoints()));
    return ExitCodes.OK;
  }
}
