package dev.bosun.cli;

import dev.bosun.model.charm.CharmRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Where commands find charm metadata: {@code --charm-dir DIR}, repeatable. Built-in charms join the
 * search when the charm runtime ships them.
 */
final class CharmOptions {

  @Option(
      names = "--charm-dir",
      paramLabel = "DIR",
      description =
          "A directory of charms, one per subdirectory (with metadata.yaml). Repeatable; searched"
              + " in order.")
  private List<Path> charmDirectories = new ArrayList<>();

  /** The directories given, as given. */
  List<Path> directories() {
    return charmDirectories;
  }

  /**
   * Returns the charms of every {@code --charm-dir}, in order.
   *
   * @throws UsageException when a directory does not exist
   */
  CharmRepository repository() {
    for (Path directory : charmDirectories) {
      if (!Files.isDirectory(directory)) {
        throw new UsageException(
            "charm directory "
                + directory
                + " does not exist; --charm-dir needs a directory"
                + " holding one charm per subdirectory");
      }
    }
    return charmDirectories.isEmpty()
        ? CharmRepository.NONE
        : CharmRepository.directories(charmDirectories);
  }
}
