package dev.bosun.runtime.substrate;

import static java.util.Objects.requireNonNull;

import dev.bosun.model.spec.Constraints;

/**
 * What to provision.
 *
 * @param id the machine id, for example {@code 3} or {@code 3/lxd/0}
 * @param constraints the constraints the machine must satisfy
 * @param containerType the container type ({@code lxd}, {@code kvm}) for a container, else null
 * @param parentId the id of the machine hosting a container, else null
 */
public record MachineRequest(
    String id, Constraints constraints, String containerType, String parentId) {

  /** Checks the components. */
  public MachineRequest {
    requireNonNull(id, "id");
    constraints = constraints == null ? Constraints.NONE : constraints;
    if ((containerType == null) != (parentId == null)) {
      throw new IllegalArgumentException(
          "a container needs both a type and a parent: " + containerType + " on " + parentId);
    }
  }

  /** Returns a request for a top-level machine with no constraints. */
  public static MachineRequest of(String id) {
    return new MachineRequest(id, Constraints.NONE, null, null);
  }
}
