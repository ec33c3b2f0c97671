package dev.bosun.model.graph;

import static java.util.Objects.requireNonNull;

import dev.bosun.model.charm.Endpoint;
import dev.bosun.model.charm.Role;

/**
 * One side of a resolved relation: an application and the charm endpoint it uses.
 *
 * <p>{@link #toString()} renders {@code app:endpoint}, the form relation keys and Juju's messages
 * use.
 *
 * @param application the application name
 * @param endpoint the endpoint as the application's charm declares it (or the implicit {@code
 *     juju-info} provider)
 */
public record RelationEndpoint(String application, Endpoint endpoint) {

  /** Checks the components. */
  public RelationEndpoint {
    requireNonNull(application, "application");
    requireNonNull(endpoint, "endpoint");
  }

  /** Returns the endpoint's name. */
  public String name() {
    return endpoint.name();
  }

  /** Returns the endpoint's role. */
  public Role role() {
    return endpoint.role();
  }

  /** Returns {@code app:endpoint}. */
  @Override
  public String toString() {
    return application + ":" + endpoint.name();
  }
}
