package dev.bosun.runtime.substrate.local;

import dev.bosun.charm.machine.ServiceSpec;
import dev.bosun.runtime.substrate.SubstrateException;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts service processes detached from the JVM.
 *
 * <p>With {@code setsid} (util-linux) the JVM runs a short-lived shell that runs {@code setsid
 * --fork /bin/sh -c SERVICE}: {@code setsid} forks and exits at once; its forked child leads a new
 * session (no controlling terminal, no hang-up when a terminal closes), prints its pid and {@code
 * exec}s the service with standard input from {@code /dev/null} and standard output and error
 * appended to the log. The launching shell passes the pid on to the JVM and exits, so nothing of
 * the service is the JVM's child (no JDK reaper thread per service): the service keeps that pid, is
 * re-parented to init, and keeps running when the JVM exits.
 *
 * <p>Without {@code setsid} (not Linux) the service is the JVM's direct child with the same
 * redirections; it still outlives the JVM but shares its session.
 */
final class ProcessLauncher {
  /**
   * Run by the JVM's child: runs {@code setsid --fork} on the service script, collects the pid the
   * script prints and prints it. The JVM's child must print the pid itself before it exits: the JDK
   * drains and closes a child's output pipe when the child exits, so a pid printed later by a
   * grandchild could be lost.
   */
  private static final String LAUNCHER =
      "setsid=$1; service=$2; shift 2; pid=$(\"$setsid\" --fork /bin/sh -c \"$service\""
          + " bosun-service \"$@\") || exit 1; echo \"$pid\"";

  /**
   * Run by the service's session leader: prints its own pid, then becomes the service with standard
   * input from {@code /dev/null} and its output appended to the log.
   */
  private static final String SERVICE =
      "log=$1; shift; echo $$; exec \"$@\" </dev/null >>\"$log\" 2>&1";

  private static final File NULL_DEVICE = new File("/dev/null");

  private final Path setsid;
  private final Path shell;

  private ProcessLauncher(Path setsid, Path shell) {
    this.setsid = setsid;
    this.shell = shell;
  }

  /** Returns a launcher that uses {@code setsid} when this host has it. */
  static ProcessLauncher detect() {
    Path shell = Path.of("/bin/sh");
    for (String candidate : List.of("/usr/bin/setsid", "/bin/setsid")) {
      Path setsid = Path.of(candidate);
      if (Files.isExecutable(setsid) && Files.isExecutable(shell)) {
        return new ProcessLauncher(setsid, shell);
      }
    }
    return new ProcessLauncher(null, null);
  }

  /**
   * Starts a service.
   *
   * @param machineId the machine, for messages
   * @param spec the service
   * @param workingDirectory its working directory (created when missing)
   * @param log the file its output is appended to
   * @param reason why it starts, written to the log
   * @return the identity of its process
   * @throws SubstrateException when its program cannot be found or the process cannot start
   */
  ProcessIdentity launch(
      String machineId, ServiceSpec spec, Path workingDirectory, Path log, String reason) {
    ProcessBuilder builder = new ProcessBuilder();
    builder.environment().putAll(spec.environment());
    try {
      Files.createDirectories(workingDirectory);
      Files.createDirectories(log.getParent());
    } catch (IOException e) {
      throw failure(machineId, spec, "cannot create " + workingDirectory + " or " + log + ": " + e);
    }
    String program = spec.command().get(0);
    if (resolve(program, workingDirectory, builder.environment().get("PATH")) == null) {
      throw failure(
          machineId,
          spec,
          program.contains("/")
              ? program + " is not an executable file (relative to " + workingDirectory + ")"
              : program
                  + " is not on PATH ("
                  + builder.environment().getOrDefault("PATH", "")
                  + "): install it (the charm can call machine.packages().ensure) or give its"
                  + " absolute path");
    }
    appendHeader(log, spec, reason);
    builder.directory(workingDirectory.toFile());
    builder.redirectInput(ProcessBuilder.Redirect.from(NULL_DEVICE));
    builder.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
    if (setsid == null) {
      builder.command(spec.command());
      builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      try {
        return identify(builder.start().pid());
      } catch (IOException e) {
        throw failure(machineId, spec, e.toString());
      }
    }
    List<String> command = new ArrayList<>();
    command.add(shell.toString());
    command.add("-c");
    command.add(LAUNCHER);
    command.add("bosun-launcher");
    command.add(setsid.toString());
    command.add(SERVICE);
    command.add(log.toString());
    command.addAll(spec.command());
    builder.command(command);
    builder.redirectOutput(ProcessBuilder.Redirect.PIPE);
    Process launcher;
    try {
      launcher = builder.start();
    } catch (IOException e) {
      throw failure(machineId, spec, "cannot run " + setsid + ": " + e);
    }
    String line;
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(launcher.getInputStream(), StandardCharsets.US_ASCII))) {
      line = reader.readLine();
    } catch (IOException e) {
      line = null;
    }
    awaitLauncher(launcher);
    long pid;
    try {
      pid = line == null ? -1 : Long.parseLong(line.trim());
    } catch (NumberFormatException e) {
      pid = -1;
    }
    if (pid <= 0) {
      throw failure(
          machineId,
          spec,
          "the launcher exited without reporting the process id" + tail(log) + "; see " + log);
    }
    return identify(pid);
  }

  private static void awaitLauncher(Process launcher) {
    try {
      if (!launcher.waitFor(10, TimeUnit.SECONDS)) {
        launcher.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ProcessIdentity identify(long pid) {
    ProcessIdentity identity = ProcessIdentity.of(pid);
    // Exited already: the supervisor sees it as crashed.
    return identity != null ? identity : new ProcessIdentity(pid, null, null, -1);
  }

  /**
   * Resolves a program as {@code execvp} would: a name with a slash relative to the working
   * directory, any other name on {@code PATH}.
   *
   * @return the executable, or null when there is none
   */
  static Path resolve(String program, Path workingDirectory, String path) {
    if (program.contains("/")) {
      Path candidate = workingDirectory.resolve(program);
      return Files.isRegularFile(candidate) && Files.isExecutable(candidate) ? candidate : null;
    }
    if (path == null) {
      return null;
    }
    for (String directory : path.split(File.pathSeparator, -1)) {
      Path candidate =
          (directory.isEmpty() ? workingDirectory : workingDirectory.resolve(directory))
              .resolve(program);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static void appendHeader(Path log, ServiceSpec spec, String reason) {
    String header =
        "---- "
            + Instant.now()
            + " bosun: starting service "
            + spec.name()
            + " ("
            + reason
            + "): "
            + String.join(" ", spec.command())
            + System.lineSeparator();
    try {
      Files.writeString(
          log,
          header,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND,
          StandardOpenOption.WRITE);
    } catch (IOException e) {
      // The log itself is then unusable and starting reports it.
    }
  }

  /** Returns the last lines of the log, for a message. */
  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      List<String> last = lines.subList(Math.max(0, lines.size() - 3), lines.size());
      return last.isEmpty() ? "" : " (" + String.join(" / ", last).strip() + ")";
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private static SubstrateException failure(String machineId, ServiceSpec spec, String why) {
    return new SubstrateException(
        machineId, "cannot start service " + spec.name() + " on machine " + machineId + ": " + why);
  }
}
