package dev.bosun.model.spec;

import dev.bosun.model.BosunException;

/**
 * Thrown when a constraints string does not parse, with Juju's message: {@code malformed constraint
 * "x"}, {@code unknown constraint "x"} or {@code bad "mem" constraint: must be a non-negative float
 * with optional M/G/T/P suffix}.
 */
public class ConstraintsException extends BosunException {
  private static final long serialVersionUID = 1L;

  private final String constraints;

  /** Creates the exception for the given constraints text. */
  public ConstraintsException(String constraints, String message) {
    super(message);
    this.constraints = constraints;
  }

  /** Returns the constraints text that did not parse. */
  public String constraints() {
    return constraints;
  }
}
