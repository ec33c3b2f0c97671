package dev.bosun.charm.internal;

import static java.util.Objects.requireNonNull;

import dev.bosun.charm.CharmFiles;
import dev.bosun.charm.CharmLoadException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** A charm's files as resources under a classpath location, such as {@code charms/etcd}. */
public final class ClasspathCharmFiles implements CharmFiles {
  private final String location;
  private final ClassLoader classLoader;

  /**
   * Creates the files of a location; nothing is read yet.
   *
   * @throws IllegalArgumentException when the location has {@code .}, {@code ..} or empty parts
   */
  public ClasspathCharmFiles(String location, ClassLoader classLoader) {
    this.location = CharmPaths.location(requireNonNull(location, "location"));
    this.classLoader = requireNonNull(classLoader, "classLoader");
    if (!this.location.isEmpty() && !CharmPaths.isInside(this.location)) {
      throw new IllegalArgumentException(
          "\"" + location + "\" is not a classpath location such as charms/etcd");
    }
  }

  @Override
  public Optional<String> readText(String path) {
    requireNonNull(path, "path");
    if (!CharmPaths.isInside(path)) {
      return Optional.empty();
    }
    String resource = location.isEmpty() ? path : location + "/" + path;
    try (InputStream in = classLoader.getResourceAsStream(resource)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new CharmLoadException(
          describe(), "cannot read " + path + " of " + describe() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String describe() {
    return "classpath:" + location;
  }

  /** Returns the location, without leading or trailing slashes. */
  public String location() {
    return location;
  }

  /** Returns the class loader whose resources hold the files. */
  public ClassLoader classLoader() {
    return classLoader;
  }

  @Override
  public String toString() {
    return describe();
  }
}
