package dev.bosun.charm.machine;

/** Debian packages a charm needs on its machine. */
public interface Packages {

  /**
   * Makes sure a package's binary is available, installing the package when the runner may.
   *
   * @param debianPackage the package, for example {@code etcd-server}
   * @param binary the program the charm needs from it, for example {@code etcd}
   * @return the outcome; when the binary is missing and cannot be installed, it names the command
   *     an operator must run
   */
  PackageResult ensure(String debianPackage, String binary);
}
