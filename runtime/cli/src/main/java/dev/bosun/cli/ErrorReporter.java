package dev.bosun.cli;

import dev.bosun.model.BosunException;
import dev.bosun.model.Problem;
import dev.bosun.model.ValidationException;
import dev.bosun.model.charm.ActionParametersException;
import dev.bosun.model.charm.ConfigException;
import dev.bosun.model.spec.ConstraintsException;
import dev.bosun.model.spec.PlacementException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions into what a CLI user should see: one line per problem for invalid input, {@code
 * ERROR <message>} otherwise, never a stack trace unless {@code --debug} was given, and the exit
 * code of {@link ExitCodes}.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {

  @Override
  public int handleExecutionException(
      Exception exception, CommandLine commandLine, ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    if (exception instanceof ValidationException invalid) {
      for (Problem problem : invalid.problems()) {
        err.println(problem);
      }
      err.println(summary(invalid));
    } else if (exception instanceof dev.bosun.runtime.NotFoundException notFound) {
      err.println(
          "ERROR "
              + notFound.getMessage()
              + "; run 'bosun status' to see the model's applications and units");
    } else if (exception instanceof BosunException bosun) {
      err.println("ERROR " + bosun.getMessage());
    } else {
      err.println(
          "ERROR internal error: "
              + exception
              + (debug(parseResult) ? "" : " (run again with --debug to see the stack trace)"));
    }
    if (debug(parseResult)) {
      exception.printStackTrace(err);
    }
    err.flush();
    return exitCode(exception);
  }

  @Override
  public int handleParseException(ParameterException exception, String[] args) {
    CommandLine commandLine = exception.getCommandLine();
    PrintWriter err = commandLine.getErr();
    err.println("ERROR " + exception.getMessage());
    err.println("Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for usage.");
    err.flush();
    return ExitCodes.BAD_INPUT;
  }

  /** Returns the exit code for an exception: bad input or failure. */
  static int exitCode(Throwable exception) {
    boolean badInput =
        exception instanceof ValidationException
            || exception instanceof UsageException
            || exception instanceof ConstraintsException
            || exception instanceof PlacementException
            || exception instanceof ConfigException
            || exception instanceof ActionParametersException
            || exception instanceof dev.bosun.runtime.NotFoundException
            || exception instanceof dev.bosun.charm.CharmNotFoundException
            || exception instanceof dev.bosun.model.spec.ModelSpecException
            || exception instanceof dev.bosun.model.graph.RelationException
            || exception instanceof dev.bosun.model.plan.PlanException;
    return badInput ? ExitCodes.BAD_INPUT : ExitCodes.FAILURE;
  }

  private static String summary(ValidationException invalid) {
    int errors = invalid.errors().size();
    int warnings = invalid.warnings().size();
    return String.format(
        "%d error%s%s",
        errors,
        errors == 1 ? "" : "s",
        warnings == 0 ? "" : String.format(", %d warning%s", warnings, warnings == 1 ? "" : "s"));
  }

  /** Whether {@code --debug} was given on the command or any of its subcommands. */
  static boolean debug(ParseResult parseResult) {
    for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
      if (level.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }
}
