package dev.bosun.runtime;

import dev.bosun.model.internal.GoFormat;

/**
 * Thrown by {@link Runtime#resolve} for a unit that is not in an error state, with Juju's message.
 */
public class UnitNotInErrorException extends OperationException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public UnitNotInErrorException(String unit) {
    super(unit, "unit " + GoFormat.quote(unit) + " is not in an error state");
  }
}
