package dev.bosun.model.internal.bundle;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * One text a bundle is read from: the bundle file or an overlay file.
 *
 * @param label the file name to put in locations, as the user gave it
 * @param baseDirectory the directory relative charm paths and includes resolve against
 * @param content the YAML text
 */
public record BundleSource(String label, Path baseDirectory, String content) {

  /** Checks the components. */
  public BundleSource {
    requireNonNull(label, "label");
    requireNonNull(baseDirectory, "baseDirectory");
    requireNonNull(content, "content");
  }
}
