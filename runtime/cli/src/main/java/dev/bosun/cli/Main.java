package dev.bosun.cli;

import java.util.logging.Level;
import java.util.logging.Logger;

/** The entry point of the {@code bosun} command. */
public final class Main {
  /**
   * gRPC (under jetcd, used by the etcd charm) logs through java.util.logging at INFO, which would
   * print on a user's terminal; like the SLF4J libraries, it only speaks up for warnings. Held in a
   * field because java.util.logging keeps its loggers weakly.
   */
  private static final Logger GRPC_LOGGING = Logger.getLogger("io.grpc");

  private Main() {}

  /** Runs the command and exits with its exit code (0 ok, 1 failure, 2 bad input). */
  public static void main(String[] args) {
    GRPC_LOGGING.setLevel(Level.WARNING);
    System.exit(Cli.run(args));
  }
}
