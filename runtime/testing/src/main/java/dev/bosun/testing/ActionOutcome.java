package dev.bosun.testing;

import static java.util.Objects.requireNonNull;

import dev.bosun.runtime.ActionStatus;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What running an action with {@link CharmContext#runAction} produced: the state it committed, its
 * status, results and log. An action that fails, by {@code ctx.action().fail(...)} or by throwing,
 * never puts the unit in error; one that threw committed nothing.
 *
 * <pre>{@code
 * ActionOutcome greet = ctx.runAction(Events.action("greet", Map.of("name", "Ann")), state);
 * assertThat(greet.results()).containsEntry("message", "Hello, Ann");
 * }</pre>
 *
 * @param state the state after the action: what it committed (its data writes, also when it called
 *     {@code fail}), or the state it started from when it threw
 * @param status {@link ActionStatus#COMPLETED} or {@link ActionStatus#FAILED}
 * @param results the results it set (dotted keys); empty when it threw
 * @param log its log messages, in order
 * @param message the failure message of a failed action (the {@code fail} message, else the
 *     exception's), empty when it completed
 * @param error the exception the action threw, or null
 */
public record ActionOutcome(
    State state,
    ActionStatus status,
    Map<String, String> results,
    List<String> log,
    String message,
    Throwable error) {

  /** Checks and copies the components. */
  public ActionOutcome {
    requireNonNull(state, "state");
    requireNonNull(status, "status");
    results = Collections.unmodifiableMap(new LinkedHashMap<>(results));
    log = List.copyOf(log);
    requireNonNull(message, "message");
  }

  /** Whether the action completed. */
  public boolean succeeded() {
    return status == ActionStatus.COMPLETED;
  }

  /** Returns the exception the action threw, if it threw. */
  public Optional<Throwable> exception() {
    return Optional.ofNullable(error);
  }
}
