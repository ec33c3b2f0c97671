package dev.bosun.model.plan;

import static java.util.Objects.requireNonNull;

import dev.bosun.model.internal.plan.Requires;
import dev.bosun.model.spec.Constraints;
import java.util.List;

/**
 * Add a machine or a container ({@code addMachines}), described as {@code add new machine 0},
 * {@code add new machine 0 (bundle machine 3)} or {@code add lxd container 0/lxd/1 on new machine
 * 0}.
 *
 * <p>As in Juju, every machine change requires every machine change planned before it, so that
 * machines are created in the order their numbers were predicted.
 *
 * @param id the change id
 * @param requires the ids of the changes to apply first
 * @param machineId the (predicted) id of the top-level machine: the new machine, or the machine
 *     that hosts the new container
 * @param containerType the container type ({@code lxd}, {@code kvm}) when a container is added,
 *     else null
 * @param parentId for a container: the placeholder of the change that creates or places on its
 *     host, or the id of an existing host; else null
 * @param containerId the (predicted) id of the new container, else null
 * @param bundleMachineId the bundle's machine id this machine realises, or null
 * @param existing whether the container's host already exists
 * @param constraints the constraints for the new machine or container
 * @param base the base or series of the new machine, or null
 */
public record AddMachineChange(
    String id,
    List<String> requires,
    String machineId,
    String containerType,
    String parentId,
    String containerId,
    String bundleMachineId,
    boolean existing,
    Constraints constraints,
    String base)
    implements Change {

  /** Checks the components. */
  public AddMachineChange {
    requireNonNull(id, "id");
    requires = Requires.sorted(requires);
    requireNonNull(machineId, "machineId");
    constraints = constraints == null ? Constraints.NONE : constraints;
  }

  @Override
  public String method() {
    return "addMachines";
  }

  /** Returns the id of the machine this change creates: the container's, else the machine's. */
  public String machine() {
    return containerId == null ? machineId : containerId;
  }

  @Override
  public List<String> descriptionLines() {
    String machine = (existing ? "existing machine " : "new machine ") + machineId;
    if (bundleMachineId != null && !bundleMachineId.equals(machineId)) {
      machine += " (bundle machine " + bundleMachineId + ")";
    }
    if (containerType != null) {
      machine = containerType + " container " + containerId + " on " + machine;
    }
    return List.of("add " + machine);
  }
}
