package dev.bosun.runtime.substrate;

import dev.bosun.charm.machine.Machine;
import dev.bosun.charm.machine.PackageResult;
import dev.bosun.charm.machine.Packages;
import dev.bosun.charm.machine.ServiceSpec;
import dev.bosun.charm.machine.ServiceStatus;
import dev.bosun.charm.machine.Services;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A machine of the {@link InMemorySubstrate}: a root directory (created on first use, with {@code
 * etc/}, {@code var/} and {@code run/}), an address, recorded services and always-available
 * packages.
 */
final class DirectoryMachine implements Machine {
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private final String id;
  private final String address;
  private final Path root;
  private final Map<String, ServiceRecord> services = new ConcurrentHashMap<>(2);
  private volatile boolean created;

  record ServiceRecord(ServiceSpec spec, boolean running, int restarts) {}

  DirectoryMachine(String id, String address, Path root) {
    this.id = id;
    this.address = address;
    this.root = root;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String address() {
    return address;
  }

  @Override
  public Path root() {
    if (!created) {
      synchronized (this) {
        if (!created) {
          try {
            Files.createDirectories(root.resolve("etc"));
            Files.createDirectories(root.resolve("var"));
            Files.createDirectories(root.resolve("run"));
          } catch (IOException e) {
            throw new SubstrateException(
                id, "cannot create the root of machine " + id + ": " + e, e);
          }
          created = true;
        }
      }
    }
    return root;
  }

  Path rootIfCreated() {
    return created ? root : null;
  }

  @Override
  public Path path(String relative) {
    Path candidate = Path.of(relative);
    if (candidate.isAbsolute()) {
      throw new IllegalArgumentException(
          "path " + relative + " must be relative to the machine's root");
    }
    Path base = root();
    Path resolved = base.resolve(candidate).normalize();
    if (!resolved.startsWith(base)) {
      throw new IllegalArgumentException("path " + relative + " escapes the machine's root");
    }
    return resolved;
  }

  @Override
  public Path writeFile(String relative, byte[] content, int mode) {
    Path target = path(relative);
    try {
      Files.createDirectories(target.getParent());
      Path temporary = Files.createTempFile(target.getParent(), ".bosun-", ".tmp");
      try {
        if (POSIX) {
          Files.setPosixFilePermissions(temporary, permissions(mode));
        }
        Files.write(temporary, content);
        try {
          Files.move(
              temporary,
              target,
              StandardCopyOption.ATOMIC_MOVE,
              StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temporary);
      }
      return target;
    } catch (IOException e) {
      throw new SubstrateException(
          id, "cannot write " + relative + " on machine " + id + ": " + e, e);
    }
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] order = {
      PosixFilePermission.OTHERS_EXECUTE,
      PosixFilePermission.OTHERS_WRITE,
      PosixFilePermission.OTHERS_READ,
      PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.GROUP_WRITE,
      PosixFilePermission.GROUP_READ,
      PosixFilePermission.OWNER_EXECUTE,
      PosixFilePermission.OWNER_WRITE,
      PosixFilePermission.OWNER_READ
    };
    for (int bit = 0; bit < order.length; bit++) {
      if ((mode & (1 << bit)) != 0) {
        set.add(order[bit]);
      }
    }
    return set;
  }

  Map<String, ServiceRecord> servicesRecord() {
    return services;
  }

  @Override
  public Services services() {
    return new Services() {
      @Override
      public void ensure(ServiceSpec spec) {
        services.merge(
            spec.name(),
            new ServiceRecord(spec, true, 0),
            (old, fresh) -> old.spec().equals(spec) && old.running() ? old : fresh);
      }

      @Override
      public void restart(String name) {
        services.computeIfPresent(
            name, (key, old) -> new ServiceRecord(old.spec(), true, old.restarts()));
      }

      @Override
      public void stop(String name) {
        services.remove(name);
      }

      @Override
      public void expectExit(String name) {
        // Records only: no process runs, so none exits.
      }

      @Override
      public Optional<ServiceStatus> status(String name) {
        ServiceRecord record = services.get(name);
        return record == null
            ? Optional.empty()
            : Optional.of(new ServiceStatus(name, record.running(), -1, record.restarts()));
      }
    };
  }

  @Override
  public Packages packages() {
    return (debianPackage, binary) ->
        new PackageResult(Optional.of(Path.of("/usr/bin", binary)), "");
  }

  @Override
  public String toString() {
    return "machine " + id + " (" + address + ")";
  }
}
