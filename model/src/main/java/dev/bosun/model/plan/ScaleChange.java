package dev.bosun.model.plan;

import static java.util.Objects.requireNonNull;

import dev.bosun.model.internal.plan.Requires;
import java.util.List;

/**
 * Scale a Kubernetes application ({@code scale}), described as {@code scale mariadb to 2 units}.
 *
 * @param id the change id
 * @param requires the ids of the changes to apply first
 * @param application the application's name
 * @param scale the number of units wanted
 */
public record ScaleChange(String id, List<String> requires, String application, int scale)
    implements Change {

  /** Checks the components. */
  public ScaleChange {
    requireNonNull(id, "id");
    requires = Requires.sorted(requires);
    requireNonNull(application, "application");
  }

  @Override
  public String method() {
    return "scale";
  }

  @Override
  public List<String> descriptionLines() {
    return List.of("scale " + application + " to " + scale + " units");
  }
}
