package dev.bosun.model.graph;

import static java.util.Objects.requireNonNull;

import dev.bosun.model.charm.Role;
import dev.bosun.model.charm.Scope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A resolved relation: two endpoints of different applications that speak the same interface in
 * counterpart roles, or the single endpoint of a peer relation.
 *
 * <p>The endpoints are held in Juju's canonical order — by role (requirer, provider, peer), then by
 * {@code app:endpoint} — so equal relations are equal records however they were written, and {@link
 * #key()} is Juju's relation key:
 *
 * <pre>{@code
 * relation.key()   // "kubernetes-master:etcd etcd:db"  (requirer first)
 * peer.key()       // "etcd:cluster"
 * }</pre>
 *
 * @param endpoints one endpoint (a peer relation) or two, in canonical order
 * @param scope {@link Scope#CONTAINER} when either endpoint is container-scoped, else global
 */
public record Relation(List<RelationEndpoint> endpoints, Scope scope) {

  /** Juju's order of endpoints in a relation: requirer, provider, peer; then {@code app:ep}. */
  public static final Comparator<RelationEndpoint> CANONICAL_ORDER =
      Comparator.comparingInt((RelationEndpoint endpoint) -> roleRank(endpoint.role()))
          .thenComparing(RelationEndpoint::toString);

  /** Checks the components and puts the endpoints in canonical order. */
  public Relation {
    requireNonNull(scope, "scope");
    if (endpoints.size() != 1 && endpoints.size() != 2) {
      throw new IllegalArgumentException(
          "a relation has one endpoint (peer) or two, got " + endpoints.size());
    }
    List<RelationEndpoint> sorted = new ArrayList<>(endpoints);
    sorted.sort(CANONICAL_ORDER);
    endpoints = List.copyOf(sorted);
  }

  /**
   * Returns the relation between two endpoints; it is container-scoped when either endpoint is. The
   * endpoints are not checked against each other: {@link RelationGraph} does that.
   */
  public static Relation between(RelationEndpoint first, RelationEndpoint second) {
    Scope scope =
        first.endpoint().scope() == Scope.CONTAINER || second.endpoint().scope() == Scope.CONTAINER
            ? Scope.CONTAINER
            : Scope.GLOBAL;
    return new Relation(List.of(first, second), scope);
  }

  /** Returns the peer relation of one endpoint. */
  public static Relation peer(RelationEndpoint endpoint) {
    return new Relation(List.of(endpoint), endpoint.endpoint().scope());
  }

  /**
   * Returns Juju's relation key: the endpoints as {@code app:endpoint} in canonical order, joined
   * by one space; a peer relation's key is its single {@code app:endpoint}.
   */
  public String key() {
    if (endpoints.size() == 1) {
      return endpoints.get(0).toString();
    }
    return endpoints.get(0) + " " + endpoints.get(1);
  }

  /** Whether this is a peer relation (one endpoint, role peer). */
  public boolean isPeer() {
    return endpoints.size() == 1;
  }

  /** Whether the relation is container-scoped (how subordinates attach to principals). */
  public boolean isContainerScoped() {
    return scope == Scope.CONTAINER;
  }

  /** Returns the interface the relation speaks. */
  public String interfaceName() {
    return endpoints.get(0).endpoint().interfaceName();
  }

  /** Whether an endpoint of the relation belongs to the application. */
  public boolean involves(String application) {
    for (RelationEndpoint endpoint : endpoints) {
      if (endpoint.application().equals(application)) {
        return true;
      }
    }
    return false;
  }

  /** Returns the endpoint the application uses in this relation, if it takes part. */
  public Optional<RelationEndpoint> endpointOf(String application) {
    for (RelationEndpoint endpoint : endpoints) {
      if (endpoint.application().equals(application)) {
        return Optional.of(endpoint);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the endpoint on the other side from the application; for a peer relation, the peer
   * endpoint itself.
   */
  public Optional<RelationEndpoint> counterpartOf(String application) {
    if (isPeer()) {
      return endpointOf(application);
    }
    if (endpoints.get(0).application().equals(application)) {
      return Optional.of(endpoints.get(1));
    }
    if (endpoints.get(1).application().equals(application)) {
      return Optional.of(endpoints.get(0));
    }
    return Optional.empty();
  }

  /** Returns the key. */
  @Override
  public String toString() {
    return key();
  }

  private static int roleRank(Role role) {
    return switch (role) {
      case REQUIRER -> 0;
      case PROVIDER -> 1;
      case PEER -> 2;
    };
  }
}
