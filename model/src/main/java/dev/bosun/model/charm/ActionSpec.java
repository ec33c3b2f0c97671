package dev.bosun.model.charm;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * An action a charm declares in {@code actions.yaml}, with its parameters as a JSON Schema.
 *
 * <p>The schema is held as a plain tree of maps, lists and scalars, shaped as Juju stores it:
 * {@code {"type": "object", "title": <name>, "description": ..., "properties": {...}, "required":
 * [...]}}.
 *
 * @param name the action name
 * @param description what the action does ({@code No description} when not given, as in Juju)
 * @param parallel whether the action may run in parallel with hooks on the same machine
 * @param executionGroup the execution group, or an empty string
 * @param schema the JSON Schema of the action's parameters, as a tree of maps, lists and scalars
 */
public record ActionSpec(
    String name,
    String description,
    boolean parallel,
    String executionGroup,
    Map<String, Object> schema) {

  /** Checks the components. */
  public ActionSpec {
    requireNonNull(name, "name");
    requireNonNull(description, "description");
    requireNonNull(executionGroup, "executionGroup");
    schema = Map.copyOf(requireNonNull(schema, "schema"));
  }

  /**
   * Validates parameters against the schema and returns them with the schema's defaults inserted.
   *
   * @param params the parameters given by the user, as a tree of maps, lists and scalars
   * @return the parameters with the defaults of absent properties inserted
   * @throws ActionParametersException {@code validation failed: <e1>; <e2>} listing every violation
   */
  public Map<String, Object> validate(Map<String, Object> params) {
    return ActionParameters.validate(this, params);
  }
}
