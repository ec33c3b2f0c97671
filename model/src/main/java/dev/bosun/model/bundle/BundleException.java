package dev.bosun.model.bundle;

import dev.bosun.model.Problem;
import dev.bosun.model.ValidationException;
import java.util.List;

/**
 * Thrown when a bundle cannot be used: it carries every problem found, errors and warnings, each at
 * its {@code file:line:column}, sorted by location. The message lists the errors under Juju's
 * heading:
 *
 * <pre>
 * the provided bundle has the following errors:
 * bundle.yaml:7:9: placement "3" refers to a machine not defined in this bundle
 * bundle.yaml:12:5: relation ["etcd:db" "nowhere"] refers to application "nowhere" not defined in this bundle
 * </pre>
 */
public class BundleException extends ValidationException {
  private static final long serialVersionUID = 1L;

  /** The first line of the message, as Juju prints it. */
  public static final String HEADING = "the provided bundle has the following errors:";

  /**
   * Creates the exception.
   *
   * @param problems every problem found; at least one must be an error
   */
  public BundleException(List<Problem> problems) {
    super(HEADING, problems);
  }
}
