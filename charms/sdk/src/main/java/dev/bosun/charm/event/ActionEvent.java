package dev.bosun.charm.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An operator ran an action on this unit. The parameters were validated against the action's schema
 * and its defaults inserted before the charm sees them.
 *
 * @param name the action name, as declared in {@code actions.yaml}
 * @param id the action's id, unique in the model
 * @param parameters the validated parameters
 */
public record ActionEvent(String name, String id, Map<String, Object> parameters)
    implements HookEvent {

  /** Copies the parameters (values may be null, as in JSON). */
  public ActionEvent {
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  @Override
  public String hookName() {
    return name;
  }
}
