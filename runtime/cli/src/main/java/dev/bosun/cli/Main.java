package dev.bosun.cli;

/** The entry point of the {@code bosun} command. */
public final class Main {
  private Main() {}

  /** Runs the command and exits with its exit code (0 ok, 1 failure, 2 bad input). */
  public static void main(String[] args) {
    System.exit(Cli.run(args));
  }
}
