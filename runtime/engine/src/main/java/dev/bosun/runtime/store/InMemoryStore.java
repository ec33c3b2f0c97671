package dev.bosun.runtime.store;

import static java.util.Objects.requireNonNull;

import dev.bosun.runtime.internal.time.Timers;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Store} in the memory of this process, for tests and for embedding Bosun where state need
 * not outlive the process. It implements the whole contract of {@link Store}, with these limits:
 *
 * <ul>
 *   <li><b>No durability.</b> Everything is lost when the process ends; share the instance between
 *       runtimes to simulate a restart.
 *   <li><b>Bounded watch history.</b> It remembers the changes of the last {@code historyLimit}
 *       revisions (1,000 unless given); a watch from an older revision fails with {@link
 *       CompactedException}.
 *   <li><b>Leases expire only while the process runs</b>, on the store's clock: with a {@link
 *       dev.bosun.runtime.ManualClock} exactly when the clock is advanced past their deadline,
 *       otherwise on a daemon timer thread (created with the first lease).
 *   <li><b>Shared arrays.</b> Values are not copied: the arrays given to a put and returned by a
 *       read are the stored ones and must not be modified.
 *   <li><b>No size limits</b> on keys, values, transactions or the whole store.
 *   <li><b>Watch delivery</b> happens on the thread whose change produced it (a committer, the
 *       lease timer, or the thread advancing a manual clock), after the store's lock is released.
 * </ul>
 *
 * <pre>{@code
 * Store store = new InMemoryStore(clock);
 * store.commit(Txn.builder().ifAbsent("a").put("a", "1").build());
 * store.get("a").orElseThrow().modRevision();   // 1
 * }</pre>
 */
public final class InMemoryStore implements Store {
  private static final Logger LOG = LoggerFactory.getLogger(InMemoryStore.class);
  private static final byte[] NO_VALUE = new byte[0];

  /** How many revisions of changes a store remembers for watches unless told otherwise. */
  public static final int DEFAULT_HISTORY_LIMIT = 1_000;

  private final Clock clock;
  private final int historyLimit;
  private final ReentrantLock lock = new ReentrantLock();
  private final HashMap<String, KeyValue> data = new HashMap<>();

  /**
   * The keys in the order of their UTF-8 bytes (that is, by code point, as etcd and SQLite order
   * them), for ranges; touched only when a key is created or deleted.
   */
  private final java.util.TreeSet<String> keys =
      new java.util.TreeSet<>(InMemoryStore::byCodePoint);

  private final ArrayDeque<Batch> history = new ArrayDeque<>();
  private final Map<Long, LeaseState> leases = new HashMap<>();
  private final CopyOnWriteArrayList<MemoryWatch> watches = new CopyOnWriteArrayList<>();
  private Timers timers;
  private long revision;
  private long compactedRevision;
  private long nextLease = 1;
  private boolean closed;

  /** Creates an empty store whose leases run on the system clock. */
  public InMemoryStore() {
    this(Clock.systemUTC());
  }

  /** Creates an empty store whose leases run on {@code clock}. */
  public InMemoryStore(Clock clock) {
    this(clock, DEFAULT_HISTORY_LIMIT);
  }

  /**
   * Creates an empty store.
   *
   * @param clock the clock leases run on
   * @param historyLimit how many revisions of changes to remember for watches, at least 1
   */
  public InMemoryStore(Clock clock, int historyLimit) {
    this.clock = requireNonNull(clock, "clock");
    if (historyLimit < 1) {
      throw new IllegalArgumentException("historyLimit must be at least 1, got " + historyLimit);
    }
    this.historyLimit = historyLimit;
  }

