package dev.bosun.interfaces;

import static java.util.Objects.requireNonNull;

import dev.bosun.model.BosunException;

/**
 * Thrown when a value given to an interface record is not valid: an empty common name, a
 * certificate that is not PEM, a private key where only public material may go.
 *
 * <p>The message names the field and what is wrong; it never repeats the value when the value may
 * be secret (a PEM block is described by its label only).
 */
public class InvalidInterfaceDataException extends BosunException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final String problem;

  /**
   * Creates the exception.
   *
   * @param field the record field (or wire key) whose value is not valid
   * @param problem what is wrong, without the secret part of the value
   */
  public InvalidInterfaceDataException(String field, String problem) {
    super(requireNonNull(field, "field") + ": " + requireNonNull(problem, "problem"));
    this.field = field;
    this.problem = problem;
  }

  /** Returns what is wrong, without the field name. */
  public String problem() {
    return problem;
  }

  /** Returns the field (or wire key) whose value is not valid. */
  public String field() {
    return field;
  }
}
