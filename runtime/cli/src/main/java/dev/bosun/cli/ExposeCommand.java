package dev.bosun.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code bosun expose APP}. */
@Command(name = "expose", mixinStandardHelpOptions = true, header = "Expose an application.")
final class ExposeCommand extends WaitingCommand {

  @Parameters(index = "0", paramLabel = "APP", description = "The application.")
  String application;

  @Override
  int execute(Session session) {
    session.runtime().expose(application);
    return ExitCodes.OK;
  }
}
