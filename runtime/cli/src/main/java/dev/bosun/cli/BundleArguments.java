package dev.bosun.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A bundle file and its overlays, as commands that read bundles take them. */
final class BundleArguments {

  @Parameters(index = "0", paramLabel = "BUNDLE", description = "The bundle YAML file.")
  Path bundle;

  @Option(
      names = "--overlay",
      paramLabel = "FILE",
      description = "An overlay bundle merged over BUNDLE. Repeatable; applied in order.")
  List<Path> overlays = new ArrayList<>();

  /**
   * Checks that every file exists.
   *
   * @throws UsageException naming the first file that does not
   */
  void requireFiles() {
    requireFile(bundle, "bundle");
    for (Path overlay : overlays) {
      requireFile(overlay, "overlay");
    }
  }

  private static void requireFile(Path path, String what) {
    if (Files.isDirectory(path)) {
      throw new UsageException(what + " " + path + " is a directory; give the path of a YAML file");
    }
    if (!Files.isRegularFile(path)) {
      throw new UsageException(what + " file " + path + " not found");
    }
  }
}
