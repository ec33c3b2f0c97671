package dev.bosun.runtime.internal.engine;

import dev.bosun.charm.machine.Machine;
import dev.bosun.model.spec.Constraints;
import dev.bosun.runtime.internal.persist.Documents;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A machine as the runtime holds it, with its machine lock: at most one hook runs on a machine at a
 * time. Guarded by the engine's lock.
 */
final class MachineNode {
  final String id;
  final String containerType;
  final String parent;
  Constraints constraints = Constraints.NONE;
  String base;
  String series;
  Machine machine;
  final List<UnitNode> units = new ArrayList<>(2);
  private UnitAgent lockHolder;
  private ArrayDeque<UnitAgent> lockWaiters;

  MachineNode(String id, String containerType, String parent) {
    this.id = id;
    this.containerType = containerType;
    this.parent = parent;
  }

  String address() {
    return machine.address();
  }

  /** Takes the machine lock, or queues the agent to be scheduled when it is released. */
  boolean tryLock(UnitAgent agent) {
    if (lockHolder == null || lockHolder == agent) {
      lockHolder = agent;
      return true;
    }
    if (lockWaiters == null) {
      lockWaiters = new ArrayDeque<>(2);
    }
    if (!lockWaiters.contains(agent)) {
      lockWaiters.add(agent);
    }
    return false;
  }

  /** Releases the lock; returns the next waiter to schedule, or null. */
  UnitAgent unlock(UnitAgent agent) {
    if (lockHolder != agent) {
      return null;
    }
    lockHolder = null;
    return lockWaiters == null ? null : lockWaiters.poll();
  }

  boolean isLockedBy(UnitAgent agent) {
    return lockHolder == agent;
  }

  Documents.Machine document() {
    return new Documents.Machine(
        containerType,
        parent,
        constraints.isEmpty() ? null : constraints.toString(),
        machine == null ? null : machine.address(),
        base,
        series);
  }

  @Override
  public String toString() {
    return id;
  }
}
