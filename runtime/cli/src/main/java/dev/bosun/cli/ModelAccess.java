package dev.bosun.cli;

import dev.bosun.charm.CharmCatalog;
import dev.bosun.runtime.store.KeyValue;
import dev.bosun.runtime.store.Store;
import dev.bosun.store.sqlite.SqliteStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.ParseResult;

/**
 * How a command reaches its model, and the controller lease protocol.
 *
 * <p>A command first tries to take the model's {@link ControllerLease}. If it gets it, it opens the
 * model ({@link Session}), runs, drives the hooks until the model settles when it changed the
 * model, and releases the lease. Otherwise, when the holder is a {@code bosun controller}, or the
 * command only reads the model, it hands its command line to the holder ({@link Requests}) and
 * prints what the holder answers. A command that changes the model while another command holds the
 * lease waits for the lease (up to {@link #LOCK_WAIT}), then drives the model itself: two
 * invocations never run a runtime over one model at the same time.
 *
 * <p>Inside the holder, a request runs with an <em>attached</em> access bound to the holder's
 * session.
 */
final class ModelAccess {
  /** How long a command that changes the model waits for another command to finish. */
  static final Duration LOCK_WAIT = Duration.ofMinutes(10);

  /**
   * Agent threads of a command that drives the model: more than the two cores of a small machine,
   * because hooks also wait (an etcd member for its cluster's quorum) and a waiting hook should not
   * hold back the units that could run.
   */
  static final int DEFAULT_AGENT_THREADS = 4;

  private final Session attached;
  private final Path workingDirectory;
  private final Map<String, String> environment;
  private String[] args = new String[0];
  private boolean terminal;
  private boolean held;

  private ModelAccess(Session attached, Path workingDirectory, Map<String, String> environment) {
    this.attached = attached;
    this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    this.environment = environment;
  }

  /** An access that opens the model itself (or reaches its holder). */
  static ModelAccess standalone(Path workingDirectory, Map<String, String> environment) {
    return new ModelAccess(null, workingDirectory, environment);
  }

  /** An access bound to the session of the process that holds the lease. */
  static ModelAccess attached(Session session, Path workingDirectory) {
    return new ModelAccess(session, workingDirectory, Map.of());
  }

  /** Whether standard output is a terminal (progress is redrawn in place). */
  boolean terminal() {
    return terminal;
  }

  ModelAccess terminal(boolean isTerminal) {
    this.terminal = isTerminal;
    return this;
  }

  void args(String[] args) {
    this.args = args.clone();
  }

  boolean isAttached() {
    return attached != null;
  }

  /** Resolves a path the user gave against the user's working directory. */
  Path resolve(Path path) {
    return workingDirectory.resolve(path).normalize();
  }

  /**
   * The loopback range new machines take their addresses from: {@code BOSUN_ADDRESS_RANGE}, else
   * the substrate's default ({@code 127.77.0.0/16}). Two models running side by side on one host
   * need ranges of their own, since each machine listens on its address's standard ports.
   *
   * @throws UsageException when the value is not a CIDR range inside {@code 127.0.0.0/8}
   */
  java.util.Optional<String> addressRange() {
    String value = environment.get("BOSUN_ADDRESS_RANGE");
    if (value == null || value.isBlank()) {
      return java.util.Optional.empty();
    }
    try {
      dev.bosun.runtime.substrate.local.LocalSubstrate.builder(workingDirectory)
          .addressRange(value.strip());
    } catch (IllegalArgumentException e) {
      throw new UsageException("BOSUN_ADDRESS_RANGE: " + e.getMessage());
    }
    return java.util.Optional.of(value.strip());
  }

