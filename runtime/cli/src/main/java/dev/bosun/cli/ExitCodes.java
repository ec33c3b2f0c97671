package dev.bosun.cli;

/** The exit codes of every {@code bosun} command. */
public final class ExitCodes {
  /** The command did what was asked. */
  public static final int OK = 0;

  /** The command failed: a unit in error, a wait that timed out, an unexpected fault. */
  public static final int FAILURE = 1;

  /** The input was bad: usage, an invalid bundle, an unknown charm or application. */
  public static final int BAD_INPUT = 2;

  private ExitCodes() {}
}
