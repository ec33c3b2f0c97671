package dev.bosun.runtime.internal.engine;

import dev.bosun.charm.CharmDefinition;
import dev.bosun.charm.StatusState;
import dev.bosun.charm.spi.HookChanges;
import dev.bosun.charm.spi.RelationChanges;
import dev.bosun.model.spec.Constraints;
import dev.bosun.runtime.RuntimeSettings;
import dev.bosun.runtime.internal.persist.Documents;
import dev.bosun.runtime.internal.persist.Journal;
import dev.bosun.runtime.internal.persist.Json;
import dev.bosun.runtime.internal.persist.Keys;
import dev.bosun.runtime.internal.time.Timers;
import dev.bosun.runtime.store.KeyValue;
import dev.bosun.runtime.store.Store;
import dev.bosun.runtime.store.StoreException;
import dev.bosun.runtime.store.TxnResult;
import dev.bosun.runtime.store.Watch;
import dev.bosun.runtime.store.WatchEvent;
import dev.bosun.runtime.substrate.MachineRequest;
import dev.bosun.runtime.substrate.Substrate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime's engine: the model as this process holds it (applications, units, machines,
 * relations), the store it is committed to, the unit agents and the scheduler that runs them.
 *
 * <p>Every change of the model is made under {@link #lock} and committed to the store in one
 * transaction before the lock is released; hooks run outside the lock. The in-memory model is the
 * store's content decoded, minus the databags' data, which is read from the store when a hook asks
 * for it.
 */
public final class Engine implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

  final ReentrantLock lock = new ReentrantLock();
  final Store store;

  /**
   * The commits on their way to the store, readable before they are durable; every write to the
   * store goes through it, so the store applies them in the engine's order.
   */
  final CommitQueue commits;

  final Substrate substrate;
  final Clock clock;
  final Timers timers;
  final RuntimeSettings settings;
  final HookInvoker invoker;
  final Function<String, Optional<CharmDefinition>> charms;
  final Scheduler scheduler;
  private final SplittableRandom random;
  final AtomicLong hooksRun = new AtomicLong();
  private final AtomicLong logSequence = new AtomicLong();
  volatile boolean closed;
  private Watch leaderWatch;
  private final boolean drainOnAlarms;
  private final ThreadLocal<Boolean> draining = ThreadLocal.withInitial(() -> false);

  // The model.
  String modelName;
  final TreeMap<String, AppNode> apps = new TreeMap<>();
  final HashMap<String, UnitNode> units = new HashMap<>();
  final TreeMap<String, MachineNode> machines = new TreeMap<>(MachineIds.ORDER);
  final TreeMap<Integer, RelationNode> relations = new TreeMap<>();
  final TreeMap<String, Integer> sequences = new TreeMap<>();
  final TreeMap<String, String> bundleMachines = new TreeMap<>();
  final HashMap<Long, ActionNode> actions = new HashMap<>();
  private final Object actionMonitor = new Object();

  Engine(
      Store store,
      Substrate substrate,
      Clock clock,
      RuntimeSettings settings,
      Function<String, Optional<CharmDefinition>> charms,
      HookInvoker invoker) {
    this.store = store;
    this.commits = new CommitQueue(store);
    this.substrate = substrate;
    this.clock = clock;
    this.settings = settings;
    this.charms = charms;
    this.invoker = invoker;
    this.timers = Timers.forClock(clock, "bosun-runtime-timers");
    this.scheduler = Scheduler.create(settings.threads());
    this.random = new SplittableRandom(settings.seed());
    this.drainOnAlarms =
        settings.isDeterministic() && clock instanceof dev.bosun.runtime.ManualClock;
    this.modelName = settings.modelName();
  }

  /**
   * Opens an engine over a store: loads the model the store holds (or starts an empty one), starts
   * every unit agent, and watches leadership.
   */
  public static Engine open(
      Store store,
      Substrate substrate,
      Clock clock,
      RuntimeSettings settings,
      Function<String, Optional<CharmDefinition>> charms,
      HookInvoker invoker) {
    Engine engine = new Engine(store, substrate, clock, settings, charms, invoker);
    engine.lock.lock();
    try {
      long revision = new Loader(engine).load();
      engine.leaderWatch = store.watch(Keys.LEADER_PREFIX, revision + 1, engine::onLeadership);
      for (UnitNode unit : engine.units.values()) {
        unit.agent.start();
        engine.schedule(unit.agent);
      }
    } catch (RuntimeException e) {
      engine.lock.unlock();
      engine.close();
      throw e;
    }
    engine.lock.unlock();
    return engine;
  }

  // ---------------------------------------------------------------------------------------------
  // Basics

  void schedule(UnitAgent agent) {
    if (!closed && !agent.agentStopped && !agent.terminated) {
      scheduler.schedule(agent);
    }
  }

  void scheduleAll(AppNode app) {
    for (UnitNode unit : app.units.values()) {
      schedule(unit.agent);
    }
  }

  /** Commits the writes; returns the revision. */
  long commit(Commit commit) {
    if (commit.isEmpty()) {
      return 0;
    }
    TxnResult result = commits.commit(commit.toTxn());
    if (!result.succeeded()) {
      throw new StoreException(
          "a transaction's condition failed at revision "
              + result.revision()
              + ": another writer changed the model");
    }
    return result.revision();
  }

  /**
   * Entries per chunk of the model's journals: {@link Journal#CHUNK} for a new model, what its
   * model document records otherwise (set by the loader).
   */
  int journalChunk = Journal.CHUNK;

  /** A commit queued by {@link #queueCommit}. */
  @FunctionalInterface
  interface Pending {
    /** A commit that is already done. */
    Pending DONE = () -> {};

    /**
     * Waits until the commit is done.
     *
     * @throws StoreException when it failed or its condition did not hold
     */
    void await();

    /**
     * Stops answering reads with this commit's values without waiting for it (its agent stopped
     * after an earlier commit failed, and will not await it).
     */
    default void forget() {}
  }

  /**
   * Queues the writes in the store behind every commit queued or made before (call it under the
   * lock, so the store applies commits in the order the lock gives) and returns at once; the caller
   * waits for it after releasing the lock, so the commits of agents on other threads share the
   * store's next group commit instead of waiting for the lock. With {@code joinNext}, the agent's
   * next commit joins this one if nothing is queued in between ({@link CommitQueue}). In
   * deterministic mode it commits at once.
   */
  Pending queueCommit(Commit commit, UnitAgent owner, boolean joinNext) {
    if (commit.isEmpty()) {
      return Pending.DONE;
    }
    if (scheduler.isDeterministic()) {
      commit(commit);
      return Pending.DONE;
    }
    return commits.queue(commit.toTxn(), owner, joinNext);
  }

  /**
   * Schedules a timer action. In deterministic mode on a {@link dev.bosun.runtime.ManualClock}, the
   * agents run to quiescence right after it, on the thread advancing the clock, so the hooks a
   * timer causes (a retry, update-status) run at the clock time it fired at.
   */
  Timers.Timer after(java.time.Duration delay, Runnable action) {
    if (!drainOnAlarms) {
      return timers.after(delay, action);
    }
    return timers.after(
        delay,
        () -> {
          action.run();
          if (!draining.get() && !closed) {
            awaitQuiescent(System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(10));
          }
        });
  }

  /** Runs (deterministic mode) or waits for agents until none has work or the deadline passes. */
  boolean awaitQuiescent(long deadlineNanos) {
    if (!scheduler.isDeterministic()) {
      return scheduler.awaitQuiescent(deadlineNanos);
    }
    boolean nested = draining.get();
    draining.set(true);
    try {
      return scheduler.awaitQuiescent(deadlineNanos);
    } finally {
      draining.set(nested);
    }
  }

  /** Runs (deterministic mode) or waits for agents until the condition holds or none has work. */
  boolean awaitCondition(java.util.function.BooleanSupplier condition, long deadlineNanos) {
    if (!scheduler.isDeterministic()) {
      return scheduler.awaitCondition(condition, deadlineNanos);
    }
    boolean nested = draining.get();
    draining.set(true);
    try {
      return scheduler.awaitCondition(condition, deadlineNanos);
    } finally {
      draining.set(nested);
    }
  }

  synchronized double random(double scale) {
    return random.nextDouble() * scale;
  }

  long now() {
    return clock.millis();
  }

  long nextLogSequence() {
    return logSequence.incrementAndGet();
  }

  void raiseLogSequence(long seen) {
    logSequence.accumulateAndGet(seen, Math::max);
  }

  int nextSequence(String key) {
    int next = sequences.getOrDefault(key, 0);
    sequences.put(key, next + 1);
    return next;
  }

  void raiseSequence(String key, int used) {
    if (sequences.getOrDefault(key, 0) <= used) {
      sequences.put(key, used + 1);
    }
  }

  void putMeta(Commit commit) {
    commit.put(
        Keys.META,
        new Documents.Meta(
            Documents.SCHEMA,
            modelName,
            new TreeMap<>(sequences),
            new TreeMap<>(bundleMachines),
            journalChunk));
  }

  // ---------------------------------------------------------------------------------------------
  // Status

  void setAgentStatus(UnitNode unit, AgentState state, String message, Commit commit) {
    if (unit.agentState == state && unit.agentMessage.equals(message)) {
      return;
    }
    unit.agentState = state;
    unit.agentMessage = message;
    unit.agentSince = now();
    addHistory(unit, "juju-unit", state.toString(), message, unit.agentSince, commit);
    commit.putAgent(unit.agent);
  }

  void setWorkload(UnitNode unit, StatusState state, String message, Commit commit) {
    unit.workload = state;
    unit.workloadMessage = message;
    unit.workloadSince = now();
    addHistory(unit, "workload", state.toString(), message, unit.workloadSince, commit);
    commit.putAgent(unit.agent);
  }

  private void addHistory(
      UnitNode unit, String type, String state, String message, long since, Commit commit) {
    appendJournal(
        Keys.historyPrefix(unit.name),
        unit.historySeq++,
        new Documents.HistoryEntry(type, state, message, since),
        settings.statusHistoryLimit(),
        commit,
        unit.historyTail());
  }

  void appendLog(UnitAgent agent, Commit commit, Documents.LogEntry entry) {
    appendJournal(
        Keys.logPrefix(agent.unit.name),
        agent.logSeq++,
        entry,
        settings.hookLogLimit(),
        commit,
        agent.unit.logTail());
  }

  /**
   * Appends an entry to a journal's last chunk. The chunk's bytes come from the commit being built,
   * or from {@code tail} (the chunk this engine wrote last, kept while the unit is busy), and only
   * otherwise from the store: a read under the engine's lock, which on the SQLite store took most
   * of the time agents held that lock.
   */
  private void appendJournal(
      String prefix, long seq, Object entry, int limit, Commit commit, JournalTail tail) {
    String key = Journal.chunkKey(prefix, seq, journalChunk);
    byte[] current = null;
    if (seq % journalChunk != 0) {
      Object pending = commit.pending(key);
      if (pending instanceof byte[] bytes) {
        current = bytes;
      } else if (key.equals(tail.key)) {
        current = tail.chunk;
      } else {
        current = currentValue(key);
      }
    }
    byte[] chunk = Journal.append(current, Json.encode(entry));
    commit.put(key, chunk);
    tail.key = key;
    tail.chunk = chunk;
    String obsolete = Journal.obsoleteChunk(prefix, seq, limit, journalChunk);
    if (obsolete != null) {
      commit.delete(obsolete);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Creating entities

  MachineNode ensureMachine(
      String id, Constraints constraints, String base, String series, Commit commit) {
    MachineNode machine = machines.get(id);
    if (machine != null) {
      return machine;
    }
    MachineIds.Parsed parsed = MachineIds.parse(id);
    if (parsed.parent() != null) {
      ensureMachine(parsed.parent(), Constraints.NONE, null, null, commit);
      raiseSequence(
          dev.bosun.model.plan.ModelState.containerSequence(
              parsed.parent(), parsed.containerType()),
          parsed.number());
    } else {
      raiseSequence(dev.bosun.model.plan.ModelState.MACHINE_SEQUENCE, parsed.number());
    }
    machine = new MachineNode(id, parsed.containerType(), parsed.parent());
    machine.constraints = constraints == null ? Constraints.NONE : constraints;
    machine.base = base;
    machine.series = series;
    machine.machine =
        substrate.provision(
            new MachineRequest(id, machine.constraints, parsed.containerType(), parsed.parent()));
    machines.put(id, machine);
    commit.put(Keys.machine(id), machine.document());
    putMeta(commit);
    return machine;
  }

  UnitNode createUnit(
      AppNode app, int number, MachineNode machine, UnitNode principal, Commit commit) {
    String name = app.name + "/" + number;
    UnitNode unit = new UnitNode(name, app, number, machine, principal);
    long now = now();
    unit.workloadSince = now;
    unit.agentSince = now;
    units.put(name, unit);
    app.units.put(number, unit);
    machine.units.add(unit);
    if (principal != null) {
      principal.addSubordinate(unit);
    }
    raiseSequence(dev.bosun.model.plan.ModelState.unitSequence(app.name), number);
    putMeta(commit);
    commit.put(Keys.unit(name), unit.document());
    addHistory(unit, "workload", unit.workload.toString(), unit.workloadMessage, now, commit);
    addHistory(unit, "juju-unit", unit.agentState.toString(), "", now, commit);
    UnitAgent agent = new UnitAgent(this, unit);
    agent.charmVersion = app.charmVersion;
    unit.agent = agent;
    commit.putAgent(agent);
    agent.start();
    schedule(agent);
    return unit;
  }

  RelationNode createRelation(dev.bosun.model.graph.Relation relation, Commit commit) {
    int id = nextSequence("relation");
    RelationNode node = new RelationNode(id, relation);
    relations.put(id, node);
    for (var endpoint : relation.endpoints()) {
      AppNode app = apps.get(endpoint.application());
      app.relations.add(node);
    }
    putMeta(commit);
    commit.put(Keys.relation(id), Loader.relationDocument(node));
    for (var endpoint : relation.endpoints()) {
      scheduleAll(apps.get(endpoint.application()));
    }
    return node;
  }

  /** Creates the subordinate a principal needs in a container-scoped relation, if it has none. */
  private void ensureSubordinate(UnitNode principal, RelationNode relation, Commit commit) {
    AppNode subordinate = apps.get(relation.counterpartOf(principal.app.name));
    if (subordinate == null || subordinate.life != Life.ALIVE || !subordinate.subordinate()) {
      return;
    }
    for (UnitNode existing : principal.subordinates()) {
      if (existing.app == subordinate) {
        return;
      }
    }
    int number = nextSequence(dev.bosun.model.plan.ModelState.unitSequence(subordinate.name));
    createUnit(subordinate, number, principal.machine, principal, commit);
  }

  // ---------------------------------------------------------------------------------------------
  // Removing entities

  /** Marks a unit dying (and its subordinates); its agent tears it down. */
  void destroyUnit(UnitNode unit, Commit commit) {
    if (unit.life != Life.ALIVE) {
      return;
    }
    unit.life = Life.DYING;
    commit.put(Keys.unit(unit.name), unit.document());
    for (UnitNode subordinate : unit.subordinates()) {
      destroyUnit(subordinate, commit);
    }
    schedule(unit.agent);
  }

  /** Marks a relation dying: every unit in it departs and breaks it. */
  void destroyRelation(RelationNode relation, Commit commit) {
    if (relation.life != Life.ALIVE) {
      return;
    }
    relation.life = Life.DYING;
    commit.put(Keys.relation(relation.id), Loader.relationDocument(relation));
    if (relation.isContainerScoped() && !relation.isPeer()) {
      for (var endpoint : relation.relation.endpoints()) {
        AppNode app = apps.get(endpoint.application());
        if (app == null || !app.subordinate()) {
          continue;
        }
        String principalApp = relation.counterpartOf(app.name);
        for (UnitNode unit : List.copyOf(app.units.values())) {
          if (unit.principal != null && unit.principal.app.name.equals(principalApp)) {
            destroyUnit(unit, commit);
          }
        }
      }
    }
    for (var endpoint : relation.relation.endpoints()) {
      AppNode app = apps.get(endpoint.application());
      if (app != null) {
        scheduleAll(app);
      }
    }
    maybeFinalizeRelation(relation, commit);
  }

  void destroyApplication(AppNode app, Commit commit) {
    if (app.life != Life.ALIVE) {
      return;
    }
    app.life = Life.DYING;
    commit.put(Keys.application(app.name), app.document());
    for (UnitNode unit : List.copyOf(app.units.values())) {
      destroyUnit(unit, commit);
    }
    for (RelationNode relation : List.copyOf(app.relations)) {
      destroyRelation(relation, commit);
    }
    maybeFinalizeApplication(app, commit);
  }

  private void maybeFinalizeRelation(RelationNode relation, Commit commit) {
    if (relation.life != Life.DYING || relation.participants > 0) {
      return;
    }
    if (relations.remove(relation.id) == null) {
      return;
    }
    for (String unit : relation.bags.keySet()) {
      commit.delete(Keys.bag(relation.id, unit));
    }
    for (String app : relation.applicationBags.keySet()) {
      commit.delete(Keys.applicationBag(relation.id, app));
    }
    commit.delete(Keys.relation(relation.id));
    for (var endpoint : relation.relation.endpoints()) {
      AppNode app = apps.get(endpoint.application());
      if (app == null) {
        continue;
      }
      app.relations.remove(relation);
      for (UnitNode unit : app.units.values()) {
        unit.agent.relations.remove(relation.id);
      }
    }
  }

  private void maybeFinalizeApplication(AppNode app, Commit commit) {
    if (app.life != Life.DYING || !app.units.isEmpty()) {
      return;
    }
    apps.remove(app.name);
    commit.delete(Keys.application(app.name));
    commit.delete(Keys.applicationStatus(app.name));
    commit.delete(Keys.secrets(app.name));
    if (app.leaderLease != 0) {
      long lease = app.leaderLease;
      app.leaderLease = 0;
      app.leader = null;
      commits.revokeLease(lease);
    }
  }

  /** Removes a unit whose agent finished tearing it down. */
  void terminate(UnitAgent agent) {
    UnitNode unit = agent.unit;
    Commit commit = new Commit();
    agent.terminated = true;
    agent.cancelTimers();
    AppNode app = unit.app;
    if (app.leader == unit) {
      releaseLeadership(agent);
    }
    commit.delete(Keys.unit(unit.name));
    commit.delete(Keys.agent(unit.name));
    commit.delete(Keys.unitState(unit.name));
    for (LocalRelation local : List.copyOf(agent.relations.values())) {
      if (local.created || local.inScope) {
        agent.clearRelation(local, commit);
      }
    }
    for (ActionNode action : agent.pendingActions()) {
      action.status = dev.bosun.runtime.ActionStatus.FAILED;
      action.message = "unit " + unit.name + " was removed";
      action.completed = now();
      commit.put(Keys.action(action.id), action.document());
      actionFinished(action);
    }
    units.remove(unit.name);
    app.units.remove(unit.number);
    unit.machine.units.remove(unit);
    if (unit.principal != null && unit.principal.subordinates != null) {
      unit.principal.subordinates.remove(unit);
      schedule(unit.principal.agent);
    }
    maybeReleaseMachine(unit.machine, commit);
    maybeFinalizeApplication(app, commit);
    commit(commit);
  }

  private void maybeReleaseMachine(MachineNode machine, Commit commit) {
    if (!machine.units.isEmpty()) {
      return;
    }
    String next = machines.higherKey(machine.id);
    if (next != null && next.startsWith(machine.id + "/")) {
      return;
    }
    machines.remove(machine.id);
    commit.delete(Keys.machine(machine.id));
    substrate.release(machine.id);
    if (machine.parent != null) {
      MachineNode parent = machines.get(machine.parent);
      if (parent != null) {
        maybeReleaseMachine(parent, commit);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Relation scope and data

  /**
   * Whether a unit sees a remote unit in a relation now: in scope, on the other side, same
   * container.
   */
  boolean isVisible(UnitNode unit, RelationNode relation, String remote) {
    RelationNode.BagNode bag = relation.bags.get(remote);
    if (bag == null || !bag.inScope) {
      return false;
    }
    UnitNode other = bag.unit;
    if (other == unit) {
      return false;
    }
    if (relation.isPeer()) {
      return other.app == unit.app;
    }
    if (!other.app.name.equals(relation.counterpartOf(unit.app.name))) {
      return false;
    }
    if (relation.isContainerScoped()) {
      return other.containerPartition().equals(unit.containerPartition());
    }
    return true;
  }

  /** The remote units a unit could see in a relation, for a full resynchronisation. */
  Iterable<String> remoteCandidates(UnitNode unit, RelationNode relation) {
    if (relation.isPeer()) {
      return relation.scopeOf(unit.app.name);
    }
    String counterpart = relation.counterpartOf(unit.app.name);
    if (relation.isContainerScoped()) {
      List<String> candidates = new ArrayList<>(1);
      if (unit.principal == null) {
        for (UnitNode subordinate : unit.subordinates()) {
          if (subordinate.app.name.equals(counterpart)) {
            candidates.add(subordinate.name);
          }
        }
      } else if (unit.principal.app.name.equals(counterpart)) {
        candidates.add(unit.principal.name);
      }
      return candidates;
    }
    return relation.scopeOf(counterpart);
  }

  /** Calls {@code action} for every unit that sees {@code unit} in a relation. */
  private void forEachUnitSeeing(RelationNode relation, UnitNode unit, Consumer<UnitNode> action) {
    if (relation.isPeer()) {
      for (UnitNode other : unit.app.units.values()) {
        if (other != unit) {
          action.accept(other);
        }
      }
      return;
    }
    AppNode other = apps.get(relation.counterpartOf(unit.app.name));
    if (other == null) {
      return;
    }
    if (relation.isContainerScoped()) {
      if (unit.principal == null) {
        for (UnitNode subordinate : unit.subordinates()) {
          if (subordinate.app == other) {
            action.accept(subordinate);
          }
        }
      } else if (unit.principal.app == other) {
        action.accept(unit.principal);
      }
      return;
    }
    for (UnitNode remote : other.units.values()) {
      action.accept(remote);
    }
  }

  /** Tells the units that see {@code unit} that its membership or settings changed. */
  void notifyBagChanged(RelationNode relation, UnitNode unit) {
    forEachUnitSeeing(
        relation,
        unit,
        other -> {
          other.agent.markDirty(relation, unit.name);
          schedule(other.agent);
        });
  }

  private void notifyApplicationBagChanged(RelationNode relation, UnitNode writer) {
    if (relation.isPeer()) {
      for (UnitNode other : writer.app.units.values()) {
        if (other != writer) {
          schedule(other.agent);
        }
      }
      return;
    }
    AppNode other = apps.get(relation.counterpartOf(writer.app.name));
    if (other != null) {
      scheduleAll(other);
    }
  }

  void enterScope(UnitAgent agent, LocalRelation local, Commit commit) {
    UnitNode unit = agent.unit;
    RelationNode relation = local.relation;
    Documents.Bag current = bagDocument(commit, relation.id, unit.name);
    Map<String, String> data = new TreeMap<>(current == null ? Map.of() : current.d());
    String address = unit.machine.address();
    data.put("private-address", address);
    data.put("ingress-address", address);
    data.put("egress-subnets", address + "/32");
    RelationNode.BagNode bag =
        relation.bags.computeIfAbsent(unit.name, k -> new RelationNode.BagNode(unit));
    bag.version++;
    bag.inScope = true;
    bag.joined = true;
    commit.put(Keys.bag(relation.id, unit.name), new Documents.Bag(bag.version, true, true, data));
    relation.scopeOf(unit.app.name).add(unit.name);
    notifyBagChanged(relation, unit);
    if (relation.isContainerScoped() && !relation.isPeer() && unit.principal == null) {
      ensureSubordinate(unit, relation, commit);
    }
  }

  void leaveScope(UnitAgent agent, LocalRelation local, Commit commit) {
    if (!local.inScope) {
      return;
    }
    UnitNode unit = agent.unit;
    RelationNode relation = local.relation;
    local.inScope = false;
    RelationNode.BagNode bag = relation.bags.get(unit.name);
    if (bag == null) {
      return;
    }
    bag.inScope = false;
    relation.scopeOf(unit.app.name).remove(unit.name);
    Documents.Bag current = bagDocument(commit, relation.id, unit.name);
    commit.put(
        Keys.bag(relation.id, unit.name),
        new Documents.Bag(bag.version, false, true, current == null ? Map.of() : current.d()));
    notifyBagChanged(relation, unit);
  }

  /** After a unit forgot a relation: a subordinate whose principal relation broke goes too. */
  void relationLeft(UnitAgent agent, RelationNode relation, Commit commit) {
    UnitNode unit = agent.unit;
    if (unit.principal != null
        && relation.isContainerScoped()
        && !relation.isPeer()
        && relation.counterpartOf(unit.app.name).equals(unit.principal.app.name)) {
      destroyUnit(unit, commit);
    }
    maybeFinalizeRelation(relation, commit);
  }

  /**
   * Applies a hook's changes to the model. Returns false, changing nothing, when the hook wrote
   * application data but the unit does not hold its application's leadership.
   */
  boolean applyChanges(UnitAgent agent, HookChanges changes, Commit commit) {
    UnitNode unit = agent.unit;
    AppNode app = unit.app;
    boolean writesApplication = false;
    for (RelationChanges relationChanges : changes.relations().values()) {
      if (relationChanges.applicationData() != null
          && !relationChanges.applicationData().isEmpty()) {
        writesApplication = true;
      }
    }
    if (!changes.applicationSecrets().isEmpty()) {
      writesApplication = true;
    }
    if (writesApplication) {
      if (!agent.leader || app.leader != unit) {
        return false;
      }
      Optional<KeyValue> key = store.get(Keys.leader(app.name));
      if (key.isEmpty() || key.get().modRevision() != app.leaderRevision) {
        return false;
      }
      commit.requireModRevision(Keys.leader(app.name), app.leaderRevision);
    }
    for (Map.Entry<Integer, RelationChanges> entry : changes.relations().entrySet()) {
      RelationNode relation = relations.get(entry.getKey());
      if (relation == null || !relation.involves(app.name)) {
        continue;
      }
      RelationChanges relationChanges = entry.getValue();
      if (relationChanges.unitData() != null && !relationChanges.unitData().isEmpty()) {
        writeUnitBag(unit, relation, relationChanges.unitData(), commit);
      }
      if (relationChanges.applicationData() != null
          && !relationChanges.applicationData().isEmpty()) {
        writeApplicationBag(agent, relation, relationChanges.applicationData(), commit);
      }
    }
    if (!changes.applicationSecrets().isEmpty()) {
      Map<String, Map<String, String>> secrets = new TreeMap<>(secretsDocument(commit, app.name));
      changes
          .applicationSecrets()
          .forEach((label, content) -> secrets.put(label, new TreeMap<>(content)));
      commit.put(Keys.secrets(app.name), new Documents.Secrets(secrets));
    }
    if (!changes.unitState().isEmpty()) {
      Map<String, String> state = new TreeMap<>(unitStateDocument(commit, unit.name));
      if (merge(state, changes.unitState())) {
        commit.put(Keys.unitState(unit.name), state);
      }
    }
    if (changes.unitStatus() != null) {
      agent.statusSet = true;
      setWorkload(unit, changes.unitStatus().state(), changes.unitStatus().message(), commit);
    }
    if (changes.applicationStatus() != null && agent.leader && app.leader == unit) {
      app.status =
          new Documents.StatusValue(
              changes.applicationStatus().state().toString(),
              changes.applicationStatus().message(),
              now());
      commit.put(Keys.applicationStatus(app.name), new Documents.AppStatus(app.status));
    }
    if (!changes.portsOpened().isEmpty() || !changes.portsClosed().isEmpty()) {
      TreeSet<String> ports = new TreeSet<>(unit.ports);
      ports.removeAll(changes.portsClosed());
      ports.addAll(changes.portsOpened());
      unit.ports = Collections.unmodifiableSortedSet(ports);
      commit.putAgent(unit.agent);
    }
    return true;
  }

  private void writeUnitBag(
      UnitNode unit, RelationNode relation, Map<String, String> changes, Commit commit) {
    Documents.Bag current = bagDocument(commit, relation.id, unit.name);
    Map<String, String> data = new TreeMap<>(current == null ? Map.of() : current.d());
    if (!merge(data, changes)) {
      return;
    }
    RelationNode.BagNode bag =
        relation.bags.computeIfAbsent(unit.name, k -> new RelationNode.BagNode(unit));
    bag.version++;
    commit.put(
        Keys.bag(relation.id, unit.name),
        new Documents.Bag(bag.version, bag.inScope, bag.joined, data));
    if (bag.inScope) {
      notifyBagChanged(relation, unit);
    }
  }

  private void writeApplicationBag(
      UnitAgent agent, RelationNode relation, Map<String, String> changes, Commit commit) {
    UnitNode unit = agent.unit;
    String key = Keys.applicationBag(relation.id, unit.app.name);
    Object pending = commit.pending(key);
    Documents.AppBag current =
        pending instanceof Documents.AppBag bag ? bag : read(key, Documents.AppBag.class);
    Map<String, String> data = new TreeMap<>(current == null ? Map.of() : current.d());
    if (!merge(data, changes)) {
      return;
    }
    long version = relation.applicationBagVersion(unit.app.name) + 1;
    relation.applicationBags.put(unit.app.name, version);
    commit.put(key, new Documents.AppBag(version, data));
    if (relation.isPeer()) {
      LocalRelation local = agent.relations.get(relation.id);
      if (local != null && local.created) {
        local.appVersion = version;
        commit.put(Keys.local(unit.name, relation.id), local.document());
      }
    }
    notifyApplicationBagChanged(relation, unit);
  }

  /** Applies changes to data (null or empty values delete); returns whether anything changed. */
  private static boolean merge(Map<String, String> data, Map<String, String> changes) {
    boolean changed = false;
    for (Map.Entry<String, String> change : changes.entrySet()) {
      String value = change.getValue();
      if (value == null || value.isEmpty()) {
        changed |= data.remove(change.getKey()) != null;
      } else {
        changed |= !value.equals(data.put(change.getKey(), value));
      }
    }
    return changed;
  }

  private Documents.Bag bagDocument(Commit commit, int relation, String unit) {
    String key = Keys.bag(relation, unit);
    Object pending = commit.pending(key);
    if (pending instanceof Documents.Bag bag) {
      return bag;
    }
    return read(key, Documents.Bag.class);
  }

  @SuppressWarnings("unchecked")
  private Map<String, String> unitStateDocument(Commit commit, String unit) {
    Object pending = commit.pending(Keys.unitState(unit));
    if (pending instanceof Map<?, ?> map) {
      return (Map<String, String>) map;
    }
    return readUnitState(unit);
  }

  private <T> T read(String key, Class<T> type) {
    byte[] value = currentValue(key);
    return value == null ? null : Json.decode(value, type, key);
  }

  /**
   * Returns a key's value as this engine's commits leave it: the value of the last commit queued
   * and not yet durable ({@link #queueCommit}), else the store's; null when absent or deleted.
   * Agents run hooks while earlier commits are in flight, so a read from the store alone could miss
   * what an earlier hook wrote.
   */
  byte[] currentValue(String key) {
    byte[] queued = commits.inFlight(key);
    if (queued != null) {
      return CommitQueue.isDeleted(queued) ? null : queued;
    }
    return store.get(key).map(KeyValue::value).orElse(null);
  }

  /** Reads a unit's bag in a relation; empty when it has none. */
  Map<String, String> readBag(int relation, String unit) {
    Documents.Bag bag = read(Keys.bag(relation, unit), Documents.Bag.class);
    return bag == null || bag.d() == null ? Map.of() : Collections.unmodifiableMap(bag.d());
  }

  /** Reads an application's bag in a relation; empty when it has none. */
  Map<String, String> readApplicationBag(int relation, String app) {
    Documents.AppBag bag = read(Keys.applicationBag(relation, app), Documents.AppBag.class);
    return bag == null || bag.d() == null ? Map.of() : Collections.unmodifiableMap(bag.d());
  }

  private Map<String, Map<String, String>> secretsDocument(Commit commit, String app) {
    Object pending = commit.pending(Keys.secrets(app));
    if (pending instanceof Documents.Secrets secrets) {
      return secrets.s();
    }
    return readSecrets(app);
  }

  /** Reads an application's secrets by label; empty when it has none. */
  Map<String, Map<String, String>> readSecrets(String app) {
    Documents.Secrets secrets = read(Keys.secrets(app), Documents.Secrets.class);
    return secrets == null || secrets.s() == null ? Map.of() : secrets.s();
  }

  @SuppressWarnings("unchecked")
  Map<String, String> readUnitState(String unit) {
    Map<String, String> state = read(Keys.unitState(unit), Map.class);
    return state == null ? Map.of() : Collections.unmodifiableMap(state);
  }

  // ---------------------------------------------------------------------------------------------
  // Leadership

  void claimLeadership(UnitAgent agent) {
    UnitNode unit = agent.unit;
    AppNode app = unit.app;
    long lease = store.grantLease(settings.leadershipLease());
    long previousVersion = app.leaderSettingsVersion;
    app.leaderSettingsVersion = previousVersion + 1;
    Commit commit = new Commit();
    commit.requireModRevision(Keys.leader(app.name), 0);
    commit.putWithLease(Keys.leader(app.name), new Documents.Leader(unit.name, lease), lease);
    commit.put(Keys.application(app.name), app.document());
    TxnResult result = commits.commit(commit.toTxn());
    if (!result.succeeded()) {
      app.leaderSettingsVersion = previousVersion;
      commits.revokeLease(lease);
      store
          .get(Keys.leader(app.name))
          .ifPresent(
              kv -> {
                Documents.Leader holder = Json.decode(kv.value(), Documents.Leader.class, kv.key());
                UnitNode holderUnit = units.get(holder.unit());
                if (holderUnit != null && holderUnit.app == app) {
                  app.leader = holderUnit;
                  app.leaderLease = holder.lease();
                  app.leaderRevision = kv.modRevision();
                }
              });
      return;
    }
    app.leader = unit;
    app.leaderLease = lease;
    app.leaderRevision = result.revision();
    agent.startRenewal();
    scheduleAll(app);
  }

  /** Gives up a unit's leadership at once: revokes its lease so another unit is elected. */
  void releaseLeadership(UnitAgent agent) {
    AppNode app = agent.unit.app;
    agent.cancelRenewal();
    if (app.leader != agent.unit) {
      return;
    }
    long lease = app.leaderLease;
    app.leader = null;
    app.leaderLease = 0;
    commits.revokeLease(lease);
    scheduleAll(app);
  }

  /** The leadership watch: a deleted leadership key (an expired or revoked lease) frees it. */
  private void onLeadership(long revision, List<WatchEvent> events) {
    lock.lock();
    try {
      for (WatchEvent event : events) {
        if (event.type() != WatchEvent.Type.DELETE) {
          continue;
        }
        AppNode app = apps.get(Keys.after(event.key(), Keys.LEADER_PREFIX));
        if (app == null || app.leader == null || revision <= app.leaderRevision) {
          continue;
        }
        UnitNode former = app.leader;
        app.leader = null;
        app.leaderLease = 0;
        former.agent.cancelRenewal();
        LOG.info("leadership of {} lapsed (held by {})", app.name, former.name);
        scheduleAll(app);
      }
    } finally {
      lock.unlock();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Actions

  void actionFinished(ActionNode action) {
    synchronized (actionMonitor) {
      actionMonitor.notifyAll();
    }
  }

  Object actionMonitor() {
    return actionMonitor;
  }

  // ---------------------------------------------------------------------------------------------

  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      for (UnitNode unit : units.values()) {
        if (unit.agent != null) {
          unit.agent.cancelTimers();
        }
      }
    } finally {
      lock.unlock();
    }
    commits.handOver();
    if (leaderWatch != null) {
      leaderWatch.cancel();
    }
    scheduler.close();
    timers.close();
  }
}
