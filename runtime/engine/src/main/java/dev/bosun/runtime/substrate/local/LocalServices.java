package dev.bosun.runtime.substrate.local;

import dev.bosun.charm.machine.ServiceSpec;
import dev.bosun.charm.machine.ServiceStatus;
import dev.bosun.charm.machine.Services;
import dev.bosun.runtime.substrate.SubstrateException;
import dev.bosun.runtime.substrate.local.SupervisedService.State;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The services of one machine of a {@link LocalSubstrate}: real processes, recorded under the
 * machine's {@code run/bosun/services/}, logging to {@code var/log/<service>.log}, checked by the
 * substrate's supervisor.
 */
final class LocalServices implements Services {
  private static final Logger LOG = LoggerFactory.getLogger(LocalServices.class);
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@-]{0,99}");
  private static final String RECORD_SUFFIX = ".json";

  private final LocalMachine machine;
  private final LocalSubstrate.Context context;
  private final Map<String, SupervisedService> services = new ConcurrentHashMap<>();

  LocalServices(LocalMachine machine, LocalSubstrate.Context context) {
    this.machine = machine;
    this.context = context;
  }

  @Override
  public void ensure(ServiceSpec spec) {
    String name = spec.name();
    checkName(name);
    machine.checkUsable();
    Path workingDirectory = workingDirectory(spec);
    String hash = ServiceRecord.hash(spec);
    while (true) {
      SupervisedService service =
          services.computeIfAbsent(name, key -> new SupervisedService(key, context.settings()));
      service.lock.lock();
      try {
        if (service.state == State.GONE) {
          continue; // stopped concurrently: start over with a fresh entry
        }
        String reason;
        if (service.state == State.NEW) {
          reason = "ensured";
        } else if (!hash.equals(service.specHash)) {
          reason = "its specification changed";
        } else if ((service.state == State.RUNNING || service.state == State.EXITING)
            && live(service)) {
          service.state = State.RUNNING; // ensured again: supervised as usual from now on
          return;
        } else {
          reason = "ensured while it was not running";
        }
        if (service.state != State.NEW) {
          terminate(service);
        }
        try {
          start(service, spec, hash, workingDirectory, reason);
        } catch (RuntimeException e) {
          forget(service);
          throw e;
        }
        return;
      } finally {
        service.lock.unlock();
      }
    }
  }

  @Override
  public void restart(String name) {
    machine.checkUsable();
    SupervisedService service = services.get(name);
    if (service == null) {
      return;
    }
    service.lock.lock();
    try {
      if (service.state == State.GONE || service.state == State.NEW) {
        return; // stopped, or being created by ensure (which starts it)
      }
      terminate(service);
      try {
        start(service, service.spec, service.specHash, workingDirectory(service.spec), "restarted");
      } catch (RuntimeException e) {
        crashed(service, System.nanoTime());
        throw e;
      }
    } finally {
      service.lock.unlock();
    }
  }

  @Override
  public void stop(String name) {
    SupervisedService service = services.get(name);
    if (service == null) {
      return;
    }
    stopAll(List.of(service));
  }

  @Override
  public void expectExit(String name) {
    SupervisedService service = services.get(name);
    if (service == null) {
      return;
    }
    service.lock.lock();
    try {
      if (service.state == State.RUNNING) {
        service.state = State.EXITING;
      }
    } finally {
      service.lock.unlock();
    }
  }

  @Override
  public Optional<ServiceStatus> status(String name) {
    SupervisedService service = services.get(name);
    if (service == null || service.state == State.GONE || service.state == State.NEW) {
      return Optional.empty();
    }
    ProcessIdentity process = service.process;
    boolean running =
        (service.state == State.RUNNING || service.state == State.EXITING)
            && process != null
            && process.live() != null;
    return Optional.of(
        new ServiceStatus(name, running, running ? process.pid() : -1, service.restarts));
  }

  /** Returns the names of the machine's services. */
  List<String> names() {
    return List.copyOf(new TreeMap<>(services).keySet());
  }

  /**
   * Stops every service of the machine together (SIGTERM to all, one grace period, SIGKILL to what
   * is left) and forgets them.
   *
   * @throws SubstrateException when a process survives SIGKILL
   */
  void stopAll() {
    stopAll(new TreeMap<>(services).values());
  }

  private void stopAll(java.util.Collection<SupervisedService> toStop) {
    List<SupervisedService> locked = new ArrayList<>();
    try {
      List<ProcessIdentity> processes = new ArrayList<>();
      for (SupervisedService service : toStop) {
        service.lock.lock();
        locked.add(service);
        if (service.state == State.GONE) {
          continue;
        }
        if (service.spec != null) {
          persist(service, true);
        }
        processes.add(service.process);
      }
      boolean gone = Processes.terminate(processes, context.settings().stopGracePeriod());
      for (SupervisedService service : locked) {
        if (service.state == State.GONE) {
          continue;
        }
        service.state = State.GONE;
        services.remove(service.name, service);
        if (gone) {
          deleteRecord(service.name);
        }
      }
      if (!gone) {
        throw new SubstrateException(
            machine.id(),
            "cannot stop services "
                + locked.stream().map(service -> service.name).toList()
                + " on machine "
                + machine.id()
                + ": processes survived SIGKILL; they are recorded as stopping and are killed"
                + " again when the machines directory is opened again");
      }
    } finally {
      locked.forEach(service -> service.lock.unlock());
    }
  }

  /**
   * Checks every service once, without waiting for one busy elsewhere: a service whose process
   * exited is scheduled for a restart after its backoff; one whose time has come is restarted.
   */
  void supervise(long nowNanos) {
    for (SupervisedService service : services.values()) {
      if (!service.lock.tryLock()) {
        continue;
      }
      try {
        supervise(service, nowNanos);
      } catch (RuntimeException e) {
        LOG.warn("cannot supervise service {} on machine {}", service.name, machine.id(), e);
      } finally {
        service.lock.unlock();
      }
    }
  }

  private void supervise(SupervisedService service, long nowNanos) {
    if (service.state == State.EXITING && !live(service)) {
      ProcessIdentity exited = service.process;
      LOG.info(
          "service {} on machine {} exited as its charm expected (pid {})",
          service.name,
          machine.id(),
          exited == null ? -1 : exited.pid());
      if (exited != null) {
        // As after a crash: what it started may still run in its session; stop that too.
        Processes.terminate(List.of(exited), context.settings().stopGracePeriod());
      }
      service.state = State.EXITED;
      service.process = null;
      return;
    }
    if (service.state == State.RUNNING && !live(service)) {
      crashed(service, nowNanos);
    }
    if (service.state == State.CRASHED && nowNanos - service.restartAtNanos >= 0) {
      if (machine.isReleased() || context.isClosed()) {
        return;
      }
      int restarts = service.restarts + 1;
      try {
        service.restarts = restarts;
        start(
            service,
            service.spec,
            service.specHash,
            workingDirectory(service.spec),
            "restart " + restarts + " after its process exited");
        LOG.info(
            "restarted service {} on machine {} as pid {} (restart {})",
            service.name,
            machine.id(),
            service.process.pid(),
            restarts);
      } catch (RuntimeException e) {
        service.restarts = restarts - 1;
        LOG.warn("cannot restart service {} on machine {}", service.name, machine.id(), e);
        crashed(service, nowNanos);
      }
    }
  }

  private void crashed(SupervisedService service, long nowNanos) {
    Instant startedAt = service.startedAt;
    long delay =
        service
            .backoff
            .afterCrash(startedAt == null ? null : Duration.between(startedAt, Instant.now()))
            .toNanos();
    service.restartAtNanos = nowNanos + delay;
    service.startedAt = null; // a restart that fails to launch does not count as a stable run
    ProcessIdentity exited = service.process;
    if (service.state == State.RUNNING) {
      LOG.warn(
          "service {} on machine {} exited (pid {}); restarting in {} ms; see {}",
          service.name,
          machine.id(),
          exited == null ? -1 : exited.pid(),
          delay / 1_000_000,
          logFile(service.name));
      if (exited != null) {
        // What it started may still run in its session (and hold its ports): stop that too.
        Processes.terminate(List.of(exited), context.settings().stopGracePeriod());
      }
    }
    service.state = State.CRASHED;
    service.process = null;
  }

  /**
   * Re-adopts the services recorded on disk: a process still running as recorded is supervised
   * again; a service whose process is gone is restarted by the supervisor's first check; a stop
   * that was interrupted is finished.
   *
   * @throws SubstrateException when a record cannot be read
   */
  void adopt() {
    Path directory = recordDirectory();
    if (!Files.isDirectory(directory)) {
      return;
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*" + RECORD_SUFFIX)) {
      entries.forEach(files::add);
    } catch (IOException e) {
      throw new SubstrateException(
          machine.id(), "cannot list the services of machine " + machine.id() + ": " + e, e);
    }
    for (Path file : files) {
      ServiceRecord record;
      try {
        record = ServiceRecord.read(file);
      } catch (IOException | RuntimeException e) {
        throw new SubstrateException(
            machine.id(),
            "cannot read the record of a service on machine "
                + machine.id()
                + " ("
                + file
                + "): "
                + e
                + "; fix or delete it, after stopping its process",
            e);
      }
      ProcessIdentity process = record.process();
      if (record.stopping()) {
        if (Processes.terminate(List.of(process), context.settings().stopGracePeriod())) {
          deleteRecord(record.name());
        }
        continue;
      }
      SupervisedService service = new SupervisedService(record.name(), context.settings());
      service.spec = record.spec();
      service.specHash = record.specHash();
      service.restarts = record.restarts();
      ProcessHandle handle = process == null ? null : process.live();
      if (handle != null) {
        service.process = process;
        service.state = State.RUNNING;
        service.startedAt = process.startInstant() == null ? Instant.now() : process.startInstant();
        LOG.debug(
            "adopted service {} on machine {} (pid {})",
            record.name(),
            machine.id(),
            process.pid());
      } else {
        service.state = State.CRASHED;
        service.restartAtNanos = System.nanoTime();
        LOG.info(
            "service {} on machine {} is not running; the supervisor restarts it",
            record.name(),
            machine.id());
      }
      services.put(record.name(), service);
    }
  }

  private void start(
      SupervisedService service,
      ServiceSpec spec,
      String hash,
      Path workingDirectory,
      String reason) {
    ProcessIdentity process =
        context
            .launcher()
            .launch(machine.id(), spec, workingDirectory, logFile(spec.name()), reason);
    service.spec = spec;
    service.specHash = hash;
    service.process = process;
    service.startedAt = Instant.now();
    service.state = State.RUNNING;
    persist(service, false);
  }

  private void terminate(SupervisedService service) {
    ProcessIdentity process = service.process;
    if (process != null
        && !Processes.terminate(List.of(process), context.settings().stopGracePeriod())) {
      throw new SubstrateException(
          machine.id(),
          "cannot stop service "
              + service.name
              + " on machine "
              + machine.id()
              + ": process "
              + process.pid()
              + " survived SIGKILL");
    }
    service.process = null;
  }

  private void forget(SupervisedService service) {
    service.state = State.GONE;
    services.remove(service.name, service);
    deleteRecord(service.name);
  }

  private boolean live(SupervisedService service) {
    ProcessIdentity process = service.process;
    return process != null && process.live() != null;
  }

  private void persist(SupervisedService service, boolean stopping) {
    Path file = recordFile(service.name);
    try {
      ServiceRecord.of(service.spec, service.specHash, service.process, service.restarts, stopping)
          .write(file);
    } catch (IOException e) {
      throw new SubstrateException(
          machine.id(),
          "cannot record service "
              + service.name
              + " of machine "
              + machine.id()
              + " in "
              + file
              + ": "
              + e
              + "; check that the machines directory is writable",
          e);
    }
  }

  private void deleteRecord(String name) {
    try {
      Files.deleteIfExists(recordFile(name));
    } catch (IOException e) {
      LOG.warn("cannot delete the record of service {} on machine {}", name, machine.id(), e);
    }
  }

  private Path workingDirectory(ServiceSpec spec) {
    return spec.workingDirectory().isEmpty()
        ? machine.root()
        : machine.path(spec.workingDirectory());
  }

  private Path recordDirectory() {
    return machine.root().resolve("run/bosun/services");
  }

  private Path recordFile(String name) {
    return recordDirectory().resolve(name + RECORD_SUFFIX);
  }

  private Path logFile(String name) {
    return machine.root().resolve("var/log").resolve(name + ".log");
  }

  private static void checkName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "invalid service name "
              + name
              + ": use letters, digits, '.', '_', '@' and '-', starting with a letter or digit");
    }
  }
}
