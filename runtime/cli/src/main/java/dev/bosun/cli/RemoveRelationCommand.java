package dev.bosun.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code bosun remove-relation A[:EP] B[:EP]} or {@code bosun remove-relation ID}. */
@Command(
    name = "remove-relation",
    mixinStandardHelpOptions = true,
    header = "Remove a relation: every unit departs and breaks it.")
final class RemoveRelationCommand extends WaitingCommand {

  @Parameters(index = "0", paramLabel = "A[:EP]|ID", description = "One side, or a relation id.")
  String first;

  @Parameters(index = "1", arity = "0..1", paramLabel = "B[:EP]", description = "The other side.")
  String second;

  @Override
  int execute(Session session) {
    if (second == null) {
      if (!first.matches("\\d+")) {
        throw new UsageException(
            "remove-relation needs two applications (A[:EP] B[:EP]) or one relation id");
      }
      session.runtime().removeRelation(Integer.parseInt(first));
    } else {
      session.runtime().removeRelation(first, second);
    }
    out().println("removing relation " + (second == null ? first : first + " " + second));
    return ExitCodes.OK;
  }
}
