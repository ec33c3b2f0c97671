package dev.bosun.model.plan;

import static java.util.Objects.requireNonNull;

import dev.bosun.model.spec.EndpointRef;

/**
 * A relation that exists in the model, between two endpoints. The endpoints are kept in a canonical
 * order (by their text), so a relation equals the same relation written the other way round.
 *
 * <p>An endpoint name may be null when it is not known (a simulated model that applied a bundle
 * relation whose endpoint was left to inference); such a side matches any endpoint of its
 * application.
 *
 * @param first the endpoint that sorts first
 * @param second the other endpoint
 */
public record RelationState(EndpointRef first, EndpointRef second) {

  /** Checks the components and puts the endpoints in canonical order. */
  public RelationState {
    requireNonNull(first, "first");
    requireNonNull(second, "second");
    if (first.compareTo(second) > 0) {
      EndpointRef swap = first;
      first = second;
      second = swap;
    }
  }

  /** Parses both sides, for example {@code RelationState.of("etcd:db", "flannel:etcd")}. */
  public static RelationState of(String first, String second) {
    return new RelationState(EndpointRef.parse(first), EndpointRef.parse(second));
  }

  /** Whether either side belongs to the application. */
  public boolean involves(String application) {
    return first.application().equals(application) || second.application().equals(application);
  }

  /**
   * Whether this relation joins the two endpoints, in either order. A side whose endpoint name is
   * null, here or in the arguments, matches any endpoint of the same application.
   */
  public boolean joins(EndpointRef a, EndpointRef b) {
    return sideMatches(first, a) && sideMatches(second, b)
        || sideMatches(first, b) && sideMatches(second, a);
  }

  private static boolean sideMatches(EndpointRef mine, EndpointRef other) {
    return mine.application().equals(other.application())
        && (mine.endpoint() == null
            || other.endpoint() == null
            || mine.endpoint().equals(other.endpoint()));
  }

  /** Returns {@code [a:x, b:y]}. */
  @Override
  public String toString() {
    return "[" + first + ", " + second + "]";
  }
}
