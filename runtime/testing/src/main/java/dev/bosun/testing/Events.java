package dev.bosun.testing;

import static java.util.Objects.requireNonNull;

import dev.bosun.charm.event.ActionEvent;
import dev.bosun.charm.event.ConfigChanged;
import dev.bosun.charm.event.Install;
import dev.bosun.charm.event.LeaderElected;
import dev.bosun.charm.event.LeaderSettingsChanged;
import dev.bosun.charm.event.RelationBroken;
import dev.bosun.charm.event.RelationChanged;
import dev.bosun.charm.event.RelationCreated;
import dev.bosun.charm.event.RelationDeparted;
import dev.bosun.charm.event.RelationJoined;
import dev.bosun.charm.event.Remove;
import dev.bosun.charm.event.Start;
import dev.bosun.charm.event.Stop;
import dev.bosun.charm.event.UpdateStatus;
import dev.bosun.charm.event.UpgradeCharm;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The events a {@link CharmContext} runs, built from the relations of a {@link State} so ids and
 * names always match.
 *
 * <pre>{@code
 * RelationState cluster = RelationState.peerBuilder("cluster").remoteUnits("etcd/1").build();
 * ctx.run(Events.relationJoined(cluster, "etcd/1"), State.builder().relation(cluster).build());
 * ctx.runAction(Events.action("snapshot", Map.of("keys-version", "v3")), state);
 * }</pre>
 *
 * <p>For a peer relation, the event's remote application is the unit's own; it is filled in when
 * the event runs.
 */
public final class Events {
  private static final AtomicLong NEXT_ACTION = new AtomicLong(1);

  private Events() {}

  /** Returns {@code install}. */
  public static Install install() {
    return new Install();
  }

  /** Returns {@code start}. */
  public static Start start() {
    return new Start();
  }

  /** Returns {@code config-changed}. */
  public static ConfigChanged configChanged() {
    return new ConfigChanged();
  }

  /** Returns {@code upgrade-charm}. */
  public static UpgradeCharm upgradeCharm() {
    return new UpgradeCharm();
  }

  /** Returns {@code update-status}. */
  public static UpdateStatus updateStatus() {
    return new UpdateStatus();
  }

  /** Returns {@code leader-elected}; the state must say the unit is the leader. */
  public static LeaderElected leaderElected() {
    return new LeaderElected();
  }

  /** Returns {@code leader-settings-changed}; the state must say the unit is not the leader. */
  public static LeaderSettingsChanged leaderSettingsChanged() {
    return new LeaderSettingsChanged();
  }

  /** Returns {@code stop}. */
  public static Stop stop() {
    return new Stop();
  }

  /** Returns {@code remove}. */
  public static Remove remove() {
    return new Remove();
  }

  /** Returns {@code <endpoint>-relation-created} for a relation. */
  public static RelationCreated relationCreated(RelationState relation) {
    return new RelationCreated(relation.endpoint(), relation.id(), relation.remoteApplication());
  }

  /**
   * Returns {@code <endpoint>-relation-joined}: a remote unit entered the relation. The unit must
   * be among the relation's remote units, with the data it published.
   */
  public static RelationJoined relationJoined(RelationState relation, String remoteUnit) {
    return new RelationJoined(
        relation.endpoint(), relation.id(), remoteApplication(relation, remoteUnit), remoteUnit);
  }

  /**
   * Returns {@code <endpoint>-relation-changed} for a remote unit's data. The unit must be among
   * the relation's remote units.
   */
  public static RelationChanged relationChanged(RelationState relation, String remoteUnit) {
    requireNonNull(remoteUnit, "remoteUnit (use relationChanged(relation) for application data)");
    return new RelationChanged(
        relation.endpoint(), relation.id(), remoteApplication(relation, remoteUnit), remoteUnit);
  }

  /** Returns {@code <endpoint>-relation-changed} for the remote application's data. */
  public static RelationChanged relationChanged(RelationState relation) {
    return new RelationChanged(
        relation.endpoint(), relation.id(), relation.remoteApplication(), null);
  }

  /**
   * Returns {@code <endpoint>-relation-departed}: a remote unit left. The unit must be among the
   * relation's remote units; during the hook it is no longer in {@code units()}, but its data stays
   * readable.
   */
  public static RelationDeparted relationDeparted(RelationState relation, String remoteUnit) {
    return relationDeparted(relation, remoteUnit, remoteUnit);
  }

  /**
   * Returns {@code <endpoint>-relation-departed} with the unit that is going away named: the remote
   * unit, or this unit when it is the one being removed (Juju's {@code JUJU_DEPARTING_UNIT}).
   */
  public static RelationDeparted relationDeparted(
      RelationState relation, String remoteUnit, String departingUnit) {
    return new RelationDeparted(
        relation.endpoint(),
        relation.id(),
        remoteApplication(relation, remoteUnit),
        requireNonNull(remoteUnit, "remoteUnit"),
        requireNonNull(departingUnit, "departingUnit"));
  }

  /**
   * Returns {@code <endpoint>-relation-broken}: the relation is gone for this unit (never for a
   * peer relation). During the hook the relation has no remote units.
   */
  public static RelationBroken relationBroken(RelationState relation) {
    return new RelationBroken(relation.endpoint(), relation.id(), relation.remoteApplication());
  }

  /** Returns an action without parameters (the schema's defaults apply). */
  public static ActionEvent action(String name) {
    return action(name, Map.of());
  }

  /**
   * Returns an action with parameters; they are validated against {@code actions.yaml}, and the
   * schema's defaults inserted, when it runs.
   */
  public static ActionEvent action(String name, Map<String, Object> parameters) {
    return new ActionEvent(
        requireNonNull(name, "name"), Long.toString(NEXT_ACTION.getAndIncrement()), parameters);
  }

  private static String remoteApplication(RelationState relation, String remoteUnit) {
    if (relation.remoteApplication() != null || remoteUnit == null) {
      return relation.remoteApplication();
    }
    int slash = remoteUnit.indexOf('/');
    return slash < 0 ? null : remoteUnit.substring(0, slash);
  }
}
