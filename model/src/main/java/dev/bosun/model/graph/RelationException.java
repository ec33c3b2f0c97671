package dev.bosun.model.graph;

import dev.bosun.model.Problem;
import dev.bosun.model.ValidationException;
import java.util.List;

/**
 * Thrown when relations cannot be resolved against charm metadata: an endpoint that cannot be
 * inferred or is ambiguous, endpoints that do not relate, a relation limit exceeded, a
 * container-scoped relation without a subordinate. Carries every problem found.
 */
public class RelationException extends ValidationException {
  private static final long serialVersionUID = 1L;

  /** The first line of the message. */
  public static final String HEADING = "the model's relations have the following errors:";

  /** Creates the exception from every problem found; at least one must be an error. */
  public RelationException(List<Problem> problems) {
    super(HEADING, problems);
  }

  /** Creates the exception with a custom first line, for example for one relation. */
  public RelationException(String heading, List<Problem> problems) {
    super(heading, problems);
  }
}
