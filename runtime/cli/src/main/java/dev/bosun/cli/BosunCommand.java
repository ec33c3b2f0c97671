package dev.bosun.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The root {@code bosun} command: global options; prints usage when called without a subcommand.
 * Its subcommands are registered by {@link Cli} from {@link Verbs}, only the one invoked when the
 * command line names it.
 */
@Command(
    name = "bosun",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    header = "Model-driven deployment: bundles, charms, relations, hooks.",
    description = {
      "",
      "Bosun reads Juju bundles and charms, plans the changes a model needs, and drives every",
      "unit's hooks until the model settles. The model lives in a directory (--model, else",
      "$BOSUN_MODEL, else ./.bosun): its state in model.db, its machines under machines/.",
      ""
    },
    footer = {"", "Exit codes: 0 ok, 1 failure, 2 bad input."})
final class BosunCommand implements Runnable {

  @Spec private CommandSpec spec;

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Print stack traces of errors.")
  boolean debug;

  @Option(
      names = "--model",
      paramLabel = "DIR",
      scope = ScopeType.INHERIT,
      description = "The model directory (default: $BOSUN_MODEL, else ./.bosun).")
  Path model;

  @Option(
      names = "--store",
      paramLabel = "URI",
      scope = ScopeType.INHERIT,
      description =
          "Where the model's state lives: sqlite:PATH (default: sqlite:<model>/model.db)."
              + " etcd:// and zk:// are not supported yet.")
  String store;

  /** Set by {@link Cli}: how this invocation reaches the model. */
  ModelAccess access;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
