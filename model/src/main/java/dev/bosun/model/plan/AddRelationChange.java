package dev.bosun.model.plan;

import static java.util.Objects.requireNonNull;

import dev.bosun.model.internal.plan.Requires;
import dev.bosun.model.spec.EndpointRef;
import java.util.List;

/**
 * Relate two applications ({@code addRelation}), described as {@code add relation etcd:certificates
 * - easyrsa:client}; a side whose endpoint the bundle leaves to inference is described by its
 * application alone ({@code add relation etcd - easyrsa}).
 *
 * @param id the change id
 * @param requires the ids of the changes to apply first
 * @param endpoint1 the first side as an argument: {@code app:endpoint}, or {@code
 *     $deploy-N:endpoint} for an application deployed by this plan
 * @param endpoint2 the second side as an argument
 * @param applicationEndpoint1 the first side with the application's name
 * @param applicationEndpoint2 the second side with the application's name
 */
public record AddRelationChange(
    String id,
    List<String> requires,
    String endpoint1,
    String endpoint2,
    EndpointRef applicationEndpoint1,
    EndpointRef applicationEndpoint2)
    implements Change {

  /** Checks the components. */
  public AddRelationChange {
    requireNonNull(id, "id");
    requires = Requires.sorted(requires);
    requireNonNull(endpoint1, "endpoint1");
    requireNonNull(endpoint2, "endpoint2");
    requireNonNull(applicationEndpoint1, "applicationEndpoint1");
    requireNonNull(applicationEndpoint2, "applicationEndpoint2");
  }

  @Override
  public String method() {
    return "addRelation";
  }

  @Override
  public List<String> descriptionLines() {
    return List.of("add relation " + applicationEndpoint1 + " - " + applicationEndpoint2);
  }
}
