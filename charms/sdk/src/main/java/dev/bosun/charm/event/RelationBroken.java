package dev.bosun.charm.event;

/**
 * The relation is gone for this unit: the relation was removed or this unit is being removed. Runs
 * once, after every departure; never for peer relations.
 *
 * @param endpoint the local endpoint
 * @param relationId the relation id
 * @param remoteApplication the application at the other end
 */
public record RelationBroken(String endpoint, int relationId, String remoteApplication)
    implements RelationEvent {
  @Override
  public String kind() {
    return "broken";
  }
}
