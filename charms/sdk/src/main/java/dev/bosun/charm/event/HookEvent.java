package dev.bosun.charm.event;

/**
 * What a hook is about: one of the events Juju delivers to a unit, as a sealed hierarchy so a charm
 * can switch over every case.
 *
 * <pre>{@code
 * if (ctx.event() instanceof RelationJoined joined) {
 *   ctx.log().info("{} joined {}", joined.remoteUnit(), joined.endpoint());
 * }
 * }</pre>
 */
public sealed interface HookEvent
    permits Install,
        Start,
        ConfigChanged,
        UpgradeCharm,
        UpdateStatus,
        LeaderElected,
        LeaderSettingsChanged,
        Stop,
        Remove,
        RelationEvent,
        ActionEvent {

  /**
   * Returns Juju's name of the hook, for example {@code install}, {@code db-relation-joined} or,
   * for an action, the action's name.
   */
  String hookName();
}
