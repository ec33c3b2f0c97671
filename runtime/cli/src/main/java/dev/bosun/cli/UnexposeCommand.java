package dev.bosun.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code bosun unexpose APP}. */
@Command(name = "unexpose", mixinStandardHelpOptions = true, header = "Unexpose an application.")
final class UnexposeCommand extends WaitingCommand {

  @Parameters(index = "0", paramLabel = "APP", description = "The application.")
  String application;

  @Override
  int execute(Session session) {
    session.runtime().unexpose(application);
    return ExitCodes.OK;
  }
}
