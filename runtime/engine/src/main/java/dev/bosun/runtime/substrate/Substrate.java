package dev.bosun.runtime.substrate;

import dev.bosun.charm.machine.Machine;
import java.util.Optional;

/**
 * Where machines come from. The runtime provisions a machine for every machine of the model (a
 * machine id such as {@code 3}, or a container such as {@code 3/lxd/0} on machine {@code 3}) and
 * releases it when the model no longer needs it. Units see their machine through {@link Machine}:
 * its address, its root directory, its services and its packages.
 *
 * <p>Implementations are thread-safe.
 */
public interface Substrate extends AutoCloseable {

  /**
   * Provisions a machine, or returns the existing one with that id.
   *
   * @throws SubstrateException when the machine cannot be provisioned (for a container: its parent
   *     does not exist)
   */
  Machine provision(MachineRequest request);

  /** Releases a machine and what runs on it; releasing an unknown machine does nothing. */
  void release(String machineId);

  /** Returns a provisioned machine. */
  Optional<Machine> lookup(String machineId);

  /** Releases the substrate's own resources (not the machines of a durable substrate). */
  @Override
  void close();
}
