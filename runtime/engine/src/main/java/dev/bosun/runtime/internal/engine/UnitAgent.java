package dev.bosun.runtime.internal.engine;

import dev.bosun.charm.StatusState;
import dev.bosun.charm.event.ActionEvent;
import dev.bosun.charm.spi.ActionInvocation;
import dev.bosun.charm.spi.HookChanges;
import dev.bosun.charm.spi.HookOutcome;
import dev.bosun.model.charm.ActionSpec;
import dev.bosun.runtime.ActionStatus;
import dev.bosun.runtime.HookRecord;
import dev.bosun.runtime.ResolveMode;
import dev.bosun.runtime.internal.persist.Documents;
import dev.bosun.runtime.internal.persist.Keys;
import dev.bosun.runtime.internal.time.Timers;
import dev.bosun.runtime.store.StoreException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A unit agent: the state machine that turns changes of the model into hooks for one unit, in
 * Juju's order (the uniter's resolvers). It holds the unit's local state — the operation in
 * progress, the lifecycle flags, what it last acted on, its view of each relation — which mirrors
 * the agent document and relation keys in the store exactly, since every change of it is committed
 * in the same transaction as what caused it.
 *
 * <p>A step ({@link #step()}) decides the next operation from the local state and the model (remote
 * state), under the engine's lock. Operations that run no hook (claiming or accepting leadership,
 * staging an upgrade, entering an implicit relation, terminating) are committed at once and the
 * step decides again; a hook or an action takes the machine lock (or parks the agent until it is
 * free), records itself as pending, runs outside the lock, and commits all its results in one
 * transaction. The agent is then scheduled again.
 */
final class UnitAgent {
  private static final Logger LOG = LoggerFactory.getLogger(UnitAgent.class);
  private static final int INLINE_OPERATIONS_PER_STEP = 32;

  /** Scheduling state, owned by {@link Scheduler}. */
  volatile int scheduleState;

  final Engine engine;
  final UnitNode unit;

  // Local state, persisted in the agent document.
  OpKind opKind = OpKind.CONTINUE;
  boolean opPending;
  HookInfo opHook;
  long opAction;
  boolean installed;
  boolean started;
  boolean stopped;
  boolean removed;
  boolean leader;
  boolean statusSet;
  String configHash;
  int charmVersion;
  long leaderSettingsVersion;
  long logSeq;
  final TreeMap<Integer, LocalRelation> relations = new TreeMap<>();

  // Transient state.
  boolean updateStatusDue;
  private Timers.Timer updateStatusTimer;
  private boolean errorReported;
  boolean interrupted;
  private int retryAttempt;
  private Timers.Timer retryTimer;
  private boolean retryDue;
  ResolveMode resolveMode;
  private Timers.Timer renewTimer;
  boolean agentStopped;
  boolean terminated;
  private boolean holdsMachineLock;

  /**
   * Set when a step released the machine lock to another agent waiting for it: this agent then lets
   * that one run before taking the lock again ({@link #keepsTurn}).
   */
  private volatile boolean yieldTurn;

  /** Whether a step is running under the lock, so hook commits are queued ({@link #step}). */
  private boolean queueing;

  /**
   * How many steps' commits an agent leaves in flight while it runs its next hook: a hook starts
   * once the commits of every step but the last {@value} are durable. A unit with a long run of
   * hooks (a hub joining thousands of workers) runs them at the pace of its own work rather than
   * one disk sync per hook, and its commits share group commits with one another.
   */
  static final int STEPS_IN_FLIGHT = 16;

  /** The commits queued by steps and not yet awaited, oldest first. */
  private final ArrayDeque<QueuedCommit> queued = new ArrayDeque<>();

  /** The steps this agent has begun, numbering its queued commits. */
  private long steps;

  private record QueuedCommit(long step, Engine.Pending pending) {}

  /** Whether a hook or action of this agent is running (outside the lock) now. */
  boolean executing;

  private ArrayDeque<ActionNode> actions;

  UnitAgent(Engine engine, UnitNode unit) {
    this.engine = engine;
    this.unit = unit;
  }

  // ---------------------------------------------------------------------------------------------
  // Scheduling

  /**
   * Runs one step: inline operations, then at most one hook or action. A hook's commits (the record
   * that it is pending, and its results) are queued in the store under the engine's lock, in the
   * order the lock gives, and awaited after releasing it, so agents on other threads commit in the
   * same group commit. A hook runs once the commits of all but the last {@link #STEPS_IN_FLIGHT}
   * steps are durable: the agent does not wait for a disk sync per hook. The store applies queued
   * commits in order, so what survives a crash is always a prefix of them, as if the crash had come
   * earlier; a hook whose results were lost runs again on restart, as an interrupted hook does. A
   * step that finds nothing to run, or a stopped agent, waits for everything still queued, so an
   * idle (settled) unit's commits are all durable.
   */
  void step() {
    Prepared prepared = null;
    boolean brokeDown = false;
    engine.lock.lock();
    try {
      steps++;
      if (runnable()) {
        queueing = true;
        prepared = prepare();
      }
      if (prepared == null) {
        // Nothing to run for now: an idle unit keeps no journal bytes in memory.
        unit.dropJournalTails();
      }
    } catch (RuntimeException e) {
      breakDown(e);
      releaseMachineLock();
      brokeDown = true;
    } finally {
      queueing = false;
      engine.lock.unlock();
    }
    // An idle or broken-down agent leaves nothing in flight; a busy one up to STEPS_IN_FLIGHT
    // steps.
    if (!awaitQueued(brokeDown || prepared == null) || brokeDown || prepared == null) {
      return;
    }
    HookOutcome outcome;
    try {
      outcome = invoke(prepared);
    } catch (Error fatal) {
      engine.lock.lock();
      try {
        executing = false;
        breakDown(new IllegalStateException("a hook threw " + fatal, fatal));
        releaseMachineLock();
      } finally {
        engine.lock.unlock();
      }
      throw fatal;
    }
    engine.lock.lock();
    try {
      executing = false;
      if (!agentStopped && !terminated && !engine.closed) {
        queueing = true;
        engine.hooksRun.incrementAndGet();
        if (prepared.action != null) {
          finishAction(prepared, outcome);
        } else {
          finishHook(prepared, outcome);
        }
      }
    } catch (RuntimeException e) {
      breakDown(e);
    } finally {
      queueing = false;
      releaseMachineLock();
      engine.lock.unlock();
    }
    if (runnable()) {
      // The next step waits for the results, together with what it queues.
      engine.schedule(this);
    } else {
      awaitQueued(true);
    }
  }

