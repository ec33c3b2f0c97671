package dev.bosun.charm.event;

/**
 * The relation exists: runs once per relation on every unit of both applications, before any other
 * hook of the relation.
 *
 * @param endpoint the local endpoint
 * @param relationId the relation id
 * @param remoteApplication the application at the other end
 */
public record RelationCreated(String endpoint, int relationId, String remoteApplication)
    implements RelationEvent {
  @Override
  public String kind() {
    return "created";
  }
}
