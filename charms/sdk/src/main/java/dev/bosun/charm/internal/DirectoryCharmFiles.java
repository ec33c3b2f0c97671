package dev.bosun.charm.internal;

import static java.util.Objects.requireNonNull;

import dev.bosun.charm.CharmFiles;
import dev.bosun.charm.CharmLoadException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** A charm's files in a directory. */
public final class DirectoryCharmFiles implements CharmFiles {
  private final Path root;

  /** Creates the files of a directory; nothing is read yet. */
  public DirectoryCharmFiles(Path root) {
    this.root = requireNonNull(root, "root");
  }

  @Override
  public Optional<String> readText(String path) {
    requireNonNull(path, "path");
    if (!CharmPaths.isInside(path)) {
      return Optional.empty();
    }
    Path file = root.resolve(path);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new CharmLoadException(describe(), "cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String describe() {
    return root.toString();
  }

  /** Returns the directory. */
  public Path root() {
    return root;
  }

  @Override
  public String toString() {
    return describe();
  }
}
