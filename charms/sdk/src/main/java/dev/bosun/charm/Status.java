package dev.bosun.charm;

import static java.util.Objects.requireNonNull;

/**
 * A workload status: a state and a message.
 *
 * <pre>{@code
 * ctx.status().unit(Status.active("Healthy with 3 known peers"));
 * ctx.status().unit(Status.blocked("Missing relation to certificate authority."));
 * }</pre>
 *
 * @param state the state
 * @param message a message for the operator; may be empty
 */
public record Status(StatusState state, String message) {

  /** Checks the components. */
  public Status {
    requireNonNull(state, "state");
    requireNonNull(message, "message");
  }

  /** The workload is running as intended. */
  public static Status active(String message) {
    return new Status(StatusState.ACTIVE, message);
  }

  /** The charm needs an operator to act; the message says what to do. */
  public static Status blocked(String message) {
    return new Status(StatusState.BLOCKED, message);
  }

  /** The charm waits for something outside the operator's hands, such as another unit. */
  public static Status waiting(String message) {
    return new Status(StatusState.WAITING, message);
  }

  /** The charm is busy setting something up. */
  public static Status maintenance(String message) {
    return new Status(StatusState.MAINTENANCE, message);
  }
}
