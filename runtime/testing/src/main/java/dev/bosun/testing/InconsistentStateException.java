package dev.bosun.testing;

import dev.bosun.model.Problem;
import dev.bosun.model.ValidationException;
import java.util.List;

/**
 * Thrown by {@link CharmContext} when a state or an event could not occur in a model of the charm,
 * listing every problem: an endpoint or option the charm does not declare, a relation event for a
 * relation the state lacks, a joining unit that is not in the relation, {@code leader-elected} on a
 * unit that does not lead, and so on. Nothing runs.
 */
public class InconsistentStateException extends ValidationException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param heading what was checked, for example {@code the state and event "install" are
   *     inconsistent with charm "etcd":}
   * @param problems every problem found
   */
  public InconsistentStateException(String heading, List<Problem> problems) {
    super(heading, problems);
  }
}
