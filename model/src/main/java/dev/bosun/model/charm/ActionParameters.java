package dev.bosun.model.charm;

import java.util.Map;

/** Validates action parameters against an action's JSON Schema. */
final class ActionParameters {
  private ActionParameters() {}

  static Map<String, Object> validate(ActionSpec action, Map<String, Object> params) {
    throw new UnsupportedOperationException("implemented by the charm metadata work");
  }
}
