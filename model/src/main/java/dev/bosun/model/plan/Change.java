package dev.bosun.model.plan;

import java.util.List;

/**
 * One step of a {@link Plan}, as Juju's bundle change planner ({@code core/bundle/changes}) makes
 * them: upload a charm, deploy an application, add a machine, relation or unit, and so on.
 *
 * <p>A change's {@link #id()} is {@code <method>-<n>}, where {@code n} is the order the planner
 * produced it in (not the order of the plan). Arguments that refer to something an earlier change
 * creates hold a placeholder {@code $<id>}, as Juju's do ({@code $deploy-1}, {@code
 * $addMachines-4}); {@link #requires()} lists the ids of the changes that must be applied first.
 */
public sealed interface Change
    permits AddCharmChange,
        UpgradeCharmChange,
        AddMachineChange,
        AddApplicationChange,
        AddRelationChange,
        AddUnitChange,
        ExposeChange,
        ScaleChange,
        SetAnnotationsChange,
        SetOptionsChange,
        SetConstraintsChange,
        ConsumeOfferChange {

  /** Returns the change's id, {@code <method>-<n>}, for example {@code addUnit-7}. */
  String id();

  /** Returns the ids of the changes that must be applied before this one, sorted as strings. */
  List<String> requires();

  /** Returns Juju's method name: {@code addCharm}, {@code deploy}, {@code addUnit}, ... */
  String method();

  /**
   * Returns the lines Juju prints for this change after {@code Changes to deploy bundle:} (most
   * changes have one line; an expose with per-endpoint rules may have several).
   */
  List<String> descriptionLines();

  /** Returns the description lines joined by newlines. */
  default String description() {
    return String.join("\n", descriptionLines());
  }

  /** Returns the placeholder that refers to a change's result: {@code $<id>}. */
  static String placeholder(String id) {
    return "$" + id;
  }
}
