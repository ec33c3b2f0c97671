package dev.bosun.runtime;

import static java.util.Objects.requireNonNull;

import dev.bosun.model.plan.Plan;
import java.time.Duration;

/**
 * The model a {@link Runtime#apply} recorded: the plan that was applied, and a way to wait for the
 * model to settle.
 *
 * <pre>{@code
 * ModelHandle model = runtime.apply(spec);
 * model.plan().descriptions().forEach(System.out::println);
 * SettleResult result = model.awaitSettled(Duration.ofMinutes(5));
 * }</pre>
 */
public final class ModelHandle {
  private final Runtime runtime;
  private final Plan plan;

  ModelHandle(Runtime runtime, Plan plan) {
    this.runtime = requireNonNull(runtime, "runtime");
    this.plan = requireNonNull(plan, "plan");
  }

  /** Returns the planner's changes that were applied (removals are not among them). */
  public Plan plan() {
    return plan;
  }

  /** Waits for the model to settle: see {@link Runtime#awaitSettled}. */
  public SettleResult awaitSettled(Duration timeout) {
    return runtime.awaitSettled(timeout);
  }

  /** Returns the model's status: see {@link Runtime#status}. */
  public ModelStatus status() {
    return runtime.status();
  }
}
