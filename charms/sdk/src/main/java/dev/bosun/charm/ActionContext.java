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
   * Records a result. Keys are lower-case, dot-separated paths ({@code backup.path}); {@code
   * stdout}, {@code stderr} and their {@code -encoding} keys are reserved.
   *
   * @throws IllegalArgumentException for a malformed or reserved key
   */
  void set(String key, String value);

  /** Appends a progress message to the action's log. */
  void log(String message);

  /** Marks the action failed with a message; results set so far are kept. */
  void fail(String message);
}
