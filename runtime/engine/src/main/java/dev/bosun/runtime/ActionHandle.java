package dev.bosun.runtime;

import static java.util.Objects.requireNonNull;

import dev.bosun.runtime.internal.engine.Controller;
import java.time.Duration;

/**
 * An action queued on a unit ({@code juju run}): its id, and its state and outcome on request.
 *
 * <pre>{@code
 * ActionHandle backup = runtime.runAction("etcd/0", "snapshot", Map.of("keys-version", "v3"));
 * ActionResult result = backup.await(Duration.ofMinutes(1));
 * result.status();    // completed
 * result.results();   // {"path": "/var/backups/etcd.snap"}
 * }</pre>
 */
public final class ActionHandle {
  private final Controller controller;
  private final long id;
  private final String unit;
  private final String name;

  ActionHandle(Controller controller, long id, String unit, String name) {
    this.controller = requireNonNull(controller, "controller");
    this.id = id;
    this.unit = unit;
    this.name = name;
  }

  /** Returns the action id, unique in the model. */
  public long id() {
    return id;
  }

  /** Returns the unit the action runs on. */
  public String unit() {
    return unit;
  }

  /** Returns the action name. */
  public String name() {
    return name;
  }

  /** Returns the action's state now. */
  public ActionResult result() {
    return controller.action(id);
  }

  /**
   * Waits until the action finishes or the timeout passes (in deterministic mode, runs the agents
   * until then) and returns its state.
   */
  public ActionResult await(Duration timeout) {
    return controller.awaitAction(id, timeout);
  }

  @Override
  public String toString() {
    return "action " + id + " (" + name + " on " + unit + ")";
  }
}
