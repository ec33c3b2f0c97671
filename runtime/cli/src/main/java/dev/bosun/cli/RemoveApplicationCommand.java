package dev.bosun.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code bosun remove-application APP}. */
@Command(
    name = "remove-application",
    mixinStandardHelpOptions = true,
    header = "Remove an application with its units and relations.")
final class RemoveApplicationCommand extends WaitingCommand {

  @Parameters(index = "0", paramLabel = "APP", description = "The application.")
  String application;

  @Override
  int execute(Session session) {
    session.runtime().removeApplication(application);
    out().println("will remove application " + application);
    return ExitCodes.OK;
  }
}
