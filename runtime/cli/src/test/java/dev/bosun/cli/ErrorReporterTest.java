package dev.bosun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bosun.model.BosunException;
import dev.bosun.model.Location;
import dev.bosun.model.Problem;
import dev.bosun.model.bundle.BundleException;
import dev.bosun.model.spec.ConstraintsException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

class ErrorReporterTest {

  @Test
  void mapsBadInputToTwoAndOtherFailuresToOne() {
    assertThat(ErrorReporter.exitCode(new UsageException("x"))).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(ErrorReporter.exitCode(new ConstraintsException("mem=x", "bad")))
        .isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(
            ErrorReporter.exitCode(
                new BundleException(List.of(Problem.error(new Location("b.yaml", 1, 1), "x")))))
        .isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(ErrorReporter.exitCode(new BosunException("hook failed")))
        .isEqualTo(ExitCodes.FAILURE);
    assertThat(ErrorReporter.exitCode(new IllegalStateException("bug")))
        .isEqualTo(ExitCodes.FAILURE);
  }

  @Test
  void printsNoStackTraceUnlessDebugIsGiven() {
    String plain = runFailing();
    String debug = runFailing("--debug");

    assertThat(plain)
        .isEqualTo(
            "ERROR internal error: java.lang.IllegalStateException: boom (run again with --debug"
                + " to see the stack trace)"
                + System.lineSeparator());
    assertThat(debug).contains("at dev.bosun.cli.ErrorReporterTest$Failing.call");
  }

  private static String runFailing(String... args) {
    StringWriter err = new StringWriter();
    ErrorReporter reporter = new ErrorReporter();
    int code =
        new CommandLine(new Failing())
            .setErr(new PrintWriter(err))
            .setExecutionExceptionHandler(reporter)
            .setExitCodeExceptionMapper(ErrorReporter::exitCode)
            .execute(args);
    assertThat(code).isEqualTo(ExitCodes.FAILURE);
    return err.toString();
  }

  @Command(name = "failing")
  static final class Failing implements Callable<Integer> {
    @Option(names = "--debug")
    boolean debug;

    @Override
    public Integer call() {
      throw new IllegalStateException("boom");
    }
  }
}