  /**
   * How many threads run agents when a command drives the model: {@code BOSUN_AGENT_THREADS}, else
   * {@link #DEFAULT_AGENT_THREADS}; 0 runs hooks in a fixed order on the command's thread.
   */
  int agentThreads() {
    String value = environment.get("BOSUN_AGENT_THREADS");
    if (value == null || value.isBlank()) {
      return DEFAULT_AGENT_THREADS;
    }
    try {
      int threads = Integer.parseInt(value.strip());
      if (threads >= 0) {
        return threads;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(
        "BOSUN_AGENT_THREADS must be a number of threads (0 or more), got \"" + value + "\"");
  }

  /** Returns the model directory the global options name. */
  ModelDirectory directory(ParseResult root) {
    if (attached != null) {
      return attached.directory();
    }
    Path model = root.matchedOptionValue("--model", (Path) null);
    for (ParseResult sub = root.subcommand();
        model == null && sub != null;
        sub = sub.subcommand()) {
      model = sub.matchedOptionValue("--model", (Path) null);
    }
    if (model == null) {
      String fromEnvironment = environment.get("BOSUN_MODEL");
      model =
          fromEnvironment == null || fromEnvironment.isBlank()
              ? Path.of(".bosun")
              : Path.of(fromEnvironment);
    }
    Path directory = resolve(model);
    String store = root.matchedOptionValue("--store", (String) null);
    for (ParseResult sub = root.subcommand();
        store == null && sub != null;
        sub = sub.subcommand()) {
      store = sub.matchedOptionValue("--store", (String) null);
    }
    if (store == null) {
      return new ModelDirectory(directory);
    }
    if (store.startsWith("sqlite:")) {
      String path = store.substring("sqlite:".length());
      if (path.isEmpty()) {
        throw new UsageException(
            "--store sqlite: needs a file path, as in --store sqlite:model.db");
      }
      return new ModelDirectory(directory, resolve(Path.of(path)));
    }
    if (store.startsWith("etcd://") || store.startsWith("zk://")) {
      throw new UsageException(
          "the "
              + store.substring(0, store.indexOf(':'))
              + " store is not supported yet; leave out --store to keep the model in"
              + " <model dir>/model.db, or give --store sqlite:PATH");
    }
    throw new UsageException(
        "unknown store URI \""
            + store
            + "\"; give sqlite:PATH (etcd:// and zk:// are planned but not supported yet)");
  }

  /** Runs a command against the model, as the class comment describes. */
  int run(ModelCommand command, ParseResult root, PrintWriter out, PrintWriter err) {
    if (attached != null) {
      int code = command.execute(attached);
      if (code == ExitCodes.OK && command.changesModel() && command.waitRequested()) {
        code = command.settle(attached);
      }
      return code;
    }
    ModelDirectory directory = directory(root);
    boolean created = !directory.exists() && !Files.exists(directory.root());
    if (!directory.exists()) {
      if (!command.createsModel()) {
        throw new UsageException(
            "no model in "
                + directory.root()
                + "; deploy one with 'bosun deploy BUNDLE', or point --model or BOSUN_MODEL at a"
                + " model directory");
      }
      try {
        Files.createDirectories(directory.root());
        Files.createDirectories(directory.database().toAbsolutePath().getParent());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    int code = ExitCodes.FAILURE;
    held = false;
    try {
      try (SqliteStore store = SqliteStore.open(directory.database())) {
        code = run(command, directory, store, out, err);
      } finally {
        if (held) {
          command.afterClose(directory, code == ExitCodes.OK);
        }
      }
    } catch (RuntimeException e) {
      if (created && ErrorReporter.exitCode(e) == ExitCodes.BAD_INPUT) {
        // Bad input is refused before anything is applied: leave no empty model behind.
        try {
          Files2.deleteTree(directory.root());
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    }
    return code;
  }

  private int run(
      ModelCommand command,
      ModelDirectory directory,
      Store store,
      PrintWriter out,
      PrintWriter err) {
    long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
    boolean told = false;
    while (true) {
      ControllerLease.Holder me =
          ControllerLease.Holder.self(command.isController(), command.name());
      Optional<ControllerLease> lease = ControllerLease.tryAcquire(store, me);
      if (lease.isPresent()) {
        return runHolding(command, directory, store, lease.get());
      }
      Optional<KeyValue> current = ControllerLease.current(store);
      if (current.isEmpty() || ControllerLease.revokeIfDead(store, current.get())) {
        continue;
      }
      ControllerLease.Holder holder = ControllerLease.decode(current.get());
      if (command.isController()) {
        throw new ModelBusyException(
            holder.describe()
                + " holds this model; a model has one controller at a time. Stop that process,"
                + " or wait for it to finish, then start 'bosun controller' again");
      }
      if (holder.controller() || !command.changesModel()) {
        Optional<Integer> code = remote(store, current.get(), holder, out, err);
        if (code.isPresent()) {
          return code.get();
        }
        continue;
      }
      if (!told) {
        err.println(
            "bosun: "
                + holder.describe()
                + " is changing this model; waiting for it to finish (Ctrl-C to give up)");
        err.flush();
        told = true;
      }
      if (System.nanoTime() > deadline) {
        throw new ModelBusyException(
            holder.describe()
                + " has been changing this model for more than "
                + LOCK_WAIT.toMinutes()
                + " minutes; run this command again when it has finished, or start 'bosun"
                + " controller' so that commands are applied without waiting");
      }
      sleep(200);
    }
  }

  private int runHolding(
      ModelCommand command, ModelDirectory directory, Store store, ControllerLease lease) {
    held = true;
    try (lease) {
      CharmCatalog charms = command.catalog(directory);
      try (Session session =
              Session.open(
                  directory,
                  store,
                  charms,
                  command.isController(),
                  command.isController()
                      ? Math.max(1, agentThreads())
                      : command.drives() ? agentThreads() : 0,
                  addressRange());
          RequestServer server = command.isController() ? null : RequestServer.start(session)) {
        int code = command.execute(session);
        if (code == ExitCodes.OK && command.changesModel()) {
          code = command.settle(session);
        }
        return code;
      }
    }
  }

  private Optional<Integer> remote(
      Store store,
      KeyValue holderKey,
      ControllerLease.Holder holder,
      PrintWriter out,
      PrintWriter err) {
    String id =
        Requests.submit(store, new Requests.Request(List.of(args), workingDirectory.toString()));
    while (true) {
      Optional<Requests.Response> response = Requests.takeResponse(store, id);
      if (response.isPresent()) {
        out.print(response.get().out());
        err.print(response.get().err());
        out.flush();
        err.flush();
        return Optional.of(response.get().code());
      }
      Optional<KeyValue> now = ControllerLease.current(store);
      if (now.isEmpty() || now.get().modRevision() != holderKey.modRevision() || holder.isDead()) {
        if (Requests.withdraw(store, id)) {
          return Optional.empty();
        }
        sleep(500);
        response = Requests.takeResponse(store, id);
        if (response.isPresent()) {
          out.print(response.get().out());
          err.print(response.get().err());
          out.flush();
          err.flush();
          return Optional.of(response.get().code());
        }
        throw new ModelBusyException(
            holder.describe()
                + " stopped while running this command; check the model with 'bosun status'"
                + " and run the command again if it is not done");
      }
      sleep(50);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ModelBusyException("interrupted while waiting for the model");
    }
  }
}
