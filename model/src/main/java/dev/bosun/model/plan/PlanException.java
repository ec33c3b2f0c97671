package dev.bosun.model.plan;

import dev.bosun.model.BosunException;

/**
 * Thrown when the desired model cannot be planned against what runs. Subclasses name the reason;
 * the message is Juju's.
 */
public class PlanException extends BosunException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that says what is wrong. */
  public PlanException(String message) {
    super(message);
  }
}
