package dev.bosun.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Builds the {@code bosun} command line and runs it; tests call {@link #run(String[], PrintWriter,
 * PrintWriter)}.
 */
public final class Cli {
  private Cli() {}

  /** Runs the command with the process's standard output and error. */
  public static int run(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    return run(args, out, err);
  }

  /**
   * Runs the command, writing to the given streams.
   *
   * @return the exit code: {@link ExitCodes#OK}, {@link ExitCodes#FAILURE} or {@link
   *     ExitCodes#BAD_INPUT}
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    ErrorReporter reporter = new ErrorReporter();
    CommandLine commandLine =
        new CommandLine(new BosunCommand())
            .setOut(out)
            .setErr(err)
            .setExecutionExceptionHandler(reporter)
            .setParameterExceptionHandler(reporter)
            .setExitCodeExceptionMapper(ErrorReporter::exitCode);
    int code = commandLine.execute(args);
    out.flush();
    err.flush();
    return code;
  }
}
