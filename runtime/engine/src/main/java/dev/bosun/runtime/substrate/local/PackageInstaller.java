package dev.bosun.runtime.substrate.local;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs a package installation command for the {@link LocalSubstrate}, such as {@code apt-get
 * install -y etcd-server}. The substrate decides whether and what to install; the installer only
 * runs the command, so tests inject one that records the command instead of installing anything.
 *
 * <pre>{@code
 * List<List<String>> commands = new ArrayList<>();
 * LocalSubstrate substrate =
 *     LocalSubstrate.builder(root)
 *         .allowPackageInstallation(true)
 *         .packageInstaller((command, environment, log) -> { commands.add(command); return 0; })
 *         .build();
 * }</pre>
 */
@FunctionalInterface
public interface PackageInstaller {

  /**
   * Runs an installation command to completion.
   *
   * @param command the program and its arguments, for example {@code [apt-get, install, -y,
   *     etcd-server]}
   * @param environment variables to set on top of the current environment, for example {@code
   *     DEBIAN_FRONTEND=noninteractive}
   * @param log the file the command's output is appended to (its directory exists)
   * @return the command's exit status, 0 on success
   */
  int run(List<String> command, Map<String, String> environment, Path log);

  /**
   * Returns the installer that runs the command as a process of this host, with standard input from
   * {@code /dev/null} and its output appended to the log. A command that cannot be run (no {@code
   * apt-get} on this host) or is interrupted yields a non-zero status.
   */
  static PackageInstaller system() {
    return (command, environment, log) -> {
      ProcessBuilder builder = new ProcessBuilder(command);
      builder.environment().putAll(environment);
      builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      builder.redirectErrorStream(true);
      builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      try {
        Files.createDirectories(log.getParent());
        return builder.start().waitFor();
      } catch (IOException e) {
        return 127;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 130;
      }
    };
  }
}
