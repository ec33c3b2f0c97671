package dev.bosun.model.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ordered changes that take a model from what runs to what is desired, as {@link Planner}
 * computes them. Applying the changes in order satisfies every change's {@link Change#requires()}.
 *
 * <pre>{@code
 * Plan plan = Planner.plan(desired, ModelState.EMPTY);
 * if (plan.isEmpty()) {
 *   out.println("No changes to apply.");
 * } else {
 *   out.println("Changes to deploy bundle:");
 *   plan.descriptions().forEach(line -> out.println("- " + line));
 * }
 * }</pre>
 *
 * @param changes the changes, in the order to apply them
 */
public record Plan(List<Change> changes) {

  /** A plan with nothing to do. */
  public static final Plan EMPTY = new Plan(List.of());

  /** Copies the list. */
  public Plan {
    changes = List.copyOf(changes);
  }

  /** Whether there is nothing to do. */
  public boolean isEmpty() {
    return changes.isEmpty();
  }

  /** Returns the description lines of every change, in order, as Juju prints them. */
  public List<String> descriptions() {
    List<String> lines = new ArrayList<>(changes.size());
    for (Change change : changes) {
      lines.addAll(change.descriptionLines());
    }
    return List.copyOf(lines);
  }

  /** Returns the change with the given id, if the plan has it. */
  public Optional<Change> change(String id) {
    return changes.stream().filter(change -> change.id().equals(id)).findFirst();
  }
}
