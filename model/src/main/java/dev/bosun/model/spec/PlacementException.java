package dev.bosun.model.spec;

import dev.bosun.model.BosunException;

/** Thrown when a placement directive does not parse: {@code invalid placement syntax "x"}. */
public class PlacementException extends BosunException {
  private static final long serialVersionUID = 1L;

  private final String directive;

  /** Creates the exception for the given directive. */
  public PlacementException(String directive) {
    super("invalid placement syntax \"" + directive + "\"");
    this.directive = directive;
  }

  /** Returns the directive that did not parse. */
  public String directive() {
    return directive;
  }
}
