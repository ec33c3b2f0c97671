package dev.bosun.model.plan;

import dev.bosun.model.internal.plan.GoStrings;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a bundle machine would be created but nothing would be placed on it, which means the
 * bundle and the machine mapping disagree: {@code bundle and machine mapping are inconsistent: need
 * an explicit entry mapping bundle machine "0", perhaps to unreferenced model machine "2" - the
 * target should host [memcached]}.
 */
public final class MachineMappingException extends PlanException {
  private static final long serialVersionUID = 1L;

  private final String bundleMachine;
  private final transient List<String> possibleTargets;
  private final transient List<String> applications;

  /**
   * Creates the exception.
   *
   * @param bundleMachine the bundle machine that needs a mapping
   * @param possibleTargets the model machines no bundle machine maps to, in natural order
   * @param applications the applications placed on the bundle machine, in natural order
   */
  public MachineMappingException(
      String bundleMachine, List<String> possibleTargets, List<String> applications) {
    super(message(bundleMachine, possibleTargets, applications));
    this.bundleMachine = bundleMachine;
    this.possibleTargets = List.copyOf(possibleTargets);
    this.applications = List.copyOf(applications);
  }

  private static String message(
      String bundleMachine, List<String> possibleTargets, List<String> applications) {
    String machines = "";
    if (possibleTargets.size() == 1) {
      machines =
          ", perhaps to unreferenced model machine " + GoStrings.quote(possibleTargets.get(0));
    } else if (possibleTargets.size() > 1) {
      machines =
          ", perhaps to one of model machines ["
              + possibleTargets.stream().map(GoStrings::quote).collect(Collectors.joining(", "))
              + "]";
    }
    String hosts =
        applications.isEmpty()
            ? ""
            : " - the target should host [" + String.join(", ", applications) + "]";
    return "bundle and machine mapping are inconsistent: need an explicit entry mapping bundle"
        + " machine "
        + GoStrings.quote(bundleMachine)
        + machines
        + hosts;
  }

  /** Returns the bundle machine that needs a mapping. */
  public String bundleMachine() {
    return bundleMachine;
  }

  /** Returns the model machines it could map to. */
  public List<String> possibleTargets() {
    return possibleTargets;
  }

  /** Returns the applications placed on it. */
  public List<String> applications() {
    return applications;
  }
}
