package dev.bosun.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bosun.charm.CharmCatalog;
import dev.bosun.charm.HookContext;
import dev.bosun.model.spec.ModelSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The runtime on a pool of threads: the machine lock holds, the guarantees hold, it settles. */
class ThreadedRuntimeTest {

  @Test
  void aWaitThatEndsBeforeTheModelSettlesReportsWhatIsRunning() throws Exception {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    Script slow =
        new Script()
            .on(
                "install",
                ctx -> {
                  try {
                    release.await();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
    try (Runtime runtime =
        Runtime.builder()
            .charms(
                CharmCatalog.builder().add(TestCharms.define(TestCharms.plainMeta(), slow)).build())
            .settings(RuntimeSettings.builder().threads(2).build())
            .build()) {
      runtime.apply(ModelSpec.builder().application("plain", app -> app.units(1)).build());

      SettleResult result = runtime.awaitSettled(Duration.ofMillis(200));

      assertThat(result.settled()).isFalse();
      assertThat(result.pending()).containsEntry("plain/0", "running install hook");
      release.countDown();
      assertThat(runtime.awaitSettled(Duration.ofSeconds(30)).settled()).isTrue();
    }
  }

  @Test
  void hooksOnOneMachineNeverOverlapAndTheModelSettles() throws Exception {
    Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
    AtomicInteger overlaps = new AtomicInteger();
    Consumer<HookContext> exclusive =
        ctx -> {
          AtomicInteger onMachine =
              running.computeIfAbsent(ctx.machine().id(), k -> new AtomicInteger());
          if (onMachine.incrementAndGet() > 1) {
            overlaps.incrementAndGet();
          }
          try {
            Thread.sleep(1);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          onMachine.decrementAndGet();
        };
    Script server = new Script().always(exclusive);
    Script client = new Script().always(exclusive);
    Script agent = new Script().always(exclusive);
    CharmCatalog charms =
        CharmCatalog.builder()
            .add(TestCharms.define(TestCharms.serverMeta(), server))
            .add(TestCharms.define(TestCharms.clientMeta(), client))
            .add(TestCharms.define(TestCharms.agentMeta(), agent))
            .build();
    try (Runtime runtime =
        Runtime.builder()
            .charms(charms)
            .settings(RuntimeSettings.builder().threads(4).build())
            .build()) {
      runtime.apply(
          ModelSpec.builder()
              .application("server", app -> app.units(2))
              .application("client", app -> app.units(6))
              .application("agent", app -> app.units(0))
              .relate("client:db", "server:db")
              .relate("agent:host", "client")
              .build());
      SettleResult result = runtime.awaitSettled(Duration.ofMinutes(1));

      assertThat(result.settled()).as("%s", result).isTrue();
      assertThat(overlaps.get()).isZero();
      List<String> units = new ArrayList<>(runtime.status().units().keySet());
      assertThat(units).hasSize(14);
      Logs.checkGuarantees(runtime, units, List.of("p", "cluster"));
      for (int i = 0; i < 6; i++) {
        assertThat(runtime.hookLog("client/" + i))
            .extracting(Harness::describe)
            .contains("db-relation-joined server/0", "db-relation-joined server/1");
      }

      runtime.removeApplication("client");
      assertThat(runtime.awaitSettled(Duration.ofMinutes(1)).settled()).isTrue();
      assertThat(runtime.status().units()).containsOnlyKeys("server/0", "server/1");
      assertThat(overlaps.get()).isZero();
    }
  }

  @Test
  void aUnitWithARunOfHooksRunsThemWithoutWaitingForEveryOtherUnitsTurn() throws Exception {
    // The server unit has two relation hooks per client to run, one after another; each client
    // has a handful. Going to the back of the queue after each hook, the server ran one hook per
    // turn of every queued client (tens of other hooks between two of its own); now it keeps its
    // thread while the other thread runs the clients.
    List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
    Script record = new Script().always(ctx -> order.add(ctx.unitName()));
    CharmCatalog charms =
        CharmCatalog.builder()
            .add(TestCharms.define(TestCharms.serverMeta(), record))
            .add(TestCharms.define(TestCharms.clientMeta(), record))
            .build();
    int clients = 60;
    try (Runtime runtime =
        Runtime.builder()
            .charms(charms)
            .settings(RuntimeSettings.builder().threads(2).build())
            .build()) {
      runtime.apply(
          ModelSpec.builder()
              .application("server", app -> app.units(1))
              .application("client", app -> app.units(clients))
              .relate("client:db", "server:db")
              .build());
      assertThat(runtime.awaitSettled(Duration.ofMinutes(1)).settled()).isTrue();
      // The hook log is appended from the chunk kept in memory while the unit is busy: every
      // hook run is there, the last 100 of them (the default limit) in the store.
      long serverHooks = order.stream().filter("server/0"::equals).count();
      assertThat(serverHooks).isGreaterThan(2L * clients);
      assertThat(runtime.hookLog("server/0")).hasSize((int) Math.min(100, serverHooks));
    }
    List<Integer> othersBetween = new ArrayList<>();
    int others = -1;
    for (String unit : order) {
      if (unit.equals("server/0")) {
        if (others >= 0) {
          othersBetween.add(others);
        }
        others = 0;
      } else if (others >= 0) {
        others++;
      }
    }
    assertThat(othersBetween).hasSizeGreaterThan(clients);
    java.util.Collections.sort(othersBetween);
    assertThat(othersBetween.get(othersBetween.size() / 2))
        .as("median of other units' hooks between two of the server's: %s", othersBetween)
        .isLessThanOrEqualTo(2);
  }

  @Test
  void awaitingActionsOnAThreadPoolNeverDeadlocks() throws Exception {
    Script script = new Script().on("ping", ctx -> ctx.action().set("pong", "yes"));
    dev.bosun.model.charm.CharmMeta meta =
        dev.bosun.model.charm.CharmMeta.builder("plain")
            .action(TestCharms.action("ping", java.util.Map.of(), java.util.List.of()))
            .build();
    try (SlowCommits store = new SlowCommits(new dev.bosun.runtime.store.InMemoryStore());
        Runtime runtime =
            Runtime.builder()
                .store(store)
                .charms(CharmCatalog.builder().add(TestCharms.define(meta, script)).build())
                .settings(RuntimeSettings.builder().threads(2).build())
                .build()) {
      runtime.apply(ModelSpec.builder().application("plain", app -> app.units(1)).build());
      assertThat(runtime.awaitSettled(Duration.ofSeconds(30)).settled()).isTrue();
      store.slow = true;
      AtomicInteger completed = new AtomicInteger();

      // A waiter that checked the action's state while holding the wait monitor deadlocked with
      // the agent notifying it under the engine lock; with commits (made under the engine lock)
      // taking 20 ms, as SQLite's synced commits do, 200 awaits hit that window reliably.
      Thread waiter =
          new Thread(
              () -> {
                for (int i = 0; i < 200; i++) {
                  ActionResult result =
                      runtime
                          .runAction("plain/0", "ping", java.util.Map.of())
                          .await(Duration.ofMinutes(1));
                  if (result.status() == ActionStatus.COMPLETED) {
                    completed.incrementAndGet();
                  }
                }
              });
      waiter.setDaemon(true);
      waiter.start();
      waiter.join(Duration.ofMinutes(5).toMillis()); // a deadlock guard, not a time limit

      assertThat(waiter.isAlive()).as("the waiter is stuck: deadlock").isFalse();
      assertThat(completed.get()).isEqualTo(200);
    }
  }

  @Test
  void aUnitRunsAheadOfItsQueuedCommitsByAtMostSixteenStepsAndReadsWhatItWrote() throws Exception {
    AtomicInteger serverHooks = new AtomicInteger();
    List<String> lostWrites = java.util.Collections.synchronizedList(new ArrayList<>());
    // Each hook counts itself in the unit's state: a hook must read what the hook before it
    // wrote even while that commit is still in flight.
    Script server =
        new Script()
            .always(
                ctx -> {
                  int counted = Integer.parseInt(ctx.state().get("hooks").orElse("0"));
                  int hook = serverHooks.incrementAndGet();
                  if (counted != hook - 1) {
                    lostWrites.add("hook " + hook + " read " + counted);
                  }
                  ctx.state().set("hooks", Integer.toString(hook));
                });
    CharmCatalog charms =
        CharmCatalog.builder()
            .add(TestCharms.define(TestCharms.serverMeta(), server))
            .add(TestCharms.define(TestCharms.clientMeta(), new Script()))
            .build();
    int clients = 40;
    try (SlowCommits store = new SlowCommits(new dev.bosun.runtime.store.InMemoryStore());
        Runtime runtime =
            Runtime.builder()
                .store(store)
                .charms(charms)
                .settings(RuntimeSettings.builder().threads(clients + 2).build())
                .build()) {
      ModelSpec.Builder model =
          ModelSpec.builder()
              .application("server", app -> app.units(1))
              .application("client", app -> app.units(clients));
      runtime.apply(model.build());
      assertThat(runtime.awaitSettled(Duration.ofSeconds(30)).settled()).isTrue();

      // Queued commits wait, unapplied, and are not reported durable. Related now, the
      // server has two hooks per client to run, one after another: it runs them without waiting
      // for the disk until the commits of the first of its last 16 steps
      // (UnitAgent.STEPS_IN_FLIGHT) are the ones it must wait for.
      store.holdQueued();
      int before = serverHooks.get();
      runtime.apply(model.relate("client:db", "server:db").build());
      int ahead = awaitStable(serverHooks) - before;
      assertThat(ahead).as("hooks run with none of their commits durable").isBetween(2, 16);

      store.releaseQueued();
      assertThat(runtime.awaitSettled(Duration.ofSeconds(30)).settled()).isTrue();
      assertThat(serverHooks.get() - before).isGreaterThan(2 * clients);
      assertThat(lostWrites).isEmpty();
    }
  }

  /** Returns the counter's value once it has not changed for half a second. */
  private static int awaitStable(AtomicInteger counter) throws InterruptedException {
    int last = -1;
    int unchanged = 0;
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (unchanged < 5 && System.nanoTime() < deadline) {
      Thread.sleep(100);
      int now = counter.get();
      unchanged = now == last ? unchanged + 1 : 0;
      last = now;
    }
    return last;
  }

  /**
   * A store whose commits take 20 ms once {@link #slow} is set, like synced disk commits, and whose
   * queued commits can be held in flight ({@link #holdQueued}).
   */
  private static final class SlowCommits implements dev.bosun.runtime.store.Store {
    private final dev.bosun.runtime.store.Store delegate;
    volatile boolean slow;
    private volatile java.util.concurrent.CountDownLatch held =
        new java.util.concurrent.CountDownLatch(0);
    private final List<Queued> waiting = new ArrayList<>();

    SlowCommits(dev.bosun.runtime.store.Store delegate) {
      this.delegate = delegate;
    }

    @Override
    public java.util.Optional<dev.bosun.runtime.store.KeyValue> get(String key) {
      return delegate.get(key);
    }

    @Override
    public dev.bosun.runtime.store.Range range(String prefix) {
      return delegate.range(prefix);
    }

    @Override
    public long revision() {
      return delegate.revision();
    }

    /**
     * From now on, queued commits wait, not applied, until a direct commit applies them (before
     * itself, as a store's group commit does) or {@link #releaseQueued}.
     */
    void holdQueued() {
      held = new java.util.concurrent.CountDownLatch(1);
    }

    /** Applies every held queued commit and reports them done. */
    void releaseQueued() {
      held.countDown();
    }

    @Override
    public PendingCommit queue(dev.bosun.runtime.store.Txn txn) {
      java.util.concurrent.CountDownLatch gate = held;
      if (gate.getCount() == 0) {
        dev.bosun.runtime.store.TxnResult result = commit(txn);
        return () -> result;
      }
      Queued queued = new Queued(txn);
      synchronized (this) {
        waiting.add(queued);
      }
      return () -> {
        try {
          gate.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        synchronized (this) {
          applyQueued();
          return queued.result;
        }
      };
    }

    private void applyQueued() {
      for (Queued queued : waiting) {
        queued.result = delegate.commit(queued.txn);
      }
      waiting.clear();
    }

    private static final class Queued {
      final dev.bosun.runtime.store.Txn txn;
      dev.bosun.runtime.store.TxnResult result;

      Queued(dev.bosun.runtime.store.Txn txn) {
        this.txn = txn;
      }
    }

    @Override
    public dev.bosun.runtime.store.TxnResult commit(dev.bosun.runtime.store.Txn txn) {
      if (slow) {
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      synchronized (this) {
        applyQueued();
        return delegate.commit(txn);
      }
    }

    @Override
    public dev.bosun.runtime.store.Watch watch(
        String prefix, long fromRevision, dev.bosun.runtime.store.WatchListener listener) {
      return delegate.watch(prefix, fromRevision, listener);
    }

    @Override
    public long grantLease(Duration timeToLive) {
      return delegate.grantLease(timeToLive);
    }

    @Override
    public void keepAlive(long leaseId) {
      delegate.keepAlive(leaseId);
    }

    @Override
    public void revokeLease(long leaseId) {
      delegate.revokeLease(leaseId);
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
