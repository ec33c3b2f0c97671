package dev.bosun.charm.event;

/**
 * A remote unit left the relation. Its data stays readable for the life of the relation.
 *
 * @param endpoint the local endpoint
 * @param relationId the relation id
 * @param remoteApplication the application at the other end
 * @param remoteUnit the unit that left
 * @param departingUnit the unit that is going away: {@code remoteUnit}, or this unit when it is the
 *     one being removed (Juju's {@code JUJU_DEPARTING_UNIT})
 */
public record RelationDeparted(
    String endpoint,
    int relationId,
    String remoteApplication,
    String remoteUnit,
    String departingUnit)
    implements RelationEvent {
  @Override
  public String kind() {
    return "departed";
  }
}
