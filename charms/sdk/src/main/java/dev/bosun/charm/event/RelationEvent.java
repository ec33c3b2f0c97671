package dev.bosun.charm.event;

/**
 * An event about one relation: its name is {@code <endpoint>-relation-<kind>}.
 *
 * <p>Juju's guarantees hold for every relation: {@code relation-created} runs once before any other
 * hook of that relation; {@code relation-joined} once per remote unit, immediately followed by
 * {@code relation-changed} for the same unit; {@code relation-changed} after every committed change
 * of a remote unit's or the remote application's data, never for the unit's own writes; {@code
 * relation-departed} once per departing unit; {@code relation-broken} once, after every departure,
 * and never for peer relations.
 */
public sealed interface RelationEvent extends HookEvent
    permits RelationCreated, RelationJoined, RelationChanged, RelationDeparted, RelationBroken {

  /** Returns the local endpoint name, for example {@code db}. */
  String endpoint();

  /** Returns the relation id, unique in the model (Juju's {@code JUJU_RELATION_ID} number). */
  int relationId();

  /** Returns the name of the application at the other end (the unit's own for peers). */
  String remoteApplication();

  /** Returns the hook kind: {@code created}, {@code joined}, {@code changed} ... */
  String kind();

  @Override
  default String hookName() {
    return endpoint() + "-relation-" + kind();
  }
}
