package dev.bosun.runtime.substrate;

import static java.util.Objects.requireNonNull;

import dev.bosun.charm.machine.Machine;
import dev.bosun.charm.machine.ServiceSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A substrate whose machines are directories: each machine gets a root directory under a base
 * directory (created when first used) and an address of its own from {@code 127.77.0.0/16}, handed
 * out in provisioning order from {@code 127.77.0.1}. Nothing listens on the addresses. Services are
 * recorded (their specification and whether they are meant to run) but no process is spawned;
 * packages always report their binary as available under {@code /usr/bin}.
 *
 * <p>It is the substrate for tests and for runtimes whose charms only need files. The local
 * substrate, with real supervised processes, implements the same SPI.
 *
 * <pre>{@code
 * try (InMemorySubstrate substrate = InMemorySubstrate.temporary()) {
 *   Machine machine = substrate.provision(MachineRequest.of("0"));
 *   machine.address();                        // 127.77.0.1
 *   machine.writeFile("etc/app.conf", bytes, 0644);
 * }
 * }</pre>
 */
public final class InMemorySubstrate implements Substrate {
  private static final int ADDRESSES = 256 * 256;

  private final Path base;
  private final boolean ownsBase;
  private final Map<String, DirectoryMachine> machines = new ConcurrentHashMap<>();
  private int nextAddress = 1;

  private InMemorySubstrate(Path base, boolean ownsBase) {
    this.base = base;
    this.ownsBase = ownsBase;
  }

  /**
   * Returns a substrate whose machines live under {@code base} (created when needed); closing it
   * leaves the directory.
   */
  public static InMemorySubstrate in(Path base) {
    return new InMemorySubstrate(requireNonNull(base, "base"), false);
  }

  /**
   * Returns a substrate whose machines live in a new temporary directory, deleted when the
   * substrate is closed.
   *
   * @throws SubstrateException when the directory cannot be created
   */
  public static InMemorySubstrate temporary() {
    try {
      return new InMemorySubstrate(Files.createTempDirectory("bosun-machines-"), true);
    } catch (IOException e) {
      throw new SubstrateException("", "cannot create a directory for machines: " + e, e);
    }
  }

  /** Returns the directory the machines' roots are in. */
  public Path baseDirectory() {
    return base;
  }

  @Override
  public Machine provision(MachineRequest request) {
    requireNonNull(request, "request");
    synchronized (this) {
      DirectoryMachine existing = machines.get(request.id());
      if (existing != null) {
        return existing;
      }
      if (request.parentId() != null && !machines.containsKey(request.parentId())) {
        throw new SubstrateException(
            request.id(),
            "cannot provision container "
                + request.id()
                + ": its machine "
                + request.parentId()
                + " does not exist");
      }
      String address = nextAddress();
      Path root = base.resolve("machine-" + request.id().replace('/', '-'));
      DirectoryMachine machine = new DirectoryMachine(request.id(), address, root);
      machines.put(request.id(), machine);
      return machine;
    }
  }

  private String nextAddress() {
    while (nextAddress < ADDRESSES) {
      int n = nextAddress++;
      int low = n % 256;
      if (low != 0 && low != 255) {
        return "127.77." + (n / 256) + "." + low;
      }
    }
    throw new SubstrateException("", "no addresses left in 127.77.0.0/16");
  }

  @Override
  public void release(String machineId) {
    DirectoryMachine machine = machines.remove(machineId);
    if (machine != null) {
      machine.servicesRecord().clear();
      deleteTree(machine.rootIfCreated());
    }
  }

  @Override
  public Optional<Machine> lookup(String machineId) {
    return Optional.ofNullable(machines.get(machineId));
  }

  /**
   * Returns the services recorded on a machine, by name, with whether each is meant to run.
   *
   * @return the services, empty when the machine has none or does not exist
   */
  public Map<String, ServiceSpec> services(String machineId) {
    DirectoryMachine machine = machines.get(machineId);
    if (machine == null) {
      return Map.of();
    }
    Map<String, ServiceSpec> specs = new LinkedHashMap<>();
    machine.servicesRecord().forEach((name, record) -> specs.put(name, record.spec()));
    return specs;
  }

  @Override
  public void close() {
    if (ownsBase) {
      deleteTree(base);
    }
  }

  private static void deleteTree(Path root) {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(InMemorySubstrate::deleteQuietly);
    } catch (IOException | UncheckedIOException e) {
      // Best effort: a temporary directory left behind is harmless.
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // Best effort.
    }
  }
}
