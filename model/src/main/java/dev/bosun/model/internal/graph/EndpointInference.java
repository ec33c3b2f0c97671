package dev.bosun.model.internal.graph;

import dev.bosun.model.charm.CharmMeta;
import dev.bosun.model.charm.Endpoint;
import dev.bosun.model.charm.Role;
import dev.bosun.model.charm.Scope;
import dev.bosun.model.graph.Relation;
import dev.bosun.model.graph.RelationEndpoint;
import dev.bosun.model.internal.GoFormat;
import dev.bosun.model.spec.EndpointRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Juju's endpoint inference ({@code State.InferEndpoints} for two names): which relation two sides,
 * each {@code app} or {@code app:endpoint}, can mean.
 *
 * <p>Candidates for a side are the charm's provides and requires endpoints plus the implicit {@code
 * juju-info} provider (peers excluded), or the one named endpoint. A pair is a candidate when the
 * applications differ, the interfaces match, the roles are counterparts and, when either endpoint
 * is container-scoped, at least one application is a subordinate. No candidate gives {@code no
 * relations found}; several are narrowed by dropping those that use an implicit endpoint; if
 * several remain, the relation is ambiguous.
 */
public final class EndpointInference {
  private EndpointInference() {}

  /**
   * The outcome: a relation, or the reason there is none.
   *
   * @param relation the inferred relation, or null
   * @param error Juju's message, or null
   */
  public record Outcome(Relation relation, String error) {
    static Outcome failed(String error) {
      return new Outcome(null, error);
    }
  }

  /**
   * Infers the relation between two sides.
   *
   * @param first the first side as written
   * @param second the second side as written
   * @param charmOfApplication the charm of an application, empty when the application does not
   *     exist
   */
  public static Outcome infer(
      EndpointRef first,
      EndpointRef second,
      Function<String, Optional<CharmMeta>> charmOfApplication) {
    Optional<CharmMeta> firstCharm = charmOfApplication.apply(first.application());
    if (firstCharm.isEmpty()) {
      return Outcome.failed("application " + GoFormat.quote(first.application()) + " not found");
    }
    Optional<CharmMeta> secondCharm = charmOfApplication.apply(second.application());
    if (secondCharm.isEmpty()) {
      return Outcome.failed("application " + GoFormat.quote(second.application()) + " not found");
    }
    List<RelationEndpoint> firstCandidates = new ArrayList<>();
    String error = candidates(first, firstCharm.get(), firstCandidates);
    if (error != null) {
      return Outcome.failed(error);
    }
    List<RelationEndpoint> secondCandidates = new ArrayList<>();
    error = candidates(second, secondCharm.get(), secondCandidates);
    if (error != null) {
      return Outcome.failed(error);
    }
    boolean anySubordinate = firstCharm.get().subordinate() || secondCharm.get().subordinate();
    List<Relation> pairs = new ArrayList<>();
    for (RelationEndpoint one : firstCandidates) {
      for (RelationEndpoint other : secondCandidates) {
        if (!one.application().equals(other.application())
            && one.endpoint().canRelateTo(other.endpoint())
            && containerScopeOk(one, other, anySubordinate)) {
          pairs.add(Relation.between(one, other));
        }
      }
    }
    if (pairs.isEmpty()) {
      return Outcome.failed("no relations found");
    }
    if (pairs.size() == 1) {
      return new Outcome(pairs.get(0), null);
    }
    List<Relation> explicit = new ArrayList<>();
    for (Relation pair : pairs) {
      if (pair.endpoints().stream().noneMatch(ep -> ep.endpoint().isImplicit())) {
        explicit.add(pair);
      }
    }
    if (explicit.size() == 1) {
      return new Outcome(explicit.get(0), null);
    }
    List<String> keys = new ArrayList<>(pairs.size());
    for (Relation pair : pairs) {
      keys.add(GoFormat.quote(pair.key()));
    }
    keys.sort(null);
    return Outcome.failed(
        "ambiguous relation: "
            + GoFormat.quote(first + " " + second)
            + " could refer to "
            + String.join("; ", keys));
  }

  private static String candidates(EndpointRef side, CharmMeta charm, List<RelationEndpoint> into) {
    if (side.endpoint() != null) {
      Optional<Endpoint> named = charm.endpoint(side.endpoint());
      if (named.isEmpty()) {
        return "application "
            + GoFormat.quote(side.application())
            + " has no "
            + GoFormat.quote(side.endpoint())
            + " relation";
      }
      if (named.get().role() != Role.PEER) {
        into.add(new RelationEndpoint(side.application(), named.get()));
      }
      return null;
    }
    for (Endpoint endpoint : charm.endpointsWithImplicit()) {
      if (endpoint.role() != Role.PEER) {
        into.add(new RelationEndpoint(side.application(), endpoint));
      }
    }
    return null;
  }

  private static boolean containerScopeOk(
      RelationEndpoint one, RelationEndpoint other, boolean anySubordinate) {
    if (one.endpoint().scope() != Scope.CONTAINER && other.endpoint().scope() != Scope.CONTAINER) {
      return true;
    }
    return anySubordinate;
  }
}
