package dev.bosun.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The outcome of one in-process {@code bosun} invocation: exit code and both output streams.
 *
 * @param exitCode the exit code
 * @param out standard output
 * @param err standard error
 */
record CliRun(int exitCode, String out, String err) {

  /** Runs the command in-process. */
  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
    return new CliRun(code, out.toString(), err.toString());
  }

  /** Returns standard output as lines. */
  List<String> outLines() {
    return lines(out);
  }

  /** Returns standard error as lines. */
  List<String> errLines() {
    return lines(err);
  }

  private static List<String> lines(String text) {
    return text.isEmpty() ? List.of() : Arrays.asList(text.split("\\R"));
  }

  /** The repository root: the nearest directory up from here holding charms/ and bundles/. */
  static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("charms")) && Files.isDirectory(dir.resolve("bundles"))) {
        return dir;
      }
    }
    throw new IllegalStateException("run the tests inside the Bosun repository");
  }
}
