package dev.bosun.runtime.internal.engine;

import dev.bosun.charm.StatusState;
import dev.bosun.runtime.internal.persist.Documents;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A unit as the runtime holds it: identity, placement, life and status. Guarded by the lock. */
final class UnitNode {
  final String name;
  final AppNode app;
  final int number;
  final MachineNode machine;
  final UnitNode principal;
  List<UnitNode> subordinates;
  Life life = Life.ALIVE;
  StatusState workload = StatusState.WAITING;
  String workloadMessage = "waiting for machine";
  long workloadSince;
  AgentState agentState = AgentState.ALLOCATING;
  String agentMessage = "";
  long agentSince;
  Set<String> ports = Set.of();
  long historySeq;

  /**
   * The last chunks of the unit's status history and hook log while the unit is busy; null when it
   * is idle, so idle units hold nothing for them.
   */
  private JournalTail historyTail;

  private JournalTail logTail;

  JournalTail historyTail() {
    if (historyTail == null) {
      historyTail = new JournalTail();
    }
    return historyTail;
  }

  JournalTail logTail() {
    if (logTail == null) {
      logTail = new JournalTail();
    }
    return logTail;
  }

  /** Forgets the journals' last chunks: the unit went idle. */
  void dropJournalTails() {
    historyTail = null;
    logTail = null;
  }

  UnitAgent agent;

  UnitNode(String name, AppNode app, int number, MachineNode machine, UnitNode principal) {
    this.name = name;
    this.app = app;
    this.number = number;
    this.machine = machine;
    this.principal = principal;
  }

  /** The partition of a container-scoped relation this unit sees: its principal's name. */
  String containerPartition() {
    return principal == null ? name : principal.name;
  }

  void addSubordinate(UnitNode subordinate) {
    if (subordinates == null) {
      subordinates = new ArrayList<>(1);
    }
    subordinates.add(subordinate);
  }

  List<UnitNode> subordinates() {
    return subordinates == null ? List.of() : subordinates;
  }

  Documents.Unit document() {
    return new Documents.Unit(
        machine.id, principal == null ? null : principal.name, life == Life.DYING);
  }

  Documents.UnitStatus statusDocument() {
    return new Documents.UnitStatus(
        new Documents.StatusValue(workload.toString(), workloadMessage, workloadSince),
        new Documents.StatusValue(agentState.toString(), agentMessage, agentSince),
        ports.isEmpty() ? null : List.copyOf(ports),
        historySeq);
  }

  @Override
  public String toString() {
    return name;
  }
}
