package dev.bosun.runtime;

import dev.bosun.model.BosunException;

/**
 * Thrown when the runtime refuses an operation on an entity that exists, saying why: removing a
 * subordinate unit directly, adding a relation that exists, a refresh that would break a relation,
 * an action the charm does not define, an operation on a closed runtime.
 */
public class OperationException extends BosunException {
  private static final long serialVersionUID = 1L;

  private final String entity;

  /** Creates the exception for an entity (a unit, application, relation ...). */
  public OperationException(String entity, String message) {
    super(message);
    this.entity = entity;
  }

  /** Returns the entity the operation was about. */
  public String entity() {
    return entity;
  }
}
