package dev.bosun.charm;

import java.util.Optional;

/**
 * Where a charm's files are — its {@code templates/} and anything else it ships: a classpath
 * location for built-in charms, or a directory.
 */
public interface CharmFiles {

  /**
   * Returns a file of the charm as text (UTF-8), by path relative to the charm's root (for example
   * {@code templates/etcd.conf.yaml}); empty when the charm has no such file.
   */
  Optional<String> readText(String path);

  /**
   * Returns where the charm is, for messages: {@code classpath:charms/etcd} or a directory path.
   */
  String describe();
}