  /**
   * Commits the writes: queued, to be awaited when the step releases the engine's lock, while the
   * step runs; at once otherwise. A hook's results are queued with {@code joinNext}: when the
   * agent's next step begins another hook with nothing queued in between, the record that it is
   * pending joins them in one transaction ({@link CommitQueue}).
   */
  private void commitQueued(Commit commit, boolean joinNext) {
    if (queueing) {
      queued.add(new QueuedCommit(steps, engine.queueCommit(commit, this, joinNext)));
    } else {
      engine.commit(commit);
    }
  }

  /**
   * Waits for the queued commits, all of them or those of all but the last {@link #STEPS_IN_FLIGHT}
   * steps; if one failed, stops the agent (under the lock), forgets the rest and returns false.
   */
  private boolean awaitQueued(boolean all) {
    try {
      while (!queued.isEmpty() && (all || queued.peekFirst().step() <= steps - STEPS_IN_FLIGHT)) {
        queued.peekFirst().pending().await();
        queued.removeFirst();
      }
      return true;
    } catch (RuntimeException e) {
      engine.lock.lock();
      try {
        executing = false;
        breakDown(e);
        releaseMachineLock();
      } finally {
        engine.lock.unlock();
      }
      // The commits after the failed one are not awaited: their values stop shadowing the store.
      queued.forEach(q -> q.pending().forget());
      queued.clear();
      return false;
    }
  }

  private boolean runnable() {
    return !agentStopped && !terminated && !engine.closed;
  }

  private void breakDown(RuntimeException e) {
    if (e instanceof StoreException) {
      LOG.error("unit agent {} stopped: the store failed: {}", unit.name, e.getMessage());
    } else {
      LOG.error("unit agent {} stopped on an internal error", unit.name, e);
    }
    agentStopped = true;
    cancelTimers();
  }

  private void releaseMachineLock() {
    if (holdsMachineLock) {
      holdsMachineLock = false;
      UnitAgent next = unit.machine.unlock(this);
      if (next != null) {
        yieldTurn = true;
        engine.schedule(next);
      }
    }
  }

  /**
   * Whether the agent, scheduled again by its last step, may run its next step at once on the same
   * thread: not when that step handed the machine lock to a waiting agent, which must get to run
   * first (Juju's machine lock is taken in turn). Clears the mark.
   */
  boolean keepsTurn() {
    if (yieldTurn) {
      yieldTurn = false;
      return false;
    }
    return true;
  }

