package dev.bosun.model.plan;

import static java.util.Objects.requireNonNull;

import dev.bosun.model.internal.plan.Requires;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Set annotations on an application or a machine ({@code setAnnotations}), described as {@code set
 * annotations for etcd} or {@code set annotations for new machine 0}.
 *
 * @param id the change id
 * @param requires the ids of the changes to apply first
 * @param entity the application name or machine id, or the placeholder of the change that creates
 *     it
 * @param entityType whether an application or a machine is annotated
 * @param entityName the application name or the (predicted) machine id
 * @param annotations the annotations to set (only those that change)
 * @param target what the description names: the application, or {@code new machine N} / {@code
 *     existing machine N}
 */
public record SetAnnotationsChange(
    String id,
    List<String> requires,
    String entity,
    EntityType entityType,
    String entityName,
    Map<String, String> annotations,
    String target)
    implements Change {

  /** What is annotated. */
  public enum EntityType {
    /** An application. */
    APPLICATION,
    /** A machine. */
    MACHINE
  }

  /** Checks the components and copies the annotations. */
  public SetAnnotationsChange {
    requireNonNull(id, "id");
    requires = Requires.sorted(requires);
    requireNonNull(entity, "entity");
    requireNonNull(entityType, "entityType");
    requireNonNull(entityName, "entityName");
    annotations = Collections.unmodifiableMap(new TreeMap<>(annotations));
    requireNonNull(target, "target");
  }

  @Override
  public String method() {
    return "setAnnotations";
  }

  @Override
  public List<String> descriptionLines() {
    return List.of("set annotations for " + target);
  }
}
