package dev.bosun.runtime.substrate.local;

import static java.util.Objects.requireNonNull;

import dev.bosun.charm.machine.Machine;
import dev.bosun.model.spec.Names;
import dev.bosun.runtime.substrate.MachineRequest;
import dev.bosun.runtime.substrate.Substrate;
import dev.bosun.runtime.substrate.SubstrateException;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local substrate: real machines on this host. Every machine is a directory tree of its own
 * under the substrate's root ({@code <root>/0/} for machine {@code 0}, {@code <root>/0/lxd/1/} for
 * its container {@code 0/lxd/1}) with {@code etc/}, {@code var/lib/}, {@code var/log/} and {@code
 * run/}, and a loopback address of its own from {@code 127.77.0.0/16} (on Linux all of {@code
 * 127.0.0.0/8} is loopback, so every machine can bind the standard ports: two etcd members each
 * listen on 2379, each on its own address). Addresses are handed out in provisioning order from
 * {@code 127.77.0.1}, never while allocated, and recorded with the machine.
 *
 * <p>Services are real processes started in a session of their own, with standard input from {@code
 * /dev/null} and their output appended to the machine's {@code var/log/<service>.log}; they keep
 * running after the JVM that started them exits. One supervisor thread checks them all: a service
 * whose process exited is restarted after a backoff that doubles from {@link Builder#restartBackoff
 * initially} to a maximum, and resets once the service ran {@link Builder#stableAfter stably}; a
 * service stopped on purpose stays stopped.
 *
 * <p>Durable: machines, their addresses and their services are recorded under the root (each
 * service with its process's pid and start time, so that a reused pid is not mistaken for it).
 * Opening the same root again re-adopts everything: services still running are supervised again,
 * those that died meanwhile are restarted. One substrate at a time may have a root open (a lock
 * file, {@code <root>/.lock}, makes sure two supervisors never fight over the same services).
 *
 * <p>{@link #close()} stops supervising and releases the root, but <em>leaves the services
 * running</em>: that is the point of durability (a CLI invocation ends, the etcd cluster it
 * deployed keeps running). {@link #release(String)} is what stops a machine's services and deletes
 * its directory.
 *
 * <p>Limits: machines share this host's kernel, users and packages (constraints are not checked);
 * services run as the user of the JVM that starts them, with its environment plus their own
 * variables; stopping kills a service's process tree and session, so a program that daemonises
 * itself into a session of its own escapes it (run such programs in the foreground). Services are
 * started through {@code setsid} and {@code /bin/sh}; without {@code setsid} (not Linux) they share
 * the JVM's session.
 *
 * <pre>{@code
 * try (LocalSubstrate substrate = LocalSubstrate.open(modelDirectory.resolve("machines"))) {
 *   Machine machine = substrate.provision(MachineRequest.of("0"));   // 127.77.0.1
 *   machine.services().ensure(ServiceSpec.of("etcd", "etcd", "--listen-client-urls", ...));
 * } // etcd keeps running
 * }</pre>
 */
public final class LocalSubstrate implements Substrate {
  private static final Logger LOG = LoggerFactory.getLogger(LocalSubstrate.class);
  private static final Pattern MACHINE_ID =
      Pattern.compile(
          Names.NUMBER_SNIPPET
              + "(?:/"
              + Names.CONTAINER_TYPE_SNIPPET
              + "/"
              + Names.NUMBER_SNIPPET
              + ")*");
  private static final Pattern NUMBER = Pattern.compile(Names.NUMBER_SNIPPET);
  private static final Pattern CONTAINER_TYPE = Pattern.compile(Names.CONTAINER_TYPE_SNIPPET);
  private static final Set<String> MACHINE_DIRECTORIES = Set.of("etc", "var", "run");

  private final Path root;
  private final Context context;
  private final AddressRange addresses;
  private final ConcurrentSkipListMap<String, LocalMachine> machines =
      new ConcurrentSkipListMap<>(LocalSubstrate::compareMachineIds);
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final ScheduledExecutorService supervisor;
  private volatile ResourceStore resources;

  private LocalSubstrate(Path root, Settings settings) {
    this.root = root;
    this.context =
        new Context(
            root,
            settings,
            ProcessLauncher.detect(),
            new LocalPackages(
                settings.allowPackageInstallation(),
                settings.privileged(),
                settings.installer(),
                settings.searchPath()));
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new SubstrateException(
          "",
          "cannot create the machines directory "
              + root
              + ": "
              + e
              + "; check that its parent exists and is writable",
          e);
    }
    this.lockChannel = openLock(root);
    this.lock = acquire(root, lockChannel);
    AddressRange range;
    try {
      range = AddressRange.parse(RecordedAddressRange.resolve(root, settings.addressRange()));
    } catch (RuntimeException e) {
      unlock();
      throw e;
    }
    this.addresses = range;
    try {
      adoptMachines(root, "");
      RecordedAddressRange.record(root, addresses.cidr());
      for (LocalMachine machine : machines.values()) {
        machine.localServices().adopt();
      }
    } catch (RuntimeException e) {
      unlock();
      throw e;
    }
    this.supervisor =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "bosun-local-supervisor");
              thread.setDaemon(true);
              return thread;
            });
    long interval = settings.checkInterval().toNanos();
    supervisor.scheduleWithFixedDelay(this::supervise, 0, interval, TimeUnit.NANOSECONDS);
  }

  /**
   * Opens the machines directory {@code root} (created when missing) with the default options, and
   * re-adopts the machines and services recorded there.
   *
   * @throws SubstrateException when the directory cannot be created or read, or another substrate
   *     has it open
   */
  public static LocalSubstrate open(Path root) {
    return builder(root).build();
  }

  /** Returns a builder for a substrate over the machines directory {@code root}. */
  public static Builder builder(Path root) {
    return new Builder(root);
  }

  /** Returns the machines directory. */
  public Path root() {
    return root;
  }

  /** Returns the resources attached to applications, stored under {@code <root>/resources/}. */
  public ResourceStore resources() {
    ResourceStore store = resources;
    if (store == null) {
      synchronized (this) {
        store = resources;
        if (store == null) {
          store = ResourceStore.open(root.resolve("resources"));
          resources = store;
        }
      }
    }
    return store;
  }

  /** Returns the ids of the provisioned machines, hosts before their containers, in id order. */
  public List<String> machineIds() {
    return List.copyOf(machines.keySet());
  }

  /**
   * {@inheritDoc}
   *
   * <p>Creates the machine's directories and gives it the next free address. The request's
   * constraints are not checked: every machine is this host.
   *
   * @throws SubstrateException when the id is invalid, a container's host does not exist, the
   *     address range is exhausted, the address cannot be bound on this host, or the directory
   *     cannot be created
   */
  @Override
  public synchronized Machine provision(MachineRequest request) {
    requireNonNull(request, "request");
    context.checkOpen();
    String id = request.id();
    LocalMachine existing = machines.get(id);
    if (existing != null) {
      return existing;
    }
    if (!MACHINE_ID.matcher(id).matches()) {
      throw new SubstrateException(id, "cannot provision machine " + id + ": invalid machine id");
    }
    if (request.parentId() != null) {
      if (!machines.containsKey(request.parentId())) {
        throw new SubstrateException(
            id,
            "cannot provision container "
                + id
                + ": its machine "
                + request.parentId()
                + " does not exist");
      }
      if (!id.startsWith(request.parentId() + "/" + request.containerType() + "/")
          || id.indexOf('/', request.parentId().length() + request.containerType().length() + 2)
              >= 0) {
        throw new SubstrateException(
            id,
            "cannot provision container "
                + id
                + ": its id does not name a "
                + request.containerType()
                + " container of machine "
                + request.parentId());
      }
    } else if (id.contains("/")) {
      throw new SubstrateException(
          id, "cannot provision machine " + id + ": a container needs its type and machine");
    }
    String address = addresses.allocate();
    if (address == null) {
      throw new SubstrateException(
          id,
          "cannot provision machine "
              + id
              + ": no addresses left in "
              + addresses.cidr()
              + "; release machines or open the substrate with a larger address range");
    }
    Path directory = root.resolve(id);
    LocalMachine machine =
        new LocalMachine(
            id, address, request.containerType(), request.parentId(), directory, context);
    try {
      checkBindable(id, address);
      // A directory without a record is what an interrupted release left behind.
      if (Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
        AtomicFiles.deleteTree(directory);
      }
      machine.create();
    } catch (IOException | RuntimeException e) {
      addresses.free(address);
      try {
        AtomicFiles.deleteTree(directory);
      } catch (IOException ignored) {
        // Reported below.
      }
      if (e instanceof SubstrateException substrateException) {
        throw substrateException;
      }
      throw new SubstrateException(
          id,
          "cannot create the directory of machine "
              + id
              + " ("
              + directory
              + "): "
              + e
              + "; check that the machines directory is writable",
          e);
    }
    machines.put(id, machine);
    LOG.debug("provisioned machine {} at {} in {}", id, address, directory);
    return machine;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Stops every service of the machine and of its containers (SIGTERM, then SIGKILL after the
   * grace period, whole process trees), deletes their directories and frees their addresses.
   *
   * @throws SubstrateException when a process survives SIGKILL or a directory cannot be deleted
   */
  @Override
  public synchronized void release(String machineId) {
    if (!machines.containsKey(machineId)) {
      return;
    }
    List<LocalMachine> doomed = new ArrayList<>();
    for (LocalMachine machine : machines.tailMap(machineId, true).values()) {
      if (machine.id().equals(machineId) || machine.id().startsWith(machineId + "/")) {
        doomed.add(machine);
      }
    }
    // Containers before their hosts.
    doomed.sort(Comparator.comparingInt((LocalMachine m) -> depth(m.id())).reversed());
    doomed.forEach(LocalMachine::markReleased);
    SubstrateException failure = null;
    for (LocalMachine machine : doomed) {
      try {
        machine.localServices().stopAll();
      } catch (SubstrateException e) {
        failure = e;
      }
    }
    if (failure != null) {
      throw failure;
    }
    for (LocalMachine machine : doomed) {
      machines.remove(machine.id());
      addresses.free(machine.address());
      try {
        Files.deleteIfExists(machine.root().resolve(LocalMachine.RECORD));
        AtomicFiles.deleteTree(machine.root());
      } catch (IOException e) {
        throw new SubstrateException(
            machine.id(),
            "cannot delete the directory of machine "
                + machine.id()
                + " ("
                + machine.root()
                + "): "
                + e
                + "; its services are stopped, delete the directory by hand",
            e);
      }
      LOG.debug("released machine {}", machine.id());
    }
  }

  @Override
  public Optional<Machine> lookup(String machineId) {
    return Optional.ofNullable(machines.get(machineId));
  }

  /**
   * Stops supervising and releases the machines directory for another substrate to open. The
   * services keep running, unsupervised until the directory is opened again; their machines stay
   * provisioned. Closing twice does nothing.
   */
  @Override
  public void close() {
    if (!context.close()) {
      return;
    }
    supervisor.shutdown();
    try {
      if (!supervisor.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.warn("the supervisor of {} did not finish its check in time", root);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    unlock();
  }

  private void supervise() {
    long now = System.nanoTime();
    for (LocalMachine machine : machines.values()) {
      if (context.isClosed()) {
        return;
      }
      try {
        machine.localServices().supervise(now);
      } catch (RuntimeException e) {
        LOG.warn("cannot supervise the services of machine {}", machine.id(), e);
      }
    }
  }

  private void adoptMachines(Path directory, String prefix) {
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
      entries.forEach(children::add);
    } catch (IOException e) {
      throw new SubstrateException(
          "", "cannot read the machines directory " + directory + ": " + e, e);
    }
    for (Path child : children) {
      String name = child.getFileName().toString();
      if (!NUMBER.matcher(name).matches() || !Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      String id = prefix + name;
      LocalMachine machine;
      try {
        machine = LocalMachine.read(child, context);
      } catch (IOException e) {
        throw new SubstrateException(
            id, "cannot read the record of machine " + id + " in " + child + ": " + e, e);
      }
      if (machine == null) {
        continue; // an interrupted release left it; provisioning the id again deletes it
      }
      if (!machine.id().equals(id)) {
        throw new SubstrateException(
            id, "the record of machine " + id + " in " + child + " names machine " + machine.id());
      }
      if (addresses.isAllocated(machine.address())) {
        throw new SubstrateException(
            id, "machine " + id + " has the address " + machine.address() + " of another machine");
      }
      try {
        addresses.markAllocated(machine.address());
      } catch (IllegalArgumentException e) {
        throw new SubstrateException(
            id,
            "machine "
                + id
                + " has the address "
                + machine.address()
                + ", outside "
                + addresses.cidr()
                + "; open the substrate with the address range it was created with",
            e);
      }
      machines.put(id, machine);
      adoptContainers(child, id);
    }
  }

  private void adoptContainers(Path machineRoot, String machineId) {
    List<Path> types = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(machineRoot)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (CONTAINER_TYPE.matcher(name).matches()
            && !MACHINE_DIRECTORIES.contains(name)
            && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
          types.add(entry);
        }
      }
    } catch (IOException e) {
      throw new SubstrateException(
          machineId, "cannot read the directory of machine " + machineId + ": " + e, e);
    }
    for (Path type : types) {
      adoptMachines(type, machineId + "/" + type.getFileName() + "/");
    }
  }

  private static void checkBindable(String id, String address) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
    } catch (IOException e) {
      throw new SubstrateException(
          id,
          "cannot provision machine "
              + id
              + ": its address "
              + address
              + " cannot be bound on this host ("
              + e.getMessage()
              + "); on Linux all of 127.0.0.0/8 is loopback, elsewhere add the address to the"
              + " loopback interface (for example: sudo ifconfig lo0 alias "
              + address
              + ")",
          e);
    }
  }

  private static FileChannel openLock(Path root) {
    try {
      return FileChannel.open(
          root.resolve(".lock"),
          StandardOpenOption.CREATE,
          StandardOpenOption.READ,
          StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new SubstrateException(
          "", "cannot open the lock file of the machines directory " + root + ": " + e, e);
    }
  }

  private static FileLock acquire(Path root, FileChannel channel) {
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      closeQuietly(channel);
      throw new SubstrateException(
          "",
          "the machines directory "
              + root
              + " is already open in this process; close its substrate first",
          e);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new SubstrateException("", "cannot lock the machines directory " + root + ": " + e, e);
    }
    if (lock == null) {
      String holder = "";
      try {
        holder = Files.readString(root.resolve(".lock"), StandardCharsets.US_ASCII).trim();
      } catch (IOException e) {
        // The message does without the pid.
      }
      closeQuietly(channel);
      throw new SubstrateException(
          "",
          "the machines directory "
              + root
              + " is in use by another Bosun process"
              + (holder.isEmpty() ? "" : " (pid " + holder + ")")
              + "; wait for it to finish or stop it");
    }
    try {
      channel.truncate(0);
      channel.write(
          ByteBuffer.wrap(
              (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
          0);
    } catch (IOException e) {
      // The pid is informative only.
    }
    return lock;
  }

  private void unlock() {
    try {
      lock.release();
    } catch (IOException e) {
      // Closing the channel releases it too.
    }
    closeQuietly(lockChannel);
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // Nothing to do.
    }
  }

  private static int depth(String machineId) {
    return machineId.split("/", -1).length;
  }

  /** Orders machine ids component by component: numbers numerically, hosts before containers. */
  static int compareMachineIds(String left, String right) {
    String[] a = left.split("/", -1);
    String[] b = right.split("/", -1);
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      int order = i % 2 == 0 ? compareNumbers(a[i], b[i]) : a[i].compareTo(b[i]);
      if (order != 0) {
        return order;
      }
    }
    return Integer.compare(a.length, b.length);
  }

  private static int compareNumbers(String left, String right) {
    int order = Integer.compare(left.length(), right.length());
    return order != 0 ? order : left.compareTo(right);
  }

  @Override
  public String toString() {
    return "local substrate over " + root;
  }

  /** What the machines of a substrate share. */
  static final class Context {
    private final Path root;
    private final Settings settings;
    private final ProcessLauncher launcher;
    private final LocalPackages packages;
    private volatile boolean closed;

    Context(Path root, Settings settings, ProcessLauncher launcher, LocalPackages packages) {
      this.root = root;
      this.settings = settings;
      this.launcher = launcher;
      this.packages = packages;
    }

    Settings settings() {
      return settings;
    }

    ProcessLauncher launcher() {
      return launcher;
    }

    LocalPackages packages() {
      return packages;
    }

    boolean isClosed() {
      return closed;
    }

    synchronized boolean close() {
      boolean wasOpen = !closed;
      closed = true;
      return wasOpen;
    }

    void checkOpen() {
      if (closed) {
        throw new SubstrateException("", "the local substrate over " + root + " is closed");
      }
    }
  }

  /**
   * Options of a {@link LocalSubstrate}.
   *
   * <pre>{@code
   * LocalSubstrate substrate =
   *     LocalSubstrate.builder(root)
   *         .allowPackageInstallation(true)
   *         .restartBackoff(Duration.ofMillis(500), Duration.ofSeconds(30))
   *         .build();
   * }</pre>
   */
  public static final class Builder {
    private final Path root;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maximumBackoff = Duration.ofSeconds(30);
    private Duration stableAfter = Duration.ofSeconds(10);
    private Duration checkInterval = Duration.ofMillis(500);
    private Duration stopGracePeriod = Duration.ofSeconds(10);
    private boolean allowPackageInstallation;
    private Boolean privileged;
    private PackageInstaller installer = PackageInstaller.system();
    private List<Path> searchPath;
    private String addressRange;

    private Builder(Path root) {
      this.root = requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    /**
     * Sets the delay before the first restart of a crashed service (default 0.5 s) and the most it
     * doubles to (default 30 s).
     *
     * @throws IllegalArgumentException when initial is not positive or exceeds maximum
     */
    public Builder restartBackoff(Duration initial, Duration maximum) {
      if (initial.isNegative() || initial.isZero() || initial.compareTo(maximum) > 0) {
        throw new IllegalArgumentException(
            "restart backoff must be positive and at most its maximum: "
                + initial
                + ", "
                + maximum);
      }
      this.initialBackoff = initial;
      this.maximumBackoff = maximum;
      return this;
    }

    /**
     * Sets how long a service must run before a crash no longer counts as part of a crash loop: its
     * backoff starts again from the initial delay (default 10 s).
     */
    public Builder stableAfter(Duration stableAfter) {
      this.stableAfter = positive(stableAfter, "stable-after");
      return this;
    }

    /** Sets how often the supervisor checks the services (default 0.5 s). */
    public Builder checkInterval(Duration checkInterval) {
      this.checkInterval = positive(checkInterval, "check interval");
      return this;
    }

    /** Sets how long a stopped service has after SIGTERM before SIGKILL (default 10 s). */
    public Builder stopGracePeriod(Duration stopGracePeriod) {
      if (stopGracePeriod.isNegative()) {
        throw new IllegalArgumentException("stop grace period must not be negative");
      }
      this.stopGracePeriod = stopGracePeriod;
      return this;
    }

    /**
     * Sets whether missing packages may be installed with {@code apt-get} when this process is
     * privileged (default false: the charm is told the command an operator must run).
     */
    public Builder allowPackageInstallation(boolean allow) {
      this.allowPackageInstallation = allow;
      return this;
    }

    /**
     * Sets whether this process may install packages itself (default: whether it runs as root);
     * when not, the command an operator must run is prefixed with {@code sudo}.
     */
    public Builder privileged(boolean privileged) {
      this.privileged = privileged;
      return this;
    }

    /** Sets what runs installation commands (default {@link PackageInstaller#system()}). */
    public Builder packageInstaller(PackageInstaller installer) {
      this.installer = requireNonNull(installer, "installer");
      return this;
    }

    /**
     * Sets the directories a package's binary is looked for in (default: {@code PATH}, then the
     * standard system directories).
     */
    public Builder searchPath(List<Path> searchPath) {
      this.searchPath = List.copyOf(searchPath);
      return this;
    }

    /**
     * Sets the range machine addresses come from. Without it, a root opened before keeps the range
     * it recorded ({@code <root>/address-range}) and a new one uses {@code 127.77.0.0/16}.
     *
     * @throws IllegalArgumentException when it is not a CIDR range inside {@code 127.0.0.0/8}
     */
    public Builder addressRange(String cidr) {
      AddressRange.parse(cidr);
      this.addressRange = cidr;
      return this;
    }

    /**
     * Opens the substrate: creates the root when missing, locks it, re-adopts the machines and
     * services recorded there and starts supervising.
     *
     * @throws SubstrateException when the root cannot be created or read, or another substrate has
     *     it open
     */
    public LocalSubstrate build() {
      return new LocalSubstrate(
          root,
          new Settings(
              initialBackoff,
              maximumBackoff,
              stableAfter,
              checkInterval,
              stopGracePeriod,
              allowPackageInstallation,
              privileged != null ? privileged : runsAsRoot(),
              installer,
              searchPath != null ? searchPath : defaultSearchPath(),
              addressRange));
    }

    private static Duration positive(Duration duration, String what) {
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(what + " must be positive: " + duration);
      }
      return duration;
    }

    private static boolean runsAsRoot() {
      try {
        Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        return Integer.valueOf(0).equals(uid);
      } catch (IOException | RuntimeException e) {
        return "root".equals(System.getProperty("user.name"));
      }
    }

    private static List<Path> defaultSearchPath() {
      Set<Path> directories = new LinkedHashSet<>();
      String path = System.getenv("PATH");
      if (path != null) {
        for (String directory : path.split(File.pathSeparator)) {
          if (!directory.isEmpty()) {
            directories.add(Path.of(directory));
          }
        }
      }
      for (String directory :
          List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin")) {
        directories.add(Path.of(directory));
      }
      return List.copyOf(directories);
    }
  }
}
