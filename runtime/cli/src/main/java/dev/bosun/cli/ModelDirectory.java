package dev.bosun.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A model directory and its layout: {@code model.db} (the SQLite store), {@code machines/} (the
 * local substrate's machines), {@code charm-dirs} (the {@code --charm-dir} directories the model's
 * charms were deployed from, one absolute path per line, so later commands find them).
 */
record ModelDirectory(Path root, Path database) {

  /** The default layout: the store in {@code model.db}. */
  ModelDirectory(Path root) {
    this(root, root.resolve("model.db"));
  }

  /** The local substrate's root. */
  Path machines() {
    return root.resolve("machines");
  }

  /** Whether a model was created here. */
  boolean exists() {
    return Files.isRegularFile(database());
  }

  /** Returns the recorded charm directories. */
  List<Path> charmDirectories() {
    Path file = root.resolve("charm-dirs");
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      List<Path> paths = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          paths.add(Path.of(line.strip()));
        }
      }
      return paths;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Records charm directories (added to those already recorded). */
  void recordCharmDirectories(List<Path> directories) {
    Set<Path> all = new LinkedHashSet<>(charmDirectories());
    for (Path directory : directories) {
      all.add(directory.toAbsolutePath().normalize());
    }
    StringBuilder text = new StringBuilder();
    all.forEach(path -> text.append(path).append('\n'));
    try {
      Files.createDirectories(root);
      Files.writeString(root.resolve("charm-dirs"), text.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
