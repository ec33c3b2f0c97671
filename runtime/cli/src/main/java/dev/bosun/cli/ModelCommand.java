package dev.bosun.cli;

import dev.bosun.charm.CharmCatalog;
import dev.bosun.charm.CharmDefinition;
import dev.bosun.model.plan.ApplicationState;
import dev.bosun.runtime.SettleResult;
import dev.bosun.runtime.UnitStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A command that works on the model: {@link ModelAccess} opens it (or reaches the process holding
 * it) and calls {@link #execute}; a command that {@link #changesModel changes the model} then
 * drives it until it settles ({@link #settle}).
 */
abstract class ModelCommand implements Callable<Integer> {
  /** How long a command that changed the model drives it without {@code --wait}. */
  static final Duration DEFAULT_SETTLE = Duration.ofMinutes(10);

  @Spec CommandSpec spec;

  @ParentCommand BosunCommand root;

  /** Whether the command changes the model. */
  abstract boolean changesModel();

  /** Does the work against an open model. */
  abstract int execute(Session session);

  /** Whether the command may create a model that does not exist yet. */
  boolean createsModel() {
    return false;
  }

  /** Whether this is {@code bosun controller}. */
  boolean isController() {
    return false;
  }

  /** Whether the runtime runs agents (a command that changes the model, a controller). */
  boolean drives() {
    return changesModel() || isController();
  }

  /** Whether the user asked to wait for the model to settle ({@code --wait}). */
  boolean waitRequested() {
    return false;
  }

  /** How long to wait for the model to settle. */
  Duration waitTimeout() {
    return DEFAULT_SETTLE;
  }

  /** Directories given with {@code --charm-dir} on this command (none by default). */
  List<Path> charmDirectories() {
    return List.of();
  }

  /**
   * Runs after the session, the lease and the store are closed, when this process held the model
   * (destroy deletes the model).
   *
   * @param succeeded whether the command returned {@link ExitCodes#OK}
   */
  void afterClose(ModelDirectory directory, boolean succeeded) {}

  String name() {
    return spec.name();
  }

  @Override
  public Integer call() {
    return access().run(this, spec.root().commandLine().getParseResult(), out(), err());
  }

  ModelAccess access() {
    return root.access;
  }

  PrintWriter out() {
    return capturedOut != null ? capturedOut : spec.commandLine().getOut();
  }

  PrintWriter err() {
    return capturedErr != null ? capturedErr : spec.commandLine().getErr();
  }

  private PrintWriter capturedOut;
  private PrintWriter capturedErr;

  /**
   * Runs the command once with its output going to the given writers (for commands that repeat,
   * such as {@code status --watch}, which print only what changed).
   */
  int runCaptured(PrintWriter out, PrintWriter err) {
    capturedOut = out;
    capturedErr = err;
    try {
      return access().run(this, spec.root().commandLine().getParseResult(), out, err);
    } finally {
      capturedOut = null;
      capturedErr = null;
      out.flush();
      err.flush();
    }
  }

  /** What one captured run of a repeating command printed, and its exit code. */
  record Round(String out, String err, int code) {}

  /**
   * Runs the command again and again until it fails or the thread is interrupted (Ctrl-C): each
   * round's output is captured and handed to {@code show}, which prints what the user should see of
   * it; then both writers are flushed and the command waits {@code interval}. Returns the exit code
   * of a failed round, or 0 when interrupted.
   */
  int repeatUntilInterrupted(Duration interval, Consumer<Round> show) {
    while (!Thread.currentThread().isInterrupted()) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code;
      try (PrintWriter o = new PrintWriter(out);
          PrintWriter e = new PrintWriter(err)) {
        code = runCaptured(o, e);
      }
      show.accept(new Round(out.toString(), err.toString(), code));
      out().flush();
      err().flush();
      if (code != ExitCodes.OK) {
        return code;
      }
      try {
        Thread.sleep(interval.toMillis());
      } catch (InterruptedException e) {
        return ExitCodes.OK;
      }
    }
    return ExitCodes.OK;
  }

  /** Resolves a path the user gave against the user's working directory. */
  Path file(Path path) {
    return access().resolve(path);
  }

  /**
   * Builds the charms the model may use: the built-in charms, the charm directories recorded in the
   * model directory and those given with {@code --charm-dir}. A directory charm that cannot be
   * loaded (metadata only) is left out; deploying it fails with a clear message.
   */
  CharmCatalog catalog(ModelDirectory directory) {
    ClassLoader loader = ModelCommand.class.getClassLoader();
    CharmCatalog.Builder builder = CharmCatalog.builder().discover(loader);
    List<Path> directories = new ArrayList<>(directory.charmDirectories());
    for (Path given : charmDirectories()) {
      directories.add(file(given));
    }
    for (Path charmDirectory : directories) {
      for (Path charm : CharmDirectories.charms(charmDirectory)) {
        CharmDirectories.load(charm, loader).ifPresent(builder::replace);
      }
    }
    return builder.build();
  }

  /**
   * Drives the model until it settles or the wait ends, showing progress when the user asked to
   * wait, and reports units in error.
   *
   * @return {@link ExitCodes#OK} when the model settled with no unit in error, else {@link
   *     ExitCodes#FAILURE}
   */
  int settle(Session session) {
    SettleResult result =
        Progress.settle(
            session.runtime(), waitTimeout(), waitRequested() ? out() : null, access().terminal());
    if (!result.errors().isEmpty()) {
      result
          .errors()
          .forEach(
              (unit, message) -> err().println("ERROR unit " + unit + " is in error: " + message));
      err()
          .println(
              "Fix the cause, then run 'bosun resolve "
                  + String.join(" ", result.errors().keySet())
                  + "' (or 'bosun show-status-log UNIT' and 'bosun debug-log' to see what failed).");
      return ExitCodes.FAILURE;
    }
    if (!result.settled()) {
      err()
          .println(
              "ERROR the model did not settle within "
                  + Durations.format(waitTimeout())
                  + "; still busy: "
                  + result.pending()
                  + ". Run 'bosun wait' to keep driving it, or 'bosun status' to look.");
      return ExitCodes.FAILURE;
    }
    if (waitRequested()) {
      out().println("Model settled.");
    }
    warnBlocked(session);
    return ExitCodes.OK;
  }

  /**
   * Names the units the model settled with blocked — Juju's status for "needs you to act" (a
   * missing relation, a port another process holds) — with their messages, on standard error: the
   * model did settle, and nothing more happens until someone acts on them.
   */
  private void warnBlocked(Session session) {
    List<UnitStatus> blocked =
        session.runtime().status().units().values().stream()
            .filter(unit -> "blocked".equals(unit.workload().current()))
            .sorted(Comparator.comparing(UnitStatus::name, ApplicationState.UNIT_ORDER))
            .toList();
    if (blocked.isEmpty()) {
      return;
    }
    err()
        .println(
            blocked.size() == 1
                ? "WARNING 1 unit is blocked and waits for you to act on its message:"
                : "WARNING "
                    + blocked.size()
                    + " units are blocked and wait for you to act on their messages:");
    for (UnitStatus unit : blocked) {
      err().println("  " + unit.name() + ": " + unit.workload().message());
    }
    err().flush();
  }

  /** Charm definitions that exist as directories: found by metadata, loaded when they have code. */
  static final class CharmDirectories {
    private CharmDirectories() {}

    static List<Path> charms(Path directory) {
      if (!Files.isDirectory(directory)) {
        throw new UsageException(
            "charm directory "
                + directory
                + " does not exist; --charm-dir needs a directory holding one charm per"
                + " subdirectory");
      }
      if (Files.isRegularFile(directory.resolve("metadata.yaml"))) {
        return List.of(directory);
      }
      List<Path> found = new ArrayList<>();
      try (var entries = Files.list(directory)) {
        entries
            .filter(path -> Files.isRegularFile(path.resolve("metadata.yaml")))
            .sorted()
            .forEach(found::add);
      } catch (java.io.IOException e) {
        throw new UsageException("cannot read charm directory " + directory + ": " + e);
      }
      return found;
    }

    static java.util.Optional<CharmDefinition> load(Path charm, ClassLoader loader) {
      if (!Files.isRegularFile(charm.resolve("bosun.yaml"))) {
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(CharmDefinition.fromDirectory(charm, loader));
    }
  }
}
