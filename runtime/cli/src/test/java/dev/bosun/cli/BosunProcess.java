package dev.bosun.cli;

import dev.bosun.testcharms.GreeterCharm;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code bosun} command in a JVM of its own, from the shaded {@code target/bosun.jar} with the
 * test charms added to the class path, its output going to files so it never blocks.
 */
final class BosunProcess {
  private static final Path JAR = Path.of("target", "bosun.jar").toAbsolutePath();

  private final Process process;
  private final Path out;
  private final Path err;

  private BosunProcess(Process process, Path out, Path err) {
    this.process = process;
    this.out = out;
    this.err = err;
  }

  /** Starts {@code bosun --model MODEL ARGS...}. */
  static BosunProcess start(Path model, String... args) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                JAR + File.pathSeparator + testCharms(),
                Main.class.getName(),
                "--model",
                model.toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile("bosun-out", ".txt");
    Path err = Files.createTempFile("bosun-err", ".txt");
    Process process =
        new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    return new BosunProcess(process, out, err);
  }

  /** Runs a command to its end. */
  static CliRun run(Path model, String... args) throws IOException, InterruptedException {
    return start(model, args).await();
  }

  private static String testCharms() {
    try {
      return Path.of(GreeterCharm.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  Process process() {
    return process;
  }

  /** Waits for the process (at most two minutes) and returns what it did. */
  CliRun await() throws IOException, InterruptedException {
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("bosun did not finish within two minutes: " + err());
    }
    return new CliRun(process.exitValue(), out(), err());
  }

  String out() throws IOException {
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  String err() throws IOException {
    return Files.readString(err, StandardCharsets.UTF_8);
  }
}
