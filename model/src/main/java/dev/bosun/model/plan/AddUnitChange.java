package dev.bosun.model.plan;

import static java.util.Objects.requireNonNull;

import dev.bosun.model.internal.plan.Requires;
import java.util.List;

/**
 * Add a unit of an application ({@code addUnit}), described as {@code add unit etcd/0 to new
 * machine 0}, {@code add unit etcd/1 to existing machine 4}, {@code add unit easyrsa/0 to 0/lxd/0}
 * or, when placed next to another application's unit, {@code add unit keystone/0 to 0/lxd/1 to
 * satisfy [lxd:mysql]}.
 *
 * @param id the change id
 * @param requires the ids of the changes to apply first
 * @param application the application's name, or the placeholder of the change that deploys it
 * @param applicationName the application's name
 * @param unitName the (predicted) unit name, such as {@code etcd/3}
 * @param to the placement argument: empty for a new machine, an existing machine ({@code 3}, {@code
 *     lxd:3}) or the placeholder of a machine or unit change
 * @param machine the (predicted) id of the machine or container the unit lands on
 * @param baseMachine the (predicted) top-level machine the unit lands on
 * @param placementDescription where the unit goes, as printed, or empty for {@code new machine
 *     <baseMachine>}
 * @param directive the placement directive that placed the unit next to another application's unit,
 *     or empty
 */
public record AddUnitChange(
    String id,
    List<String> requires,
    String application,
    String applicationName,
    String unitName,
    String to,
    String machine,
    String baseMachine,
    String placementDescription,
    String directive)
    implements Change {

  /** Checks the components; null strings become empty. */
  public AddUnitChange {
    requireNonNull(id, "id");
    requires = Requires.sorted(requires);
    requireNonNull(application, "application");
    requireNonNull(applicationName, "applicationName");
    requireNonNull(unitName, "unitName");
    to = to == null ? "" : to;
    machine = machine == null ? "" : machine;
    baseMachine = baseMachine == null ? "" : baseMachine;
    placementDescription = placementDescription == null ? "" : placementDescription;
    directive = directive == null ? "" : directive;
  }

  @Override
  public String method() {
    return "addUnit";
  }

  @Override
  public List<String> descriptionLines() {
    String placement = "new machine";
    if (!baseMachine.isEmpty()) {
      placement += " " + baseMachine;
    }
    if (!placementDescription.isEmpty()) {
      placement = placementDescription;
    }
    if (!directive.isEmpty()) {
      placement += " to satisfy [" + directive + "]";
    }
    return List.of("add unit " + unitName + " to " + placement);
  }
}
