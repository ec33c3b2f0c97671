package dev.bosun.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bosun.runtime.store.KeyValue;
import dev.bosun.runtime.store.LeaseNotFoundException;
import dev.bosun.runtime.store.Store;
import dev.bosun.runtime.store.StoreException;
import dev.bosun.runtime.store.Txn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model's controller lease: the store key {@value #KEY}, put with a store lease of {@link #TTL}
 * that the holder keeps alive. Exactly one process holds it; only that process runs a {@link
 * dev.bosun.runtime.Runtime} over the model (drives hooks, supervises services). When the holder
 * dies the store lease expires and the key is deleted, so the model is free again within {@link
 * #TTL}.
 */
final class ControllerLease implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ControllerLease.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The key that names the holder. */
  static final String KEY = "cli/controller";

  /** How long the key outlives its holder. */
  static final Duration TTL = Duration.ofSeconds(10);

  private static final Duration RENEWAL = Duration.ofSeconds(2);

  private final Store store;
  private final long leaseId;
  private final Holder holder;
  private final ScheduledExecutorService renewer;
  private volatile boolean lost;

  /**
   * Who holds the lease.
   *
   * @param pid the holder's process id
   * @param controller whether the holder is a {@code bosun controller} (it applies other
   *     invocations' changes); otherwise a command that drives the model until it settles and
   *     answers only read-only requests
   * @param command the command it runs
   * @param started when the process started (epoch milliseconds), to tell it from a later process
   *     that reuses its pid; 0 when unknown
   */
  record Holder(long pid, boolean controller, String command, long started) {

    /** This process as a holder. */
    static Holder self(boolean controller, String command) {
      ProcessHandle me = ProcessHandle.current();
      return new Holder(me.pid(), controller, command, startOf(me));
    }

    /**
     * Whether the holder's process is gone. The model's store is a local file (SQLite needs a local
     * file system), so every holder runs on this host and its pid can be checked here.
     */
    boolean isDead() {
      Optional<ProcessHandle> process = ProcessHandle.of(pid);
      if (process.isEmpty() || !process.get().isAlive()) {
        return true;
      }
      long start = startOf(process.get());
      return started != 0 && start != 0 && start != started;
    }

    private static long startOf(ProcessHandle process) {
      return process.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
    }

    String describe() {
      return controller
          ? "a bosun controller (pid " + pid + ")"
          : "'bosun " + command + "' (pid " + pid + ")";
    }
  }

  private ControllerLease(Store store, long leaseId, Holder holder) {
    this.store = store;
    this.leaseId = leaseId;
    this.holder = holder;
    this.renewer =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "bosun-controller-lease");
              thread.setDaemon(true);
              return thread;
            });
    long period = RENEWAL.toMillis();
    renewer.scheduleWithFixedDelay(this::renew, period, period, TimeUnit.MILLISECONDS);
  }

  /** Takes the lease if nobody holds it. */
  static Optional<ControllerLease> tryAcquire(Store store, Holder holder) {
    long lease = store.grantLease(TTL);
    boolean taken;
    try {
      taken =
          store
              .commit(Txn.builder().ifAbsent(KEY).put(KEY, encode(holder), lease).build())
              .succeeded();
    } catch (RuntimeException e) {
      store.revokeLease(lease);
      throw e;
    }
    if (!taken) {
      store.revokeLease(lease);
      return Optional.empty();
    }
    return Optional.of(new ControllerLease(store, lease, holder));
  }

  /**
   * Frees the model from a holder whose process died without releasing it (killed), instead of
   * waiting up to {@link #TTL} for its lease to expire.
   *
   * @return whether the lease was revoked
   */
  static boolean revokeIfDead(Store store, KeyValue current) {
    Holder holder = decode(current);
    if (!holder.isDead() || current.lease() == 0) {
      return false;
    }
    LOG.info("pid {} held the model but is gone; taking its controller lease", holder.pid());
    store.revokeLease(current.lease());
    return true;
  }

  /** Returns the current holder, if any, with the revision it took the lease at. */
  static Optional<KeyValue> current(Store store) {
    return store.get(KEY);
  }

  /**
   * Encodes and decodes a holder record, so that Jackson's object mapper and the record's
   * serializers are built (about 40 ms in a fresh JVM) on the warm-up thread while the main thread
   * still reads the command line, rather than on the main thread when it takes the lease.
   */
  static void warmUp() {
    decode(new KeyValue(KEY, encode(new Holder(0, false, "warm-up", 0)), 0, 0, 0, 0));
  }

  /** Decodes a holder record. */
  static Holder decode(KeyValue kv) {
    try {
      return JSON.readValue(kv.value(), Holder.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] encode(Holder holder) {
    try {
      return JSON.writeValueAsString(holder).getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Holder holder() {
    return holder;
  }

  /** Whether the lease was lost (it could not be renewed in time). */
  boolean lost() {
    return lost;
  }

  private void renew() {
    try {
      store.keepAlive(leaseId);
    } catch (LeaseNotFoundException e) {
      lost = true;
      LOG.error(
          "this process lost the model's controller lease (it was not renewed within {});"
              + " another process may take over the model",
          TTL);
      renewer.shutdown();
    } catch (StoreException e) {
      LOG.warn("cannot renew the controller lease: {}", e.getMessage());
    }
  }

  /** Releases the lease: another process may take the model at once. */
  @Override
  public void close() {
    renewer.shutdownNow();
    try {
      store.revokeLease(leaseId);
    } catch (StoreException e) {
      LOG.warn("cannot release the controller lease (it expires in {}): {}", TTL, e.getMessage());
    }
  }
}