  private HookOutcome invoke(Prepared prepared) {
    try {
      HookOutcome outcome = engine.invoker.run(prepared.backend);
      return outcome == null
          ? new HookOutcome(null, new IllegalStateException("the hook runner returned nothing"))
          : outcome;
    } catch (OutOfMemoryError | InternalError fatal) {
      throw fatal;
    } catch (Throwable t) {
      return new HookOutcome(null, t);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Deciding (Juju's resolver)

  /** A decision: an inline operation, a hook or an action. */
  private record Decision(Runnable inline, HookInfo hook, ActionNode action) {
    static Decision inline(Runnable operation) {
      return new Decision(operation, null, null);
    }

    static Decision hook(HookInfo hook) {
      return new Decision(null, hook, null);
    }

    static Decision action(ActionNode action) {
      return new Decision(null, null, action);
    }
  }

  private Prepared prepare() {
    for (int i = 0; i < INLINE_OPERATIONS_PER_STEP; i++) {
      Decision decision = decide();
      if (decision == null) {
        return null;
      }
      if (decision.inline != null) {
        decision.inline.run();
        if (!runnable()) {
          return null;
        }
        continue;
      }
      boolean needsLock =
          decision.action == null
              || !actionSpec(decision.action).map(ActionSpec::parallel).orElse(false);
      if (needsLock) {
        if (!unit.machine.tryLock(this)) {
          return null;
        }
        holdsMachineLock = true;
      }
      Prepared prepared =
          decision.action != null ? beginAction(decision.action) : beginHook(decision.hook);
      executing = true;
      return prepared;
    }
    engine.schedule(this);
    return null;
  }

  private Decision decide() {
    AppNode app = unit.app;
    // The leadership tracker claims a free leadership for any live unit.
    if (app.leader == null && unit.life == Life.ALIVE && app.life == Life.ALIVE) {
      return Decision.inline(this::claimLeadership);
    }
    // relation-changed follows relation-joined immediately.
    if (opKind == OpKind.CONTINUE) {
      for (LocalRelation local : relations.values()) {
        if (local.changedPending != null) {
          return Decision.hook(changedHook(local, local.changedPending));
        }
      }
    }
    if (opKind == OpKind.RUN_ACTION) {
      return Decision.inline(this::abandonInterruptedAction);
    }
    if (opKind == OpKind.RUN_HOOK && opPending) {
      return decideInError();
    }
    boolean dying = unit.life == Life.DYING;
    // Created relations.
    if (installed && !dying && opKind == OpKind.CONTINUE && charmVersion == app.charmVersion) {
      for (RelationNode relation : app.relations) {
        if (relation.life != Life.ALIVE || !takesPart(relation)) {
          continue;
        }
        LocalRelation local = relations.get(relation.id);
        if (local != null && local.created) {
          continue;
        }
        if (relation.isImplicitFor(app.name)) {
          return Decision.inline(() -> createImplicit(relation));
        }
        return Decision.hook(
            HookInfo.relation(
                HookKind.RELATION_CREATED,
                relation,
                relation.endpointOf(app.name).name(),
                relation.counterpartOf(app.name)));
      }
    }
    // Leadership.
    if (installed) {
      boolean remoteLeader = app.leader == unit;
      if (remoteLeader && !leader && !dying && opKind == OpKind.CONTINUE) {
        return Decision.inline(this::acceptLeadership);
      }
      if (leader && (!remoteLeader || dying)) {
        return Decision.inline(this::resignLeadership);
      }
      if (opKind == OpKind.CONTINUE
          && !stopped
          && !leader
          && leaderSettingsVersion != app.leaderSettingsVersion) {
        return Decision.hook(HookInfo.LEADER_SETTINGS_CHANGED);
      }
    }
    // Actions.
    ActionNode action = nextAction();
    if (action != null) {
      return Decision.action(action);
    }
    if (opKind == OpKind.RUN_HOOK) {
      if (opHook.kind() == HookKind.LEADER_ELECTED && app.leader != unit) {
        return Decision.inline(this::skipLeaderElected);
      }
      return Decision.hook(opHook);
    }
    return decideNext(dying);
  }

  private Decision decideInError() {
    if (!errorReported) {
      return Decision.inline(this::reportError);
    }
    if (leader && (unit.app.leader != unit || unit.life == Life.DYING)) {
      return Decision.inline(this::resignLeadership);
    }
    ActionNode action = nextAction();
    if (action != null) {
      return Decision.action(action);
    }
    if (resolveMode == ResolveMode.NO_RETRY) {
      return Decision.inline(this::skipFailedHook);
    }
    if (resolveMode == ResolveMode.RETRY || retryDue) {
      return Decision.hook(opHook);
    }
    return null;
  }

  private Decision decideNext(boolean dying) {
    if (dying) {
      Decision relationHook = decideRelations(true);
      if (relationHook != null) {
        return relationHook;
      }
      if (started && !stopped) {
        return Decision.hook(HookInfo.STOP);
      }
      if (installed && !removed) {
        return Decision.hook(HookInfo.REMOVE);
      }
      if (!unit.subordinates().isEmpty()) {
        return null;
      }
      return Decision.inline(() -> engine.terminate(this));
    }
    if (!installed) {
      return Decision.hook(HookInfo.INSTALL);
    }
    if (charmVersion != unit.app.charmVersion) {
      return Decision.inline(this::stageUpgrade);
    }
    if (!Objects.equals(configHash, unit.app.configHash)) {
      return Decision.hook(HookInfo.CONFIG_CHANGED);
    }
    Decision relationHook = decideRelations(false);
    if (relationHook != null) {
      return relationHook;
    }
    if (updateStatusDue) {
      return Decision.hook(HookInfo.UPDATE_STATUS);
    }
    return null;
  }

  /** Whether the unit takes part in a relation its application is in. */
  boolean takesPart(RelationNode relation) {
    if (relation.isContainerScoped() && !relation.isPeer() && unit.principal != null) {
      return unit.principal.app.name.equals(relation.counterpartOf(unit.app.name));
    }
    return true;
  }

  // --- relation hooks (Juju's relation resolver)

  private Decision decideRelations(boolean unitDying) {
    List<LocalRelation> stale = null;
    Decision found = null;
    for (LocalRelation local : relations.values()) {
      RelationNode relation = local.relation;
      if (engine.relations.get(relation.id) != relation) {
        if (stale == null) {
          stale = new ArrayList<>(1);
        }
        stale.add(local);
        continue;
      }
      boolean broken = unitDying || relation.life == Life.DYING;
      if (relation.isImplicitFor(unit.app.name)) {
        if (broken && local.created) {
          found = Decision.inline(() -> clearRelation(local, null));
          break;
        }
        continue;
      }
      if (!local.created) {
        continue;
      }
      if (!broken && !local.inScope) {
        continue;
      }
      HookInfo hook = nextHookForRelation(local, broken);
      if (hook != null) {
        found = Decision.hook(hook);
        break;
      }
      if (broken && relation.isPeer()) {
        found = Decision.inline(() -> clearRelation(local, null));
        break;
      }
    }
    if (stale != null) {
      stale.forEach(local -> relations.remove(local.relation.id));
    }
    return found;
  }

  private HookInfo nextHookForRelation(LocalRelation local, boolean broken) {
    RelationNode relation = local.relation;
    String endpoint = relation.endpointOf(unit.app.name).name();
    String counterpart = relation.counterpartOf(unit.app.name);
    if (broken) {
      if (!local.members.isEmpty()) {
        String remote = local.members.firstKey();
        return new HookInfo(
            HookKind.RELATION_DEPARTED,
            relation.id,
            endpoint,
            remote,
            applicationOf(remote),
            departingUnit(remote));
      }
      if (relation.isPeer()) {
        return null;
      }
      return HookInfo.relation(HookKind.RELATION_BROKEN, relation, endpoint, counterpart);
    }
    TreeSet<String> dirty = local.takeDirty();
    if (dirty != null) {
      for (String remote : dirty) {
        classify(local, remote);
      }
    }
    String departing = first(local, local.departs, HookKind.RELATION_DEPARTED);
    if (departing != null) {
      return new HookInfo(
          HookKind.RELATION_DEPARTED,
          relation.id,
          endpoint,
          departing,
          applicationOf(departing),
          departingUnit(departing));
    }
    long appVersion = relation.applicationBagVersion(counterpart);
    if (appVersion != 0 && appVersion != local.appVersion) {
      return HookInfo.relation(HookKind.RELATION_CHANGED, relation, endpoint, counterpart);
    }
    String joining = first(local, local.joins, HookKind.RELATION_JOINED);
    if (joining != null) {
      return new HookInfo(
          HookKind.RELATION_JOINED, relation.id, endpoint, joining, applicationOf(joining), null);
    }
    String changed = first(local, local.changes, HookKind.RELATION_CHANGED);
    if (changed != null) {
      return changedHook(local, changed);
    }
    return null;
  }

  private HookInfo changedHook(LocalRelation local, String remote) {
    RelationNode relation = local.relation;
    return new HookInfo(
        HookKind.RELATION_CHANGED,
        relation.id,
        relation.endpointOf(unit.app.name).name(),
        remote,
        applicationOf(remote),
        null);
  }

  private String departingUnit(String remote) {
    return unit.life == Life.ALIVE && unit.app.life == Life.ALIVE ? remote : unit.name;
  }

  private static String applicationOf(String unitName) {
    return unitName.substring(0, unitName.indexOf('/'));
  }

  /** Sorts a remote unit into the units to depart, join or re-read, or none. */
  private void classify(LocalRelation local, String remote) {
    local.forget(remote);
    Long known = local.members.get(remote);
    boolean visible = engine.isVisible(unit, local.relation, remote);
    if (known != null && !visible) {
      local.departs = add(local.departs, remote);
    } else if (known == null && visible) {
      local.joins = add(local.joins, remote);
    } else if (known != null && known != local.relation.bags.get(remote).version) {
      local.changes = add(local.changes, remote);
    }
  }

  private static TreeSet<String> add(TreeSet<String> set, String unit) {
    TreeSet<String> result = set == null ? new TreeSet<>() : set;
    result.add(unit);
    return result;
  }

  /** The first unit of a queue that still needs that hook; re-sorts the ones that do not. */
  private String first(LocalRelation local, TreeSet<String> queue, HookKind kind) {
    while (queue != null && !queue.isEmpty()) {
      String remote = queue.first();
      Long known = local.members.get(remote);
      boolean visible = engine.isVisible(unit, local.relation, remote);
      boolean still =
          switch (kind) {
            case RELATION_DEPARTED -> known != null && !visible;
            case RELATION_JOINED -> known == null && visible;
            default -> known != null && visible && known != local.relation.bags.get(remote).version;
          };
      if (still) {
        return remote;
      }
      classify(local, remote);
    }
    return null;
  }

  /** Marks a remote unit of a relation for another look at the next decision. */
  void markDirty(RelationNode relation, String remote) {
    localRelation(relation).markDirty(remote);
  }

  /** Marks every remote unit of a relation, and every member, for another look. */
  void resync(LocalRelation local) {
    for (String member : local.members.keySet()) {
      local.markDirty(member);
    }
    for (String remote : engine.remoteCandidates(unit, local.relation)) {
      local.markDirty(remote);
    }
  }

  LocalRelation localRelation(RelationNode relation) {
    LocalRelation local = relations.get(relation.id);
    if (local == null) {
      local = new LocalRelation(relation);
      relations.put(relation.id, local);
    }
    return local;
  }

  // --- actions

  void enqueueAction(ActionNode action) {
    if (actions == null) {
      actions = new ArrayDeque<>(1);
    }
    actions.add(action);
  }

  private ActionNode nextAction() {
    return actions == null ? null : actions.peek();
  }

  List<ActionNode> pendingActions() {
    return actions == null ? List.of() : List.copyOf(actions);
  }

  private java.util.Optional<ActionSpec> actionSpec(ActionNode action) {
    return java.util.Optional.ofNullable(unit.app.charm.meta().actions().get(action.name));
  }

  // ---------------------------------------------------------------------------------------------
  // Inline operations

  private void claimLeadership() {
    engine.claimLeadership(this);
  }

  private void acceptLeadership() {
    Commit commit = new Commit();
    leader = true;
    opKind = OpKind.RUN_HOOK;
    opPending = false;
    opHook = HookInfo.LEADER_ELECTED;
    commit.putAgent(this);
    engine.commit(commit);
  }

  private void resignLeadership() {
    Commit commit = new Commit();
    leader = false;
    commit.putAgent(this);
    engine.commit(commit);
    engine.releaseLeadership(this);
  }

  private void skipLeaderElected() {
    LOG.info("unit {} is no longer the leader; skipping \"leader-elected\" execution", unit.name);
    Commit commit = new Commit();
    opKind = OpKind.CONTINUE;
    opHook = null;
    commit.putAgent(this);
    engine.commit(commit);
  }

  private void stageUpgrade() {
    Commit commit = new Commit();
    charmVersion = unit.app.charmVersion;
    opKind = OpKind.RUN_HOOK;
    opPending = false;
    opHook = HookInfo.UPGRADE_CHARM;
    commit.putAgent(this);
    engine.commit(commit);
  }

  private void createImplicit(RelationNode relation) {
    Commit commit = new Commit();
    LocalRelation local = localRelation(relation);
    local.created = true;
    relation.participants++;
    commit.put(Keys.local(unit.name, relation.id), local.document());
    if (started) {
      enterScope(local, commit);
    }
    engine.commit(commit);
  }

  private void reportError() {
    Commit commit = new Commit();
    errorReported = true;
    if (interrupted) {
      interrupted = false;
      appendLog(
          commit,
          opHook,
          engine.clock.millis(),
          0,
          HookRecord.Outcome.INTERRUPTED,
          "the unit agent stopped while the hook ran");
      commit.putAgent(this);
    }
    engine.setAgentStatus(unit, AgentState.ERROR, failedMessage(opHook), commit);
    engine.commit(commit);
    startRetryTimer();
  }

  private void skipFailedHook() {
    resolveMode = null;
    Prepared prepared = capture(opHook, null);
    commitHook(prepared, null, false);
  }

  private void abandonInterruptedAction() {
    Commit commit = new Commit();
    ActionNode action = engine.actions.get(opAction);
    if (action != null && !action.status.isFinished()) {
      action.status = ActionStatus.FAILED;
      action.message = "the unit agent stopped while the action ran";
      action.completed = engine.clock.millis();
      commit.put(Keys.action(action.id), action.document());
      engine.actionFinished(action);
    }
    restoreAfterAction();
    commit.putAgent(this);
    engine.setAgentStatus(unit, statusAfterAction(), messageAfterAction(), commit);
    engine.commit(commit);
  }

  // ---------------------------------------------------------------------------------------------
  // Running hooks

  /** What a running hook or action needs at commit: what it was decided on. */
  static final class Prepared {
    final HookInfo hook;
    final ActionNode action;
    final long sequence;
    final long start;
    final long startNanos;
    long version;
    String configHash;
    long leaderSettingsVersion;
    AgentBackend backend;

    Prepared(HookInfo hook, ActionNode action, long sequence, long start) {
      this.hook = hook;
      this.action = action;
      this.sequence = sequence;
      this.start = start;
      this.startNanos = System.nanoTime();
    }
  }

  private Prepared capture(HookInfo hook, ActionNode action) {
    Prepared prepared = new Prepared(hook, action, 0, engine.clock.millis());
    if (hook != null) {
      fillCaptures(prepared);
    }
    return prepared;
  }

  private void fillCaptures(Prepared prepared) {
    HookInfo hook = prepared.hook;
    switch (hook.kind()) {
      case CONFIG_CHANGED -> prepared.configHash = unit.app.configHash;
      case LEADER_SETTINGS_CHANGED ->
          prepared.leaderSettingsVersion = unit.app.leaderSettingsVersion;
      case RELATION_JOINED, RELATION_CHANGED -> {
        RelationNode relation = engine.relations.get(hook.relationId());
        if (relation != null) {
          if (hook.remoteUnit() == null) {
            prepared.version = relation.applicationBagVersion(hook.remoteApp());
          } else {
            RelationNode.BagNode bag = relation.bags.get(hook.remoteUnit());
            prepared.version = bag == null ? 0 : bag.version;
          }
        }
      }
      default -> {}
    }
  }

  private Prepared beginHook(HookInfo hook) {
    Commit commit = new Commit();
    opKind = OpKind.RUN_HOOK;
    opPending = true;
    opHook = hook;
    retryDue = false;
    resolveMode = null;
    errorReported = false;
    if (hook.kind() == HookKind.UPDATE_STATUS) {
      updateStatusDue = false;
    } else {
      engine.setAgentStatus(unit, AgentState.EXECUTING, hook.runningMessage(), commit);
    }
    switch (hook.kind()) {
      case INSTALL -> {
        if (!statusSet) {
          engine.setWorkload(unit, StatusState.MAINTENANCE, "installing charm software", commit);
        }
      }
      case STOP ->
          engine.setWorkload(unit, StatusState.MAINTENANCE, "stopping charm software", commit);
      case REMOVE ->
          engine.setWorkload(
              unit, StatusState.MAINTENANCE, "cleaning up prior to charm deletion", commit);
      default -> {}
    }
    commit.putAgent(this);
    Prepared prepared = new Prepared(hook, null, 0, engine.clock.millis());
    fillCaptures(prepared);
    commitQueued(commit, false);
    if (hook.kind() == HookKind.RELATION_CREATED) {
      RelationNode relation = engine.relations.get(hook.relationId());
      if (relation != null) {
        localRelation(relation);
      }
    }
    prepared.backend = new AgentBackend(engine, this, hook, hook.event(), null);
    return prepared;
  }

  private void finishHook(Prepared prepared, HookOutcome outcome) {
    if (outcome.succeeded()) {
      if (commitHook(prepared, outcome.changes(), true)) {
        return;
      }
      failHook(
          prepared,
          "leadership lost: "
              + unit.name
              + " is no longer the leader of "
              + unit.app.name
              + ", so its application data was not written");
      return;
    }
    failHook(prepared, describe(outcome.failure()));
  }

  /**
   * Commits a hook that succeeded (or is skipped): its changes, then what the hook means for the
   * local state. Returns false, committing nothing, when the hook wrote application data without
   * holding leadership.
   */
  private boolean commitHook(Prepared prepared, HookChanges changes, boolean log) {
    Commit commit = new Commit();
    if (changes != null && !engine.applyChanges(this, changes, commit)) {
      return false;
    }
    HookInfo hook = prepared.hook;
    HookInfo next = null;
    switch (hook.kind()) {
      case INSTALL -> installed = true;
      case START -> {
        started = true;
        if (!statusSet) {
          engine.setWorkload(unit, StatusState.UNKNOWN, "", commit);
        }
        for (LocalRelation local : relations.values()) {
          if (local.created && local.relation.life == Life.ALIVE && unit.life == Life.ALIVE) {
            enterScope(local, commit);
          }
        }
      }
      case CONFIG_CHANGED -> {
        configHash = prepared.configHash;
        if (!started) {
          next = HookInfo.START;
        }
      }
      case UPGRADE_CHARM -> next = HookInfo.CONFIG_CHANGED;
      case LEADER_SETTINGS_CHANGED -> leaderSettingsVersion = prepared.leaderSettingsVersion;
      case STOP -> {
        stopped = true;
        engine.setWorkload(unit, StatusState.MAINTENANCE, "", commit);
      }
      case REMOVE -> {
        removed = true;
        engine.setWorkload(unit, StatusState.TERMINATED, "", commit);
      }
      case RELATION_CREATED,
          RELATION_JOINED,
          RELATION_CHANGED,
          RELATION_DEPARTED,
          RELATION_BROKEN ->
          commitRelationHook(prepared, commit);
      default -> {}
    }
    opKind = next == null ? OpKind.CONTINUE : OpKind.RUN_HOOK;
    opPending = false;
    opHook = next;
    errorReported = false;
    retryAttempt = 0;
    if (retryTimer != null) {
      retryTimer.cancel();
      retryTimer = null;
    }
    engine.setAgentStatus(unit, AgentState.IDLE, "", commit);
    if (log) {
      appendLog(
          commit,
          hook,
          prepared.start,
          System.nanoTime() - prepared.startNanos,
          HookRecord.Outcome.SUCCEEDED,
          null);
    }
    if (!terminated) {
      commit.putAgent(this);
    }
    commitQueued(commit, true);
    return true;
  }

  private void commitRelationHook(Prepared prepared, Commit commit) {
    HookInfo hook = prepared.hook;
    RelationNode relation = engine.relations.get(hook.relationId());
    if (relation == null) {
      return;
    }
    LocalRelation local =
        hook.kind() == HookKind.RELATION_CREATED
            ? localRelation(relation)
            : relations.get(relation.id);
    if (local == null) {
      return;
    }
    String remote = hook.remoteUnit();
    switch (hook.kind()) {
      case RELATION_CREATED -> {
        local.created = true;
        relation.participants++;
        if (started && unit.life == Life.ALIVE && relation.life == Life.ALIVE) {
          enterScope(local, commit);
        }
      }
      case RELATION_JOINED -> {
        local.members.put(remote, prepared.version);
        local.forget(remote);
        local.changedPending = remote;
        commit.put(Keys.member(unit.name, relation.id, remote), versionBytes(prepared.version));
      }
      case RELATION_CHANGED -> {
        if (remote == null) {
          local.appVersion = prepared.version;
        } else {
          if (local.members.containsKey(remote)) {
            local.members.put(remote, prepared.version);
            commit.put(Keys.member(unit.name, relation.id, remote), versionBytes(prepared.version));
          }
          local.forget(remote);
          if (remote.equals(local.changedPending)) {
            local.changedPending = null;
          }
        }
      }
      case RELATION_DEPARTED -> {
        local.members.remove(remote);
        local.forget(remote);
        if (remote.equals(local.changedPending)) {
          local.changedPending = null;
        }
        commit.delete(Keys.member(unit.name, relation.id, remote));
      }
      case RELATION_BROKEN -> {
        clearRelation(local, commit);
        return;
      }
      default -> {}
    }
    commit.put(Keys.local(unit.name, relation.id), local.document());
  }

  private static byte[] versionBytes(long version) {
    return Long.toString(version).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  /** Enters a relation's scope: remote units see this unit from now on, and it sees them. */
  void enterScope(LocalRelation local, Commit commit) {
    if (local.inScope) {
      return;
    }
    engine.enterScope(this, local, commit);
    local.inScope = true;
    resync(local);
  }

  /**
   * Forgets a relation: leaves its scope, deletes the local state (after relation-broken, after the
   * last departure from a peer relation, or for an implicit relation without hooks).
   */
  void clearRelation(LocalRelation local, Commit given) {
    Commit commit = given == null ? new Commit() : given;
    RelationNode relation = local.relation;
    engine.leaveScope(this, local, commit);
    for (String member : local.members.keySet()) {
      commit.delete(Keys.member(unit.name, relation.id, member));
    }
    commit.delete(Keys.local(unit.name, relation.id));
    relations.remove(relation.id);
    if (local.created) {
      relation.participants--;
    }
    engine.relationLeft(this, relation, commit);
    if (given == null) {
      engine.commit(commit);
    }
  }

  private void failHook(Prepared prepared, String error) {
    Commit commit = new Commit();
    errorReported = true;
    engine.setAgentStatus(unit, AgentState.ERROR, failedMessage(prepared.hook), commit);
    appendLog(
        commit,
        prepared.hook,
        prepared.start,
        System.nanoTime() - prepared.startNanos,
        HookRecord.Outcome.FAILED,
        error);
    commit.putAgent(this);
    commitQueued(commit, true);
    LOG.info("unit {}: hook {} failed: {}", unit.name, prepared.hook.name(), error);
    startRetryTimer();
  }

  static String failedMessage(HookInfo hook) {
    return "hook failed: " + dev.bosun.model.internal.GoFormat.quote(hook.name());
  }

  private static String describe(Throwable failure) {
    if (failure == null) {
      return "unknown failure";
    }
    String message = failure.getMessage();
    return message == null || message.isEmpty()
        ? failure.getClass().getName()
        : failure.getClass().getSimpleName() + ": " + message;
  }

  private void startRetryTimer() {
    if (!engine.settings.retryHooks() || agentStopped || terminated) {
      return;
    }
    if (retryTimer != null) {
      retryTimer.cancel();
    }
    double delay =
        engine.settings.retryMinimum().toMillis()
            * Math.pow(engine.settings.retryFactor(), retryAttempt);
    delay += delay * (engine.random(2) - 1) * engine.settings.retryJitter();
    delay = Math.min(delay, engine.settings.retryMaximum().toMillis());
    retryAttempt++;
    retryTimer =
        engine.after(
            java.time.Duration.ofMillis(Math.round(delay)),
            () -> {
              engine.lock.lock();
              try {
                retryTimer = null;
                if (opKind == OpKind.RUN_HOOK && opPending) {
                  retryDue = true;
                }
              } finally {
                engine.lock.unlock();
              }
              engine.schedule(this);
            });
  }

  // --- actions

  private Prepared beginAction(ActionNode action) {
    Commit commit = new Commit();
    actions.poll();
    opKind = OpKind.RUN_ACTION;
    opAction = action.id;
    action.status = ActionStatus.RUNNING;
    action.started = engine.clock.millis();
    commit.put(Keys.action(action.id), action.document());
    engine.setAgentStatus(unit, AgentState.EXECUTING, "running action " + action.name, commit);
    commit.putAgent(this);
    long revision = engine.commit(commit);
    Prepared prepared = new Prepared(null, action, revision, engine.clock.millis());
    ActionEvent event = new ActionEvent(action.name, Long.toString(action.id), action.parameters);
    prepared.backend =
        new AgentBackend(
            engine,
            this,
            null,
            event,
            new ActionInvocation(Long.toString(action.id), action.name, action.parameters));
    return prepared;
  }

  private void finishAction(Prepared prepared, HookOutcome outcome) {
    ActionNode action = prepared.action;
    Commit commit = new Commit();
    HookChanges changes = outcome.changes();
    String failure = null;
    if (outcome.succeeded()) {
      if (changes != null && !engine.applyChanges(this, changes, commit)) {
        commit = new Commit();
        failure = "leadership lost: " + unit.name + " is no longer the leader";
      } else if (changes != null && changes.actionFailure() != null) {
        failure = changes.actionFailure();
      }
    } else {
      failure =
          changes != null && changes.actionFailure() != null
              ? changes.actionFailure()
              : describe(outcome.failure());
    }
    if (changes != null) {
      action.results = new java.util.LinkedHashMap<>(changes.actionResults());
      action.log = new ArrayList<>(changes.actionLog());
    }
    action.status = failure == null ? ActionStatus.COMPLETED : ActionStatus.FAILED;
    action.message = failure == null ? "" : failure;
    action.completed = engine.clock.millis();
    commit.put(Keys.action(action.id), action.document());
    restoreAfterAction();
    engine.setAgentStatus(unit, statusAfterAction(), messageAfterAction(), commit);
    appendLogAction(commit, prepared, failure);
    commit.putAgent(this);
    engine.commit(commit);
    engine.actionFinished(action);
  }

  private void restoreAfterAction() {
    opKind = opHook == null ? OpKind.CONTINUE : OpKind.RUN_HOOK;
    opAction = 0;
  }

  private AgentState statusAfterAction() {
    return opKind == OpKind.RUN_HOOK && opPending ? AgentState.ERROR : AgentState.IDLE;
  }

  private String messageAfterAction() {
    return opKind == OpKind.RUN_HOOK && opPending ? failedMessage(opHook) : "";
  }

  // --- the hook log

  private void appendLog(
      Commit commit,
      HookInfo hook,
      long start,
      long nanos,
      HookRecord.Outcome outcome,
      String error) {
    long sequence = engine.nextLogSequence();
    engine.appendLog(
        this,
        commit,
        new Documents.LogEntry(
            sequence,
            hook.name(),
            hook.relationId() < 0 ? null : hook.relationId(),
            hook.remoteUnit(),
            start,
            nanos,
            outcome.name(),
            error,
            false));
  }

  private void appendLogAction(Commit commit, Prepared prepared, String failure) {
    engine.appendLog(
        this,
        commit,
        new Documents.LogEntry(
            engine.nextLogSequence(),
            prepared.action.name,
            null,
            null,
            prepared.start,
            System.nanoTime() - prepared.startNanos,
            failure == null
                ? HookRecord.Outcome.SUCCEEDED.name()
                : HookRecord.Outcome.FAILED.name(),
            failure,
            true));
  }

  // ---------------------------------------------------------------------------------------------
  // Timers and lifecycle

  /** Starts the agent: arms update-status, renews leadership it holds. */
  void start() {
    armUpdateStatus();
    if (unit.app.leader == unit) {
      // A restarted agent renews the leadership it holds at once, as Juju's tracker reclaims it.
      renewLeadership();
    }
  }

  private void armUpdateStatus() {
    if (agentStopped || terminated || engine.closed) {
      return;
    }
    long interval = engine.settings.updateStatusInterval().toMillis();
    double jitter = engine.settings.updateStatusJitter();
    long wait = Math.round(interval * (1 - jitter + 2 * jitter * engine.random(1)));
    updateStatusTimer =
        engine.after(
            java.time.Duration.ofMillis(Math.max(1, wait)),
            () -> {
              engine.lock.lock();
              try {
                updateStatusTimer = null;
                if (agentStopped || terminated) {
                  return;
                }
                updateStatusDue = true;
                armUpdateStatus();
              } finally {
                engine.lock.unlock();
              }
              engine.schedule(this);
            });
  }

  void startRenewal() {
    if (renewTimer != null || agentStopped || terminated) {
      return;
    }
    renewTimer = engine.after(engine.settings.leadershipRenewal(), this::renewLeadership);
  }

  private void renewLeadership() {
    long lease;
    engine.lock.lock();
    try {
      renewTimer = null;
      if (agentStopped || terminated || unit.app.leader != unit) {
        return;
      }
      lease = unit.app.leaderLease;
    } finally {
      engine.lock.unlock();
    }
    try {
      engine.store.keepAlive(lease);
    } catch (StoreException e) {
      LOG.info("unit {} lost its leadership lease: {}", unit.name, e.getMessage());
      return;
    }
    engine.lock.lock();
    try {
      startRenewal();
    } finally {
      engine.lock.unlock();
    }
  }

  void cancelRenewal() {
    if (renewTimer != null) {
      renewTimer.cancel();
      renewTimer = null;
    }
  }

  void cancelTimers() {
    cancelRenewal();
    if (updateStatusTimer != null) {
      updateStatusTimer.cancel();
      updateStatusTimer = null;
    }
    if (retryTimer != null) {
      retryTimer.cancel();
      retryTimer = null;
    }
  }

  /** Stops the agent as if its process died: no more hooks, timers or renewals. */
  void stopAgent() {
    agentStopped = true;
    cancelTimers();
  }

  /** Restarts a stopped agent from its committed state: a pending hook counts as failed. */
  void restartAgent() {
    agentStopped = false;
    errorReported = false;
    retryDue = false;
    retryAttempt = 0;
    interrupted = opKind == OpKind.RUN_HOOK && opPending;
    for (LocalRelation local : relations.values()) {
      local.clearQueues();
      if (local.inScope) {
        resync(local);
      }
    }
    start();
  }

  /** Whether the unit is in a hook error. */
  boolean inError() {
    return opKind == OpKind.RUN_HOOK && opPending && !terminated && !executing;
  }

  /** Whether the agent has work it could run now (for settlement reports). */
  boolean hasRunnableWork() {
    return scheduleState != Scheduler.IDLE;
  }

  // ---------------------------------------------------------------------------------------------
  // Persistence

  Documents.Agent document() {
    String op = opKind.toString();
    String step = opHook == null ? null : opPending ? "pending" : "queued";
    return new Documents.Agent(
        op,
        step,
        opHook == null ? null : opHook.document(),
        opAction == 0 ? null : opAction,
        installed,
        started,
        stopped,
        removed,
        leader,
        statusSet,
        configHash,
        charmVersion,
        leaderSettingsVersion,
        logSeq,
        unit.statusDocument());
  }

  void load(Documents.Agent document) {
    opKind = OpKind.of(document.op());
    opHook = document.hook() == null ? null : HookInfo.of(document.hook());
    opPending = "pending".equals(document.step());
    opAction = document.action() == null ? 0 : document.action();
    installed = document.installed();
    started = document.started();
    stopped = document.stopped();
    removed = document.removed();
    leader = document.leader();
    statusSet = document.statusSet();
    configHash = document.configHash();
    charmVersion = document.charmVersion();
    leaderSettingsVersion = document.leaderSettingsVersion();
    logSeq = document.log();
    if (opKind == OpKind.RUN_HOOK && opHook == null) {
      opKind = OpKind.CONTINUE;
    }
    interrupted = opKind == OpKind.RUN_HOOK && opPending;
  }

  Map<Integer, LocalRelation> relations() {
    return relations;
  }

  @Override
  public String toString() {
    return "agent of " + unit.name;
  }
}
