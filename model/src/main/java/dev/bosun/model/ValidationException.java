package dev.bosun.model;

import java.util.List;

/**
 * Thrown when user input has one or more errors. It carries every problem found, errors and
 * warnings, each with its location when the input came from a file.
 *
 * <p>The message lists the errors one per line after a heading, the way Juju reports bundle
 * verification errors.
 */
public class ValidationException extends BosunException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  /**
   * Creates an exception from the problems found.
   *
   * @param heading the first line of the message, for example {@code the provided bundle has the
   *     following errors:}
   * @param problems every problem found; at least one must be an error
   */
  public ValidationException(String heading, List<Problem> problems) {
    super(format(heading, problems));
    this.problems = List.copyOf(problems);
  }

  /** Returns every problem found, errors and warnings, in the order they were reported. */
  public List<Problem> problems() {
    return problems;
  }

  /** Returns the errors only. */
  public List<Problem> errors() {
    return problems.stream().filter(Problem::isError).toList();
  }

  /** Returns the warnings only. */
  public List<Problem> warnings() {
    return problems.stream().filter(p -> !p.isError()).toList();
  }

  private static String format(String heading, List<Problem> problems) {
    StringBuilder text = new StringBuilder(heading);
    for (Problem problem : problems) {
      if (problem.isError()) {
        text.append('\n').append(problem);
      }
    }
    return text.toString();
  }
}
