package dev.bosun.model.plan;

import java.util.List;

/**
 * Thrown when applications are placed next to each other in a cycle ({@code a} to {@code b}, {@code
 * b} to {@code a}), or next to an application outside the model: {@code cycle in placement
 * directives for: keystone, mysql}.
 */
public final class PlacementCycleException extends PlanException {
  private static final long serialVersionUID = 1L;

  private final transient List<String> applications;

  /** Creates the exception for the applications that cannot be placed, sorted. */
  public PlacementCycleException(List<String> applications) {
    super("cycle in placement directives for: " + String.join(", ", applications));
    this.applications = List.copyOf(applications);
  }

  /** Returns the applications that cannot be placed, sorted. */
  public List<String> applications() {
    return applications;
  }
}