  @Override
  public Optional<KeyValue> get(String key) {
    requireNonNull(key, "key");
    lock.lock();
    try {
      checkOpen();
      return Optional.ofNullable(data.get(key));
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Range range(String prefix) {
    requireNonNull(prefix, "prefix");
    lock.lock();
    try {
      checkOpen();
      List<KeyValue> entries = new ArrayList<>();
      for (String key : keys.tailSet(prefix)) {
        if (!key.startsWith(prefix)) {
          break;
        }
        entries.add(data.get(key));
      }
      return new Range(entries, revision);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public long revision() {
    lock.lock();
    try {
      checkOpen();
      return revision;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public TxnResult commit(Txn txn) {
    requireNonNull(txn, "txn");
    List<MemoryWatch> notify;
    TxnResult result;
    lock.lock();
    try {
      checkOpen();
      for (Txn.Compare compare : txn.compares()) {
        KeyValue current = data.get(compare.key());
        long modRevision = current == null ? 0 : current.modRevision();
        if (modRevision != compare.modRevision()) {
          return new TxnResult(false, revision);
        }
      }
      if (txn.isReadOnly()) {
        return new TxnResult(true, revision);
      }
      for (Txn.Put put : txn.puts()) {
        if (put.lease() != 0 && !leases.containsKey(put.lease())) {
          throw new LeaseNotFoundException(put.lease());
        }
      }
      long next = revision + 1;
      List<WatchEvent> events = new ArrayList<>(txn.puts().size() + txn.deletes().size());
      for (Txn.Put put : txn.puts()) {
        KeyValue previous = data.get(put.key());
        if (previous != null && previous.lease() != 0 && previous.lease() != put.lease()) {
          detach(previous.lease(), put.key());
        }
        KeyValue updated =
            previous == null
                ? new KeyValue(put.key(), put.value(), next, next, 1, put.lease())
                : new KeyValue(
                    put.key(),
                    put.value(),
                    previous.createRevision(),
                    next,
                    previous.version() + 1,
                    put.lease());
        data.put(put.key(), updated);
        if (previous == null) {
          keys.add(put.key());
        }
        if (put.lease() != 0) {
          leases.get(put.lease()).keys.add(put.key());
        }
        events.add(new WatchEvent(WatchEvent.Type.PUT, put.key(), put.value(), next));
      }
      for (String key : txn.deletes()) {
        KeyValue previous = data.remove(key);
        if (previous != null) {
          keys.remove(key);
          if (previous.lease() != 0) {
            detach(previous.lease(), key);
          }
          events.add(new WatchEvent(WatchEvent.Type.DELETE, key, NO_VALUE, next));
        }
      }
      if (events.isEmpty()) {
        // Only deletes of absent keys: nothing changed, so no revision is taken (as in etcd).
        return new TxnResult(true, revision);
      }
      revision = next;
      notify = record(events);
      result = new TxnResult(true, next);
    } finally {
      lock.unlock();
    }
    drain(notify);
    return result;
  }

  @Override
  public Watch watch(String prefix, long fromRevision, WatchListener listener) {
    requireNonNull(prefix, "prefix");
    requireNonNull(listener, "listener");
    if (fromRevision < 1) {
      throw new IllegalArgumentException("fromRevision must be at least 1, got " + fromRevision);
    }
    MemoryWatch watch = new MemoryWatch(prefix, listener);
    lock.lock();
    try {
      checkOpen();
      if (fromRevision <= compactedRevision) {
        throw new CompactedException(fromRevision, compactedRevision + 1);
      }
      for (Batch batch : history) {
        if (batch.revision >= fromRevision) {
          watch.offer(batch);
        }
      }
      watches.add(watch);
    } finally {
      lock.unlock();
    }
    watch.drain();
    return watch;
  }

  @Override
  public long grantLease(Duration timeToLive) {
    requireNonNull(timeToLive, "timeToLive");
    long ttl = timeToLive.toMillis();
    if (ttl < 1) {
      throw new IllegalArgumentException("a lease lives at least 1 ms, not " + timeToLive);
    }
    lock.lock();
    try {
      checkOpen();
      if (timers == null) {
        timers = Timers.forClock(clock, "bosun-in-memory-store-leases");
      }
      long id = nextLease++;
      LeaseState lease = new LeaseState(id, ttl, clock.millis() + ttl);
      leases.put(id, lease);
      scheduleExpiry(lease);
      return id;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void keepAlive(long leaseId) {
    List<MemoryWatch> notify = List.of();
    boolean expired = false;
    lock.lock();
    try {
      checkOpen();
      LeaseState lease = leases.get(leaseId);
      if (lease == null) {
        throw new LeaseNotFoundException(leaseId);
      }
      long now = clock.millis();
      if (now >= lease.deadline) {
        notify = expire(lease);
        expired = true;
      } else {
        lease.deadline = now + lease.ttl;
      }
    } finally {
      lock.unlock();
    }
    drain(notify);
    if (expired) {
      throw new LeaseNotFoundException(leaseId);
    }
  }

  @Override
  public void revokeLease(long leaseId) {
    List<MemoryWatch> notify = List.of();
    lock.lock();
    try {
      checkOpen();
      LeaseState lease = leases.get(leaseId);
      if (lease != null) {
        notify = expire(lease);
      }
    } finally {
      lock.unlock();
    }
    drain(notify);
  }

  /** Compares by code point, which orders strings as their UTF-8 bytes order. */
  private static int byCodePoint(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  /** Returns how many keys the store holds. */
  public int size() {
    lock.lock();
    try {
      return data.size();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      if (timers != null) {
        timers.close();
      }
      watches.forEach(MemoryWatch::cancel);
      watches.clear();
    } finally {
      lock.unlock();
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new StoreException("the in-memory store is closed");
    }
  }

  private void detach(long leaseId, String key) {
    LeaseState lease = leases.get(leaseId);
    if (lease != null) {
      lease.keys.remove(key);
    }
  }

  private void scheduleExpiry(LeaseState lease) {
    long deadline = lease.deadline;
    timers.at(java.time.Instant.ofEpochMilli(deadline), () -> onDeadline(lease.id));
  }

  private void onDeadline(long leaseId) {
    List<MemoryWatch> notify = List.of();
    lock.lock();
    try {
      if (closed) {
        return;
      }
      LeaseState lease = leases.get(leaseId);
      if (lease == null) {
        return;
      }
      if (clock.millis() < lease.deadline) {
        scheduleExpiry(lease);
        return;
      }
      notify = expire(lease);
    } finally {
      lock.unlock();
    }
    drain(notify);
  }

  /** Removes a lease and deletes its keys at a new revision. Called with the lock held. */
  private List<MemoryWatch> expire(LeaseState lease) {
    leases.remove(lease.id);
    if (lease.keys.isEmpty()) {
      return List.of();
    }
    long next = revision + 1;
    List<WatchEvent> events = new ArrayList<>(lease.keys.size());
    for (String key : new java.util.TreeSet<>(lease.keys)) {
      if (data.remove(key) != null) {
        keys.remove(key);
        events.add(new WatchEvent(WatchEvent.Type.DELETE, key, NO_VALUE, next));
      }
    }
    if (events.isEmpty()) {
      return List.of();
    }
    revision = next;
    return record(events);
  }

  /**
   * Records a revision's events in the history and queues them for matching watches. Called with
   * the lock held.
   */
  private List<MemoryWatch> record(List<WatchEvent> events) {
    if (events.size() > 1) {
      events.sort((a, b) -> a.key().compareTo(b.key()));
    }
    Batch batch = new Batch(revision, java.util.Collections.unmodifiableList(events));
    history.addLast(batch);
    while (history.size() > historyLimit) {
      compactedRevision = history.removeFirst().revision;
    }
    List<MemoryWatch> notify = new ArrayList<>(2);
    for (MemoryWatch watch : watches) {
      if (watch.offer(batch)) {
        notify.add(watch);
      }
    }
    return notify;
  }

  private static void drain(List<MemoryWatch> notify) {
    for (MemoryWatch watch : notify) {
      watch.drain();
    }
  }

  private record Batch(long revision, List<WatchEvent> events) {}

  private static final class LeaseState {
    final long id;
    final long ttl;
    long deadline;
    final Set<String> keys = new LinkedHashSet<>();

    LeaseState(long id, long ttl, long deadline) {
      this.id = id;
      this.ttl = ttl;
      this.deadline = deadline;
    }
  }

  private final class MemoryWatch implements Watch {
    private final String prefix;
    private final WatchListener listener;
    private final ConcurrentLinkedQueue<Batch> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile boolean cancelled;

    MemoryWatch(String prefix, WatchListener listener) {
      this.prefix = prefix;
      this.listener = listener;
    }

    /** Queues the part of a batch under the prefix; returns whether anything was queued. */
    boolean offer(Batch batch) {
      List<WatchEvent> matching = null;
      for (WatchEvent event : batch.events) {
        if (event.key().startsWith(prefix)) {
          if (matching == null) {
            matching = new ArrayList<>(2);
          }
          matching.add(event);
        }
      }
      if (matching == null) {
        return false;
      }
      pending.add(new Batch(batch.revision, List.copyOf(matching)));
      return true;
    }

    void drain() {
      while (!cancelled && !pending.isEmpty()) {
        if (!draining.compareAndSet(false, true)) {
          return;
        }
        try {
          Batch batch;
          while (!cancelled && (batch = pending.poll()) != null) {
            try {
              listener.onEvents(batch.revision, batch.events);
            } catch (RuntimeException e) {
              LOG.error("watch listener on {} failed at revision {}", prefix, batch.revision, e);
            }
          }
        } finally {
          draining.set(false);
        }
      }
    }

    @Override
    public void cancel() {
      cancelled = true;
      watches.remove(this);
    }
  }
}
