package dev.bosun.cli;

import dev.bosun.charm.WarmUp;
import dev.bosun.store.sqlite.SqliteStore;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warms up, on one daemon thread, what a command that opens the model needs while its main thread
 * reads the arguments: SQLite's driver and native library first ({@link SqliteStore#preload}), the
 * JSON mapper of the model's lease ({@link ControllerLease#warmUp}), then, for a command that runs
 * hooks, the charms' {@link WarmUp}s — the start-up is single-threaded, so the second core is free
 * to load and compile what the first hooks need. The thread runs alongside the first hooks if it is
 * not done by then, as hooks of different units run alongside each other; the process does not wait
 * for it to exit.
 */
final class WarmUps {
  private static final Logger LOG = LoggerFactory.getLogger(WarmUps.class);

  /**
   * gRPC (under jetcd, used by the etcd charm in hooks and actions) logs through java.util.logging
   * at INFO, which would print on a user's terminal; like the SLF4J libraries, it only speaks up
   * for warnings. Set first thing on the warm-up thread, long before any hook runs, rather than on
   * the main thread, where setting up java.util.logging delayed every command by about 25 ms. Held
   * in a field because java.util.logging keeps its loggers weakly.
   */
  private static volatile java.util.logging.Logger grpcLogging;

  private WarmUps() {}

  /** Starts the warm-ups of the verb the command line names, if it opens the model. */
  static void start(String[] args, ClassLoader classLoader) {
    if (!opensModel(args)) {
      return;
    }
    boolean charms = wanted(args);
    Thread thread =
        new Thread(
            () -> {
              if (charms) {
                quietGrpc();
              }
              SqliteStore.preload();
              try {
                ControllerLease.warmUp();
              } catch (RuntimeException e) {
                LOG.debug("cannot warm up the lease's JSON mapper: {}", e.toString());
              }
              if (charms) {
                run(classLoader);
              }
            },
            "bosun-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  /** Lets gRPC's java.util.logging loggers print warnings only. */
  static void quietGrpc() {
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger("io.grpc");
    logger.setLevel(java.util.logging.Level.WARNING);
    grpcLogging = logger;
  }

  /** Whether the command line names a verb that opens the model. */
  static boolean opensModel(String[] args) {
    Class<?> verb = Verbs.named(args);
    return verb != null && ModelCommand.class.isAssignableFrom(verb);
  }

  /** Whether the command line names a verb that may run hooks: the charms' warm-ups run too. */
  static boolean wanted(String[] args) {
    return opensModel(args) && !readOnly(Verbs.named(args));
  }

  private static void run(ClassLoader classLoader) {
    try {
      for (WarmUp warmUp : ServiceLoader.load(WarmUp.class, classLoader)) {
        try {
          warmUp.run();
        } catch (RuntimeException e) {
          LOG.debug("warm-up {} failed: {}", warmUp.getClass().getName(), e.toString());
        }
      }
    } catch (ServiceConfigurationError e) {
      LOG.debug("cannot load the warm-ups: {}", e.getMessage());
    }
  }

  /** Verbs that only read the model: no hook runs, so no warm-up. */
  private static boolean readOnly(Class<?> verb) {
    return verb == StatusCommand.class
        || verb == ShowStatusLogCommand.class
        || verb == DebugLogCommand.class
        || verb == DiffCommand.class
        || verb == ExportBundleCommand.class;
  }
}
