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

  /**
   * Announces that the service's process is about to exit on its own — an etcd member that is
   * removed from its cluster, say — so that when it does, the supervisor neither restarts it nor
   * warns about it. The service stays known, reported not running once its process is gone, until
   * {@link #stop}, {@link #restart} or {@link #ensure}; an unknown service is ignored. Call {@link
   * #stop} afterwards in the same hook: the expectation is not recorded on disk, and a runner that
   * took over the machine after a crash would restart the service.
   *
   * <pre>{@code
   * ctx.machine().services().expectExit("etcd");
   * admin.remove(memberId); // etcd exits once it learns it was removed
   * ctx.machine().services().stop("etcd");
   * }</pre>
   */
  void expectExit(String name);

  /** Returns a service's state, empty when the machine has no such service. */
  Optional<ServiceStatus> status(String name);
}
