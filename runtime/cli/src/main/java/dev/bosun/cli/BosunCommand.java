package dev.bosun.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The root {@code bosun} command: prints usage when called without a subcommand. */
@Command(
    name = "bosun",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    header = "Model-driven deployment: bundles, charms, relations, hooks.",
    description = {
      "",
      "Bosun reads Juju bundles and charms, plans the changes a model needs, and drives every",
      "unit's hooks until the model settles.",
      ""
    },
    subcommands = {ValidateCommand.class, DeployCommand.class, HelpCommand.class},
    footer = {"", "Exit codes: 0 ok, 1 failure, 2 bad input."})
final class BosunCommand implements Runnable {

  @Spec private CommandSpec spec;

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Print stack traces of errors.")
  private boolean debug;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
