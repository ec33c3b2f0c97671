package dev.bosun.charm.internal;

import static java.util.Objects.requireNonNull;

import dev.bosun.charm.CharmFiles;
import java.util.Map;
import java.util.Optional;

/** A charm's files held in memory. */
public final class InMemoryCharmFiles implements CharmFiles {
  private final String label;
  private final Map<String, String> files;

  /** Copies the files. */
  public InMemoryCharmFiles(String label, Map<String, String> files) {
    this.label = requireNonNull(label, "label");
    this.files = Map.copyOf(files);
  }

  @Override
  public Optional<String> readText(String path) {
    requireNonNull(path, "path");
    return CharmPaths.isInside(path) ? Optional.ofNullable(files.get(path)) : Optional.empty();
  }

  @Override
  public String describe() {
    return label;
  }

  @Override
  public String toString() {
    return describe();
  }
}
