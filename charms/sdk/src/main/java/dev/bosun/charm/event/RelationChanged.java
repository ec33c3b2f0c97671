package dev.bosun.charm.event;

import java.util.Optional;

/**
 * Data changed at the other end: a remote unit's data (with {@code remoteUnit}) or the remote
 * application's data (without).
 *
 * @param endpoint the local endpoint
 * @param relationId the relation id
 * @param remoteApplication the application at the other end
 * @param remoteUnit the unit whose data changed, or null when the application's data changed
 */
public record RelationChanged(
    String endpoint, int relationId, String remoteApplication, String remoteUnit)
    implements RelationEvent {
  @Override
  public String kind() {
    return "changed";
  }

  /** Returns the remote unit, empty when the remote application's data changed. */
  public Optional<String> unit() {
    return Optional.ofNullable(remoteUnit);
  }

  /** Whether the remote application's data changed (rather than a unit's). */
  public boolean isApplicationChange() {
    return remoteUnit == null;
  }
}
