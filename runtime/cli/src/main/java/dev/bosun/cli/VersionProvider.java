package dev.bosun.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version recorded in the jar manifest at build time. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Cli.class.getPackage().getImplementationVersion();
    return new String[] {"bosun " + (version == null ? "(development build)" : version)};
  }

  /** The version alone, as status shows it ({@code dev} for a build without a manifest). */
  static String version() {
    String version = Cli.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
