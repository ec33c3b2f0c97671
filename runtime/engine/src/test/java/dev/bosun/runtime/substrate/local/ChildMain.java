package dev.bosun.runtime.substrate.local;

import dev.bosun.charm.machine.Machine;
import dev.bosun.charm.machine.ServiceSpec;
import dev.bosun.runtime.substrate.MachineRequest;
import java.nio.file.Path;

/**
 * Run in a child JVM by the durability test, like one CLI invocation: opens the substrate over
 * {@code args[0]}, provisions machine 0, ensures a service, prints its pid and exits.
 */
public final class ChildMain {
  private ChildMain() {}

  /** Runs the invocation. */
  public static void main(String[] args) {
    try (LocalSubstrate substrate = LocalSubstrate.open(Path.of(args[0]))) {
      Machine machine = substrate.provision(MachineRequest.of("0"));
      machine.services().ensure(ServiceSpec.of("sleeper", "sleep", "600"));
      System.out.println(machine.services().status("sleeper").orElseThrow().pid());
    }
    System.exit(0);
  }
}
