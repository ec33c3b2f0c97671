package dev.bosun.runtime.substrate.local;

import dev.bosun.charm.machine.PackageResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Package decisions of a {@link LocalSubstrate}, shared by its machines (they all are this host): a
 * binary on the search path is used as it is; otherwise, when installation is allowed and this
 * process is privileged, {@code apt-get install -y <package>} runs once per package for the life of
 * the substrate; otherwise the result names the command an operator must run. Installations are
 * serialised ({@code apt-get} takes a lock of its own anyway).
 */
final class LocalPackages {
  private static final Logger LOG = LoggerFactory.getLogger(LocalPackages.class);
  private static final Pattern DEBIAN_PACKAGE = Pattern.compile("[a-z0-9][a-z0-9+.-]+");
  private static final Pattern BINARY = Pattern.compile("[A-Za-z0-9_.+-]+");

  private final boolean allowed;
  private final boolean privileged;
  private final PackageInstaller installer;
  private final List<Path> searchPath;
  private final Set<String> attempted = new HashSet<>();

  LocalPackages(
      boolean allowed, boolean privileged, PackageInstaller installer, List<Path> searchPath) {
    this.allowed = allowed;
    this.privileged = privileged;
    this.installer = installer;
    this.searchPath = List.copyOf(searchPath);
  }

  synchronized PackageResult ensure(LocalMachine machine, String debianPackage, String binary) {
    if (!DEBIAN_PACKAGE.matcher(debianPackage).matches()) {
      throw new IllegalArgumentException("invalid Debian package name " + debianPackage);
    }
    if (!BINARY.matcher(binary).matches()) {
      throw new IllegalArgumentException(
          "binary " + binary + " must be a program name such as etcd, without a directory");
    }
    Optional<Path> found = find(binary);
    if (found.isPresent()) {
      return new PackageResult(found, "");
    }
    List<String> command = List.of("apt-get", "install", "-y", debianPackage);
    String commandLine = String.join(" ", command);
    if (!allowed || !privileged) {
      return new PackageResult(Optional.empty(), privileged ? commandLine : "sudo " + commandLine);
    }
    if (attempted.add(debianPackage)) {
      Path log = machine.path("var/log/packages.log");
      LOG.info("installing {} for {} on machine {}", debianPackage, binary, machine.id());
      int status = installer.run(command, Map.of("DEBIAN_FRONTEND", "noninteractive"), log);
      found = find(binary);
      if (found.isPresent()) {
        return new PackageResult(found, "");
      }
      LOG.warn(
          "{} exited with status {} and {} is still missing; see {}",
          commandLine,
          status,
          binary,
          log);
    }
    return new PackageResult(Optional.empty(), commandLine);
  }

  private Optional<Path> find(String binary) {
    for (Path directory : searchPath) {
      Path candidate = directory.resolve(binary);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
