package dev.bosun.runtime.internal.engine;

import dev.bosun.charm.event.ConfigChanged;
import dev.bosun.charm.event.HookEvent;
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
import dev.bosun.runtime.internal.persist.Documents;

/**
 * What a hook is about (Juju's {@code hook.Info}): its kind and, for a relation hook, the relation,
 * the local endpoint, the remote unit and application, and the departing unit.
 */
record HookInfo(
    HookKind kind,
    int relationId,
    String endpoint,
    String remoteUnit,
    String remoteApp,
    String departingUnit) {

  static final HookInfo INSTALL = unit(HookKind.INSTALL);
  static final HookInfo START = unit(HookKind.START);
  static final HookInfo CONFIG_CHANGED = unit(HookKind.CONFIG_CHANGED);
  static final HookInfo UPGRADE_CHARM = unit(HookKind.UPGRADE_CHARM);
  static final HookInfo UPDATE_STATUS = unit(HookKind.UPDATE_STATUS);
  static final HookInfo LEADER_ELECTED = unit(HookKind.LEADER_ELECTED);
  static final HookInfo LEADER_SETTINGS_CHANGED = unit(HookKind.LEADER_SETTINGS_CHANGED);
  static final HookInfo STOP = unit(HookKind.STOP);
  static final HookInfo REMOVE = unit(HookKind.REMOVE);

  private static HookInfo unit(HookKind kind) {
    return new HookInfo(kind, -1, null, null, null, null);
  }

  static HookInfo relation(
      HookKind kind, RelationNode relation, String endpoint, String remoteApp) {
    return new HookInfo(kind, relation.id, endpoint, null, remoteApp, null);
  }

  /** Returns Juju's hook name: {@code install}, {@code db-relation-joined}. */
  String name() {
    return kind.isRelation() ? endpoint + "-" + kind : kind.toString();
  }

  /**
   * Returns the agent's message while the hook runs: {@code running db-relation-joined hook for
   * mysql/0}.
   */
  String runningMessage() {
    String message = "running " + name() + " hook";
    if (remoteUnit != null) {
      message += " for " + remoteUnit;
    }
    return message;
  }

  HookEvent event() {
    return switch (kind) {
      case INSTALL -> new Install();
      case START -> new Start();
      case CONFIG_CHANGED -> new ConfigChanged();
      case UPGRADE_CHARM -> new UpgradeCharm();
      case UPDATE_STATUS -> new UpdateStatus();
      case LEADER_ELECTED -> new LeaderElected();
      case LEADER_SETTINGS_CHANGED -> new LeaderSettingsChanged();
      case STOP -> new Stop();
      case REMOVE -> new Remove();
      case RELATION_CREATED -> new RelationCreated(endpoint, relationId, remoteApp);
      case RELATION_JOINED -> new RelationJoined(endpoint, relationId, remoteApp, remoteUnit);
      case RELATION_CHANGED -> new RelationChanged(endpoint, relationId, remoteApp, remoteUnit);
      case RELATION_DEPARTED ->
          new RelationDeparted(endpoint, relationId, remoteApp, remoteUnit, departingUnit);
      case RELATION_BROKEN -> new RelationBroken(endpoint, relationId, remoteApp);
    };
  }

  Documents.Hook document() {
    return new Documents.Hook(
        kind.toString(),
        relationId < 0 ? null : relationId,
        endpoint,
        remoteUnit,
        remoteApp,
        departingUnit);
  }

  static HookInfo of(Documents.Hook document) {
    return new HookInfo(
        HookKind.of(document.kind()),
        document.relation() == null ? -1 : document.relation(),
        document.endpoint(),
        document.remoteUnit(),
        document.remoteApp(),
        document.departing());
  }
}
