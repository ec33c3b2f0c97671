package dev.bosun.charm;

import java.util.Map;

/**
 * The running action: its parameters, and the results it reports (Juju's {@code action-get}, {@code
 * action-set}, {@code action-log}, {@code action-fail}). A failed action never puts the unit in
 * error.
 */
public interface ActionContext {

  /** Returns the action's name. */
  String name();

  /** Returns the validated parameters, with the schema's defaults inserted. */
  Map<String, Object> parameters();

  /**
   * Records a result. Keys are dot-separated paths ({@code backup.path}) whose parts match Juju's
   * {@code ^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$}; {@code stdout}, {@code stderr} and their {@code
   * -encoding} keys are reserved. Juju nests results by path, so a later key replaces a conflicting
   * earlier one ({@code foo} replaces {@code foo.bar}, and the other way round).
   *
   * @throws IllegalArgumentException for a malformed or reserved key, with Juju's message
   */
  void set(String key, String value);

  /** Appends a progress message to the action's log. */
  void log(String message);

  /**
   * Marks the action failed with a message ({@code action failed without reason given, check action
   * for errors} when null or empty, as Juju's {@code action-fail}); results set so far are kept. A
   * failed action is no failed hook: the unit does not go into error.
   */
  void fail(String message);
}
