package dev.bosun.cli;

import dev.bosun.runtime.NotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bosun destroy [--yes]}: remove everything and delete the model directory. */
@Command(
    name = "destroy",
    mixinStandardHelpOptions = true,
    header =
        "Destroy the model: remove every application, stop every service, delete the directory.",
    description = {
      "",
      "Applications are removed (units run their stop and remove hooks) for up to --timeout;",
      "then every machine is released — its services stopped, its directory deleted — whatever",
      "state its units are in, and the model directory is deleted. Asks for confirmation",
      "unless --yes is given. Refused while a 'bosun controller' holds the model."
    })
final class DestroyCommand extends ModelCommand {

  @Option(
      names = {"-y", "--yes", "--no-prompt"},
      description = "Do not ask for confirmation.")
  boolean yes;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      description = "How long units get to run their removal hooks (default 2m).")
  String timeout = "2m";

  @Override
  boolean changesModel() {
    return true;
  }

  @Override
  Duration waitTimeout() {
    return Durations.parse(timeout, "--timeout");
  }

  @Override
  public Integer call() {
    waitTimeout();
    if (!yes && !access().isAttached()) {
      java.io.Console console = System.console();
      if (console == null) {
        throw new UsageException(
            "destroy removes every application and deletes the model directory; run 'bosun"
                + " destroy --yes' to go ahead");
      }
      String answer = console.readLine("Destroy the model and delete its directory? (y/N): ");
      if (answer == null || !answer.strip().toLowerCase(java.util.Locale.ROOT).startsWith("y")) {
        out().println("Aborted.");
        return ExitCodes.FAILURE;
      }
    }
    return super.call();
  }

  @Override
  int execute(Session session) {
    if (access().isAttached()) {
      throw new ModelBusyException(
          "a bosun controller holds this model; stop it (Ctrl-C, or kill its pid), then run"
              + " 'bosun destroy' again");
    }
    for (String app : List.copyOf(session.runtime().status().applications().keySet())) {
      try {
        session.runtime().removeApplication(app);
      } catch (NotFoundException gone) {
        // A subordinate removed with its principal's relation.
      }
    }
    Progress.settle(session.runtime(), waitTimeout(), null, false);
    return ExitCodes.OK;
  }

  @Override
  int settle(Session session) {
    for (String machine : session.substrate().machineIds()) {
      session.substrate().release(machine);
    }
    return ExitCodes.OK;
  }

  @Override
  void afterClose(ModelDirectory directory, boolean succeeded) {
    if (!succeeded) {
      return;
    }
    try {
      Files2.deleteTree(directory.root());
      for (String suffix : List.of("", "-wal", "-shm")) {
        Files.deleteIfExists(Path.of(directory.database() + suffix));
      }
    } catch (IOException e) {
      throw new UsageException(
          "the model is destroyed but "
              + directory.root()
              + " could not be deleted: "
              + e
              + "; delete it by hand");
    }
    out().println("Model destroyed: " + directory.root() + " deleted.");
  }
}
