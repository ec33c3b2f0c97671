package dev.bosun.model.internal.plan;

import dev.bosun.model.plan.Change;
import dev.bosun.model.plan.Plan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The changes as the planner adds them (Juju's {@code changeset}): each gets the id {@code
 * <method>-<n>} when added; unit changes are completed later, once their placement is known.
 */
final class ChangeSet {

  /** A change being planned. */
  static final class Draft {
    final String id;
    final int index;
    final List<String> explicitRequires = new ArrayList<>();
    int previousMachine = -1;
    Change change;

    Draft(String id, int index) {
      this.id = id;
      this.index = index;
    }
  }

  private final List<Draft> drafts = new ArrayList<>();
  private final Map<String, Integer> indexById = new HashMap<>();
  private String[] machineIds = new String[16];
  private int machineCount;

  /** Adds a change of the given method requiring the given ids; the caller sets its change. */
  Draft add(String method, List<String> requires) {
    int index = drafts.size();
    Draft draft = new Draft(method + "-" + index, index);
    draft.explicitRequires.addAll(requires);
    drafts.add(draft);
    indexById.put(draft.id, index);
    return draft;
  }

  /**
   * Adds a machine change: it requires the given ids and, as in Juju, every machine change added
   * before it.
   */
  Draft addMachine(List<String> requires) {
    Draft draft = add("addMachines", requires);
    if (machineCount > 0) {
      draft.previousMachine = indexById.get(machineIds[machineCount - 1]);
    }
    if (machineCount == machineIds.length) {
      machineIds = Arrays.copyOf(machineIds, machineCount * 2);
    }
    machineIds[machineCount++] = draft.id;
    return draft;
  }

  /** The requires list of the machine change just added: its own and every earlier machine's. */
  List<String> machineRequires(Draft machine) {
    return Requires.withPreviousMachines(machine.explicitRequires, machineIds, machineCount - 1);
  }

  /** The id of the last machine change added, or null. */
  String lastMachineId() {
    return machineCount == 0 ? null : machineIds[machineCount - 1];
  }

  /** The ids some change requires explicitly (not through the machine chain). */
  Set<String> explicitlyRequired() {
    Set<String> result = new HashSet<>();
    for (Draft draft : drafts) {
      result.addAll(draft.explicitRequires);
    }
    return result;
  }

  /**
   * Returns the plan: the changes in Juju 3.x's order.
   *
   * @throws IllegalStateException when a change requires an unknown change or the requirements form
   *     a cycle
   */
  Plan sorted() {
    int[][] requires = new int[drafts.size()][];
    for (Draft draft : drafts) {
      int extra = draft.previousMachine >= 0 ? 1 : 0;
      int[] indices = new int[draft.explicitRequires.size() + extra];
      int i = 0;
      for (String id : draft.explicitRequires) {
        Integer index = indexById.get(id);
        if (index == null) {
          throw new IllegalStateException("sort failed: " + draft.id + " requires " + id);
        }
        indices[i++] = index;
      }
      if (extra == 1) {
        indices[i] = draft.previousMachine;
      }
      requires[draft.index] = indices;
    }
    int[] order = ChangeOrder.sort(requires);
    List<Change> changes = new ArrayList<>(order.length);
    for (int index : order) {
      changes.add(drafts.get(index).change);
    }
    return new Plan(changes);
  }
}
