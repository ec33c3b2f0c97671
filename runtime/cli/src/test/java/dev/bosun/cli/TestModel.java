package dev.bosun.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A model directory for CLI tests: every {@link #run} is a fresh in-process {@link Cli} with {@code
 * --model DIR}, agents in deterministic mode ({@code BOSUN_AGENT_THREADS=0}) so hook order and
 * leadership are repeatable.
 */
final class TestModel {
  private final Path directory;
  private final Path workingDirectory;

  TestModel(Path directory) {
    this.directory = directory;
    this.workingDirectory = directory.getParent();
  }

  Path directory() {
    return directory;
  }

  /** Runs {@code bosun --model DIR ARGS...}. */
  CliRun run(String... args) {
    List<String> all = new ArrayList<>(List.of("--model", directory.toString()));
    all.addAll(List.of(args));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Cli.run(
            all.toArray(String[]::new),
            new PrintWriter(out),
            new PrintWriter(err),
            ModelAccess.standalone(workingDirectory, Map.of("BOSUN_AGENT_THREADS", "0")));
    return new CliRun(code, out.toString(), err.toString());
  }

  /**
   * Starts {@code bosun --model DIR ARGS...} on a thread of its own (for commands that run until
   * interrupted); its standard output goes to {@code out}.
   */
  Thread start(java.io.StringWriter out, String... args) {
    List<String> all = new ArrayList<>(List.of("--model", directory.toString()));
    all.addAll(List.of(args));
    Thread thread =
        new Thread(
            () ->
                Cli.run(
                    all.toArray(String[]::new),
                    new PrintWriter(out, true),
                    new PrintWriter(new StringWriter(), true),
                    ModelAccess.standalone(workingDirectory, Map.of("BOSUN_AGENT_THREADS", "0"))),
            "bosun " + String.join(" ", args));
    thread.start();
    return thread;
  }

  /** A test resource as a path. */
  static Path resource(String name) {
    try {
      return Path.of(TestModel.class.getResource("/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Replaces what changes from run to run, and nothing else, keeping column widths: instants
   * ({@code since}) become {@code <instant>}, the status clock time becomes {@code hh:mm:ssZ}.
   * Machine addresses stay: the local substrate hands them out in provisioning order from
   * 127.77.0.1 in every model directory.
   */
  static String normalise(String text) {
    return text.replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z", "<instant>")
        .replaceAll("\\b\\d\\d:\\d\\d:\\d\\dZ", "hh:mm:ssZ");
  }
}
