package dev.bosun.charm.machine;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * What to run as a service.
 *
 * @param name the service name, unique on the machine
 * @param command the program and its arguments
 * @param environment extra environment variables
 * @param workingDirectory the working directory relative to the machine root, or empty for the root
 */
public record ServiceSpec(
    String name, List<String> command, Map<String, String> environment, String workingDirectory) {

  /** Checks and copies the components. */
  public ServiceSpec {
    requireNonNull(name, "name");
    command = List.copyOf(command);
    if (command.isEmpty()) {
      throw new IllegalArgumentException("service " + name + " needs a command");
    }
    environment = Map.copyOf(environment);
    requireNonNull(workingDirectory, "workingDirectory");
  }

  /** Returns a service that runs a command in the machine root with no extra environment. */
  public static ServiceSpec of(String name, String... command) {
    return new ServiceSpec(name, List.of(command), Map.of(), "");
  }
}
