package dev.bosun.charm.event;

/**
 * A remote unit entered the relation. {@link RelationChanged} for the same unit follows
 * immediately.
 *
 * @param endpoint the local endpoint
 * @param relationId the relation id
 * @param remoteApplication the application at the other end
 * @param remoteUnit the unit that joined, for example {@code etcd/1}
 */
public record RelationJoined(
    String endpoint, int relationId, String remoteApplication, String remoteUnit)
    implements RelationEvent {
  @Override
  public String kind() {
    return "joined";
  }
}
