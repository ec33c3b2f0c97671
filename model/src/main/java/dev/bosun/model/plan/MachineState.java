package dev.bosun.model.plan;

import static java.util.Objects.requireNonNull;

import dev.bosun.model.spec.Constraints;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A machine that exists in the model: a top-level machine such as {@code 3}, or a container such as
 * {@code 3/lxd/1} (container type {@code lxd}, number 1, on machine {@code 3}).
 *
 * @param id the machine id, in Juju's grammar ({@code 0}, {@code 0/lxd/1}, {@code 0/lxd/1/kvm/0})
 * @param containerType the container type for a container, else null
 * @param parentId the id of the machine hosting a container, else null
 * @param constraints the constraints the machine was created with
 * @param annotations the machine's annotations
 * @param base the machine's base (for example {@code ubuntu@22.04}), or null when not known
 * @param series the machine's series (for example {@code jammy}), or null when not known
 */
public record MachineState(
    String id,
    String containerType,
    String parentId,
    Constraints constraints,
    Map<String, String> annotations,
    String base,
    String series) {

  private static final Pattern MACHINE_ID =
      Pattern.compile("^(?:0|[1-9][0-9]*)(?:/[a-z]+/(?:0|[1-9][0-9]*))*$");

  /**
   * Checks the id, derives the container type and parent from it, and copies the annotations.
   *
   * @throws IllegalArgumentException when the id is not a machine id, or the container type or
   *     parent disagree with it
   */
  public MachineState {
    requireNonNull(id, "id");
    if (!isValidId(id)) {
      throw new IllegalArgumentException("invalid machine id " + id);
    }
    int slash = id.lastIndexOf('/');
    String derivedType = null;
    String derivedParent = null;
    if (slash > 0) {
      int typeSlash = id.lastIndexOf('/', slash - 1);
      derivedType = id.substring(typeSlash + 1, slash);
      derivedParent = id.substring(0, typeSlash);
    }
    if (containerType != null && !containerType.equals(derivedType)
        || parentId != null && !parentId.equals(derivedParent)) {
      throw new IllegalArgumentException(
          "machine " + id + " is not a " + containerType + " container on " + parentId);
    }
    containerType = derivedType;
    parentId = derivedParent;
    constraints = constraints == null ? Constraints.NONE : constraints;
    annotations = Collections.unmodifiableMap(new TreeMap<>(annotations));
  }

  /** Returns a machine with the given id and nothing else known. */
  public static MachineState of(String id) {
    return new MachineState(id, null, null, Constraints.NONE, Map.of(), null, null);
  }

  /** Returns a builder for the machine with the given id. */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** Whether the text is a machine id such as {@code 0} or {@code 0/lxd/1}. */
  public static boolean isValidId(String id) {
    return MACHINE_ID.matcher(id).matches();
  }

  /** Returns the top-level machine of a machine id: {@code 3} for {@code 3/lxd/1}. */
  public static String topLevel(String id) {
    int slash = id.indexOf('/');
    return slash < 0 ? id : id.substring(0, slash);
  }

  /** Whether this machine is a container. */
  public boolean isContainer() {
    return containerType != null;
  }

  /** Returns a copy with the annotations replaced. */
  public MachineState withAnnotations(Map<String, String> newAnnotations) {
    return new MachineState(id, containerType, parentId, constraints, newAnnotations, base, series);
  }

  /** Builds a {@link MachineState}. */
  public static final class Builder {
    private final String id;
    private Constraints constraints = Constraints.NONE;
    private final Map<String, String> annotations = new TreeMap<>();
    private String base;
    private String series;

    private Builder(String id) {
      this.id = requireNonNull(id, "id");
    }

    /** Sets the constraints. */
    public Builder constraints(Constraints value) {
      this.constraints = requireNonNull(value, "constraints");
      return this;
    }

    /**
     * Sets the constraints from Juju's constraint language.
     *
     * @throws dev.bosun.model.spec.ConstraintsException when the text does not parse
     */
    public Builder constraints(String text) {
      return constraints(Constraints.parse(text));
    }

    /** Sets an annotation. */
    public Builder annotation(String key, String value) {
      annotations.put(key, value);
      return this;
    }

    /** Sets the base. */
    public Builder base(String value) {
      this.base = value;
      return this;
    }

    /** Sets the series. */
    public Builder series(String value) {
      this.series = value;
      return this;
    }

    /**
     * Returns the machine.
     *
     * @throws IllegalArgumentException when the id is not a machine id
     */
    public MachineState build() {
      return new MachineState(id, null, null, constraints, annotations, base, series);
    }
  }
}
