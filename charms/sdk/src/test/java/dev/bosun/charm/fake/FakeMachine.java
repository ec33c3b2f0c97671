package dev.bosun.charm.fake;

import dev.bosun.charm.machine.Machine;
import dev.bosun.charm.machine.PackageResult;
import dev.bosun.charm.machine.Packages;
import dev.bosun.charm.machine.ServiceSpec;
import dev.bosun.charm.machine.ServiceStatus;
import dev.bosun.charm.machine.Services;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A machine for unit tests: a root directory, services recorded in a map, no packages. */
public final class FakeMachine implements Machine {
  private final String id;
  private final String address;
  private final Path root;
  private final Map<String, ServiceSpec> services = new LinkedHashMap<>();

  /** Creates a machine rooted at a directory. */
  public FakeMachine(String id, String address, Path root) {
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
    return root;
  }

  @Override
  public Path path(String relative) {
    Path resolved = root.resolve(relative).normalize();
    if (Path.of(relative).isAbsolute() || !resolved.startsWith(root)) {
      throw new IllegalArgumentException(relative + " is not inside the machine root");
    }
    return resolved;
  }

  @Override
  public Path writeFile(String relative, byte[] content, int mode) {
    Path file = path(relative);
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  @Override
  public Services services() {
    return new Services() {
      @Override
      public void ensure(ServiceSpec spec) {
        services.put(spec.name(), spec);
      }

      @Override
      public void restart(String name) {}

      @Override
      public void stop(String name) {
        services.remove(name);
      }

      @Override
      public void expectExit(String name) {}

      @Override
      public Optional<ServiceStatus> status(String name) {
        return services.containsKey(name)
            ? Optional.of(new ServiceStatus(name, true, 1, 0))
            : Optional.empty();
      }
    };
  }

  @Override
  public Packages packages() {
    return (debianPackage, binary) ->
        new PackageResult(Optional.empty(), "apt-get install -y " + debianPackage);
  }
}
