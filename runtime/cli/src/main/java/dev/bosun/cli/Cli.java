package dev.bosun.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Builds the {@code bosun} command line and runs it; tests call {@link #run(String[], PrintWriter,
 * PrintWriter)}.
 */
public final class Cli {
  private Cli() {}

  /**
   * Runs the command with the process's standard output and error; a command that runs hooks has
   * the charms' {@link dev.bosun.charm.WarmUp}s run in the background while it starts up.
   */
  public static int run(String[] args) {
    WarmUps.start(args, Cli.class.getClassLoader());
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    return run(
        args,
        out,
        err,
        ModelAccess.standalone(Path.of(""), System.getenv()).terminal(System.console() != null));
  }

  /**
   * Runs the command, writing to the given streams, with the process's environment and working
   * directory.
   *
   * @return the exit code: {@link ExitCodes#OK}, {@link ExitCodes#FAILURE} or {@link
   *     ExitCodes#BAD_INPUT}
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, ModelAccess.standalone(Path.of(""), System.getenv()));
  }

  /** Runs the command with the given access to the model. */
  static int run(String[] args, PrintWriter out, PrintWriter err, ModelAccess access) {
    ErrorReporter reporter = new ErrorReporter();
    BosunCommand root = new BosunCommand();
    root.access = access;
    access.args(args);
    CommandLine commandLine = new CommandLine(root);
    // Registered before the settings below, which apply to the subcommands present when set.
    for (Class<?> verb : Verbs.needed(args)) {
      commandLine.addSubcommand(verb);
    }
    commandLine
        .setOut(out)
        .setErr(err)
        .setExecutionExceptionHandler(reporter)
        .setParameterExceptionHandler(reporter)
        .setExitCodeExceptionMapper(ErrorReporter::exitCode);
    reflow(commandLine);
    int code = commandLine.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /**
   * Joins the lines of each paragraph of every registered command's description, so picocli wraps a
   * paragraph at its usage width instead of breaking each source line on its own.
   */
  private static void reflow(CommandLine commandLine) {
    CommandLine.Model.UsageMessageSpec usage = commandLine.getCommandSpec().usageMessage();
    usage.description(paragraphs(usage.description()));
    commandLine.getSubcommands().values().forEach(Cli::reflow);
  }

  /**
   * Joins consecutive non-empty lines with a space; an empty line separates paragraphs and stays.
   */
  static String[] paragraphs(String[] lines) {
    List<String> joined = new ArrayList<>();
    StringBuilder paragraph = null;
    for (String line : lines) {
      if (line.isBlank()) {
        if (paragraph != null) {
          joined.add(paragraph.toString());
          paragraph = null;
        }
        joined.add(line);
      } else if (paragraph == null) {
        paragraph = new StringBuilder(line.strip());
      } else {
        paragraph.append(' ').append(line.strip());
      }
    }
    if (paragraph != null) {
      joined.add(paragraph.toString());
    }
    return joined.toArray(new String[0]);
  }
}
