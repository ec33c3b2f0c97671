package dev.bosun.charm;

import dev.bosun.charm.event.HookEvent;
import dev.bosun.charm.event.RelationEvent;
import dev.bosun.charm.machine.Machine;
import dev.bosun.charm.relation.InterfaceEndpoint;
import dev.bosun.charm.relation.TypedRelation;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * Everything one hook may see and change. A fresh context is handed to every {@link Charm#handle}
 * call and is valid only during that call.
 *
 * <p>Writes to relation data, unit state, status and ports are buffered: they become visible to
 * other units only when the hook returns, all together, in one transaction; if the hook throws,
 * none of them happen. Reads see the hook's own pending writes. The machine ({@link #machine()}) is
 * different: files written and services started take effect at once, as commands run by a Juju hook
 * do.
 *
 * <p>Juju's access rules for relation data are enforced here (see {@link RelationData}), with
 * {@link RelationDataAccessException}s that say what the charm may do instead.
 */
public interface HookContext {

  /** Returns the event this hook handles. */
  HookEvent event();

  /** Returns the unit's name, for example {@code etcd/0}. */
  String unitName();

  /** Returns the application's name, for example {@code etcd}. */
  String applicationName();

  /** Returns the unit's number, for example {@code 0} for {@code etcd/0}. */
  int unitNumber();

  /**
   * Whether this unit is its application's leader, guaranteed for the rest of the hook (Juju's
   * {@code is-leader}).
   */
  boolean isLeader();

  /** Returns the application's configuration: the charm's defaults overlaid with set values. */
  CharmConfig config();

  /**
   * Returns the unit's persistent key-value state, committed with the hook (Juju's {@code
   * state-set}).
   */
  UnitState state();

  /**
   * Returns the live relations on an endpoint, in relation id order; empty when none.
   *
   * @throws IllegalArgumentException when the charm declares no such endpoint
   */
  List<Relation> relations(String endpoint);

  /**
   * Returns the one live relation on an endpoint, if any.
   *
   * @throws IllegalArgumentException when the charm declares no such endpoint
   * @throws TooManyRelationsException when the endpoint has more than one relation
   */
  Optional<Relation> relation(String endpoint);

  /** Returns the relation a relation event is about, including a relation that is being broken. */
  Relation relation(RelationEvent event);

  /**
   * Returns the relation with the given id.
   *
   * @throws java.util.NoSuchElementException when this unit is not in such a relation
   */
  Relation relation(int relationId);

  /**
   * Returns the live relations on an endpoint as typed views that read and write records instead of
   * string maps.
   *
   * <pre>{@code
   * for (TypedRelation<EtcdClient, EtcdConnection> db : ctx.relations("etcd", EtcdInterface.REQUIRER)) {
   *   db.remoteApplication().ifPresent(conn -> configure(conn.connectionString()));
   * }
   * }</pre>
   *
   * @throws IllegalArgumentException when the endpoint does not exist or speaks another interface
   *     or role than {@code type}
   */
  <L, R> List<TypedRelation<L, R>> relations(String endpoint, InterfaceEndpoint<L, R> type);

  /**
   * Returns what the model is converging to: the application's units and the units expected on each
   * related endpoint ({@code goal-state}). Computed when first asked, from the model as it is then.
   *
   * @throws UnsupportedOperationException when the context's runtime does not know the goal (the
   *     SDK's own contexts always do; this default exists so that other implementations keep
   *     compiling)
   */
  default GoalState goalState() {
    throw new UnsupportedOperationException("this hook context does not know the goal state");
  }

  /** Returns the unit's and, for the leader, the application's status. */
  StatusControl status();

  /** Returns the charm's templates ({@code templates/} in the charm), rendered with Pebble. */
  Templates templates();

  /**
   * Returns the running action's parameters and results.
   *
   * @throws IllegalStateException when the event is not an action
   */
  ActionContext action();

  /** Returns the unit's opened ports; opening and closing take effect when the hook commits. */
  Ports ports();

  /** Returns the machine the unit runs on: its address, files, services and packages. */
  Machine machine();

  /**
   * Returns the file of a charm resource the operator supplied, if any.
   *
   * @throws IllegalArgumentException when the charm declares no such resource
   */
  Optional<Path> resource(String name);

  /** Returns a logger whose records name the unit and the hook. */
  Logger log();

  /**
   * Returns the application's secrets: readable by every unit, written by the leader only,
   * committed with the hook, never in relation data or logs.
   *
   * @throws UnsupportedOperationException when the context's runtime keeps no secrets (the SDK's
   *     own contexts always do; this default exists so that other implementations keep compiling)
   */
  default ApplicationSecrets secrets() {
    throw new UnsupportedOperationException("this hook context keeps no application secrets");
  }
}
