package dev.bosun.model.plan;

import static java.util.Objects.requireNonNull;

import dev.bosun.model.internal.plan.GoStrings;
import dev.bosun.model.internal.plan.Requires;
import dev.bosun.model.spec.Constraints;
import java.util.List;

/**
 * Change the constraints of an existing application ({@code setConstraints}), described as {@code
 * set constraints for etcd to "cores=2 mem=8192M"} (the constraints in their canonical form).
 *
 * @param id the change id
 * @param requires the ids of the changes to apply first
 * @param application the application's name
 * @param constraints the new constraints
 */
public record SetConstraintsChange(
    String id, List<String> requires, String application, Constraints constraints)
    implements Change {

  /** Checks the components. */
  public SetConstraintsChange {
    requireNonNull(id, "id");
    requires = Requires.sorted(requires);
    requireNonNull(application, "application");
    requireNonNull(constraints, "constraints");
  }

  @Override
  public String method() {
    return "setConstraints";
  }

  @Override
  public List<String> descriptionLines() {
    return List.of(
        "set constraints for " + application + " to " + GoStrings.quote(constraints.toString()));
  }
}
