package dev.bosun.model.charm;

import dev.bosun.model.BosunException;
import java.util.List;

/** Thrown when action parameters do not satisfy the action's JSON Schema. */
public class ActionParametersException extends BosunException {
  private static final long serialVersionUID = 1L;

  private final String action;
  private final List<String> violations;

  /**
   * Creates the exception; the message is {@code validation failed: <v1>; <v2>} as in Juju.
   *
   * @param action the action name
   * @param violations each violation of the schema, in a stable order
   */
  public ActionParametersException(String action, List<String> violations) {
    super("validation failed: " + String.join("; ", violations));
    this.action = action;
    this.violations = List.copyOf(violations);
  }

  /** Returns the name of the action whose parameters were rejected. */
  public String action() {
    return action;
  }

  /** Returns each violation of the schema. */
  public List<String> violations() {
    return violations;
  }
}
