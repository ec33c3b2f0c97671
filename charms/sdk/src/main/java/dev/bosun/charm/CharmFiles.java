package dev.bosun.charm;

import dev.bosun.charm.internal.ClasspathCharmFiles;
import dev.bosun.charm.internal.DirectoryCharmFiles;
import dev.bosun.charm.internal.InMemoryCharmFiles;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where a charm's files are — its {@code templates/} and anything else it ships: a classpath
 * location for built-in charms, or a directory.
 *
 * <p>Paths are relative to the charm's root and use {@code /}; a path that is absolute or leaves
 * the root ({@code ../x}) names no file.
 */
public interface CharmFiles {

  /**
   * Returns a file of the charm as text (UTF-8), by path relative to the charm's root (for example
   * {@code templates/etcd.conf.yaml}); empty when the charm has no such file.
   *
   * @throws CharmLoadException when the file exists but cannot be read
   */
  Optional<String> readText(String path);

  /**
   * Returns where the charm is, for messages: {@code classpath:charms/etcd} or a directory path.
   */
  String describe();

  /**
   * Returns the files under a classpath location, such as {@code charms/etcd}.
   *
   * @param location the resource directory, with or without leading and trailing slashes
   * @param classLoader the class loader whose resources hold the files
   */
  static CharmFiles classpath(String location, ClassLoader classLoader) {
    return new ClasspathCharmFiles(location, classLoader);
  }

  /** Returns the files under a directory. */
  static CharmFiles directory(Path root) {
    return new DirectoryCharmFiles(root);
  }

  /**
   * Returns files held in memory, by path: for tests and charms assembled in Java.
   *
   * <pre>{@code
   * CharmFiles files = CharmFiles.of("echo", Map.of("templates/motd", "Hello {{ name }}\n"));
   * }</pre>
   *
   * @param label what {@link #describe()} returns
   * @param files the files' texts by path relative to the charm's root
   */
  static CharmFiles of(String label, Map<String, String> files) {
    return new InMemoryCharmFiles(label, files);
  }
}
