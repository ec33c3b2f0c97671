package dev.bosun.cli;

import dev.bosun.charm.CharmCatalog;
import dev.bosun.runtime.Runtime;
import dev.bosun.runtime.RuntimeSettings;
import dev.bosun.runtime.store.Store;
import dev.bosun.runtime.substrate.local.LocalSubstrate;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A model opened by the process that holds its controller lease: the store, the local substrate
 * rooted at {@code <model>/machines}, and a {@link Runtime} driving the agents on a thread pool.
 * Closing it stops the agents and the supervisor; services keep running.
 */
final class Session implements AutoCloseable {
  /** How often a leader renews its lease while a process drives the model (Juju's 30 s). */
  static final Duration LEADERSHIP_RENEWAL = Duration.ofSeconds(30);

  /**
   * How long leadership outlives the process that last drove the model. Between two commands no
   * agent runs, so Juju's 60 s lease would drop every leader a minute after each command and elect
   * new ones (running leader hooks) at the next; with the CLI every agent of a model lives in the
   * one process that holds the controller lease, so a leader only loses leadership when its unit is
   * removed, as in a Juju model whose agents stay up.
   */
  static final Duration LEADERSHIP_LEASE = Duration.ofDays(7);

  private final ModelDirectory directory;
  private final Store store;
  private final CharmCatalog charms;
  private final LocalSubstrate substrate;
  private final Runtime runtime;
  private final boolean controller;

  private Session(
      ModelDirectory directory,
      Store store,
      CharmCatalog charms,
      LocalSubstrate substrate,
      Runtime runtime,
      boolean controller) {
    this.directory = directory;
    this.store = store;
    this.charms = charms;
    this.substrate = substrate;
    this.runtime = runtime;
    this.controller = controller;
  }

  /**
   * Opens the model's substrate and runtime over an open store.
   *
   * @param drives whether agents run on threads of their own (a command that changes the model, a
   *     controller); otherwise the runtime is deterministic and runs no hook unless asked to
   *     settle, so a command that only reads the model never drives it
   * @param addressRange the loopback range new machines take addresses from, when not the default
   */
  static Session open(
      ModelDirectory directory,
      Store store,
      CharmCatalog charms,
      boolean controller,
      int threads,
      java.util.Optional<String> addressRange) {
    // A charm's missing Debian package is installed when bosun runs as root (the substrate checks
    // that); otherwise the unit is blocked with the apt-get command an operator must run.
    LocalSubstrate.Builder builder =
        LocalSubstrate.builder(directory.machines()).allowPackageInstallation(true);
    addressRange.ifPresent(builder::addressRange);
    LocalSubstrate substrate = builder.build();
    try {
      Runtime runtime =
          Runtime.builder()
              .store(store)
              .substrate(substrate)
              .charms(charms)
              .settings(
                  RuntimeSettings.builder()
                      .threads(threads)
                      .leadership(LEADERSHIP_RENEWAL, LEADERSHIP_LEASE)
                      .build())
              .build();
      return new Session(directory, store, charms, substrate, runtime, controller);
    } catch (RuntimeException e) {
      substrate.close();
      throw e;
    }
  }

  ModelDirectory directory() {
    return directory;
  }

  Store store() {
    return store;
  }

  CharmCatalog charms() {
    return charms;
  }

  LocalSubstrate substrate() {
    return substrate;
  }

  Runtime runtime() {
    return runtime;
  }

  /** Whether this session is a {@code bosun controller}'s (it keeps driving after a command). */
  boolean controller() {
    return controller;
  }

  Path machines() {
    return directory.machines();
  }

  @Override
  public void close() {
    try {
      runtime.close();
    } finally {
      substrate.close();
    }
  }
}
