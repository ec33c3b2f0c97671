package dev.bosun.model.spec;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A relation a model asks for, as written: two sides, each {@code app} or {@code app:endpoint}.
 * {@link dev.bosun.model.graph.RelationGraph} resolves it against charm metadata.
 *
 * @param first the first side as written
 * @param second the second side as written
 */
public record RelationSpec(EndpointRef first, EndpointRef second) {

  /** Checks the components. */
  public RelationSpec {
    requireNonNull(first, "first");
    requireNonNull(second, "second");
  }

  /** Parses both sides, for example {@code RelationSpec.of("etcd:db", "kubernetes-master")}. */
  public static RelationSpec of(String first, String second) {
    return new RelationSpec(EndpointRef.parse(first), EndpointRef.parse(second));
  }

  /** Returns both sides in the order written. */
  public List<EndpointRef> sides() {
    return List.of(first, second);
  }

  /** Whether either side names the application. */
  public boolean involves(String application) {
    return first.application().equals(application) || second.application().equals(application);
  }

  /** Returns {@code [a:x, b:y]}. */
  @Override
  public String toString() {
    return "[" + first + ", " + second + "]";
  }
}
