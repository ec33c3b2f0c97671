package dev.bosun.charm.machine;

import java.util.Optional;

/**
 * The long-running processes of a machine, supervised by Bosun: restarted with backoff when they
 * crash, logging to the machine's {@code var/log/<service>.log}, stopped when their unit goes.
 */
public interface Services {

  /**
   * Makes the service run as specified: starts it if it is not running, restarts it if its
   * specification changed, and leaves it alone otherwise.
   */
  void ensure(ServiceSpec spec);

  /** Restarts a service. */
  void restart(String name);

  /** Stops a service and forgets it; stopping an unknown service does nothing. */
  void stop(String name);

  /** Returns a service's state, empty when the machine has no such service. */
  Optional<ServiceStatus> status(String name);
}
