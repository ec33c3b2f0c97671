package dev.bosun.model.charm;

import static java.util.Objects.requireNonNull;

/**
 * A relation endpoint a charm declares: a name, the role it plays, the interface it speaks, its
 * scope and how many relations it accepts.
 *
 * <p>{@code db: mysql} in {@code metadata.yaml} is {@code new Endpoint("db", Role.PROVIDER,
 * "mysql", Scope.GLOBAL, 0, false)} when it appears under {@code provides}.
 *
 * @param name the endpoint name, unique within the charm
 * @param role provider, requirer or peer
 * @param interfaceName the interface the endpoint speaks, for example {@code tls-certificates}
 * @param scope global or container
 * @param limit the maximum number of relations on this endpoint; 0 means unlimited
 * @param optional whether the charm works without this endpoint related (informational, as in Juju)
 */
public record Endpoint(
    String name, Role role, String interfaceName, Scope scope, int limit, boolean optional) {

  /** The name and interface of the endpoint every application provides implicitly. */
  public static final String JUJU_INFO = "juju-info";

  /** The implicit {@code juju-info} provider endpoint every application has. */
  public static final Endpoint IMPLICIT_JUJU_INFO =
      new Endpoint(JUJU_INFO, Role.PROVIDER, JUJU_INFO, Scope.GLOBAL, 0, false);

  /** Checks the components. */
  public Endpoint {
    requireNonNull(name, "name");
    requireNonNull(role, "role");
    requireNonNull(interfaceName, "interfaceName");
    requireNonNull(scope, "scope");
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be 0 (unlimited) or more, got " + limit);
    }
  }

  /** Returns a global endpoint with no limit. */
  public static Endpoint of(String name, Role role, String interfaceName) {
    return new Endpoint(name, role, interfaceName, Scope.GLOBAL, 0, false);
  }

  /**
   * Whether this is the implicit {@code juju-info} provider: name and interface {@code juju-info},
   * role provider. No relation hooks run for it on the providing side.
   */
  public boolean isImplicit() {
    return role == Role.PROVIDER && JUJU_INFO.equals(name) && JUJU_INFO.equals(interfaceName);
  }

  /**
   * Whether a relation may join this endpoint to {@code other}: Juju's {@code CanRelateTo} without
   * the different-application check, which needs the applications: same interface, neither a peer,
   * and counterpart roles.
   */
  public boolean canRelateTo(Endpoint other) {
    return role != Role.PEER
        && interfaceName.equals(other.interfaceName)
        && role.counterpart() == other.role;
  }
}
