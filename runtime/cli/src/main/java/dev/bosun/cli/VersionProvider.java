package dev.bosun.cli;

import picocli.CommandLine.IVersionProvider;

/**
 * Reports the version recorded in the jar manifest at build time, and the Java runtime and
 * operating system the command runs on (what a bug report or a benchmark figure needs).
 */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Cli.class.getPackage().getImplementationVersion();
    return new String[] {"bosun " + (version == null ? "(development build)" : version), runtime()};
  }

  /** {@code Java 25.0.3 (Eclipse Adoptium), Linux amd64}. */
  static String runtime() {
    return "Java "
        + Runtime.version()
        + " ("
        + System.getProperty("java.vendor", "unknown vendor")
        + "), "
        + System.getProperty("os.name", "unknown OS")
        + " "
        + System.getProperty("os.arch", "");
  }

  /** The version alone, as status shows it ({@code dev} for a build without a manifest). */
  static String version() {
    String version = Cli.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
