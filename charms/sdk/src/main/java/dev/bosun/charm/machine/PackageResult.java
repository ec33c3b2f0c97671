package dev.bosun.charm.machine;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether a package's binary is available.
 *
 * @param binary the binary's path, when available
 * @param installCommand the command an operator must run when it is not, for example {@code apt-get
 *     install -y etcd-server}; empty when available
 */
public record PackageResult(Optional<Path> binary, String installCommand) {

  /** Whether the binary is available. */
  public boolean available() {
    return binary.isPresent();
  }
}
