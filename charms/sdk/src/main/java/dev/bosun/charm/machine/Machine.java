package dev.bosun.charm.machine;

import java.nio.file.Path;

/**
 * The machine a unit runs on, as the substrate provides it: an address of its own, a root directory
 * for its files, its services and its packages. Changes here take effect immediately, not at hook
 * commit.
 */
public interface Machine {

  /** Returns the machine id, for example {@code 0} or {@code 0/lxd/1}. */
  String id();

  /** Returns the machine's address, which its units advertise to their relations. */
  String address();

  /**
   * Returns the machine's root directory; its {@code etc/}, {@code var/} and {@code run/} are
   * below.
   */
  Path root();

  /**
   * Resolves a path relative to the machine's root, such as {@code etc/etcd/etcd.conf}.
   *
   * @throws IllegalArgumentException when the path is absolute or escapes the root
   */
  Path path(String relative);

  /**
   * Writes a file under the machine's root, creating parent directories, atomically (a reader sees
   * the old or the new content, never a mix).
   *
   * @param relative the path relative to the root
   * @param content the content
   * @param mode POSIX permissions such as {@code 0600} for keys; applied before the content is
   *     visible
   * @return the file's path
   */
  Path writeFile(String relative, byte[] content, int mode);

  /** Returns the machine's services. */
  Services services();

  /** Returns the machine's packages. */
  Packages packages();
}
