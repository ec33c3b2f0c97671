package dev.bosun.model.charm;

import static java.util.Objects.requireNonNull;

import dev.bosun.model.internal.charm.JsonTrees;
import java.util.Map;

/**
 * An action a charm declares in {@code actions.yaml}, with its parameters as a JSON Schema.
 *
 * <p>The schema is held as a plain tree of maps, lists and scalars, shaped as Juju stores it:
 * {@code {"type": "object", "title": <name>, "description": ..., "properties": {...}, "required":
 * [...]}}. It is read from {@code actions.yaml} by {@link CharmMetaReader}, which checks it is a
 * valid draft-04 JSON Schema.
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

  /**
   * Checks the components and makes a deep, order-preserving, unmodifiable copy of the schema (JSON
   * {@code null} values are kept).
   */
  public ActionSpec {
    requireNonNull(name, "name");
    requireNonNull(description, "description");
    requireNonNull(executionGroup, "executionGroup");
    schema = JsonTrees.immutableCopy(requireNonNull(schema, "schema"));
  }

  /**
   * Validates parameters against the schema and returns them with the schema's defaults inserted,
   * as Juju does when an action is enqueued: first validation (a required property is required even
   * when it has a default), then defaults.
   *
   * <pre>{@code
   * Map<String, Object> params = snapshot.validate(Map.of("target", "/srv/backups"));
   * // {"target": "/srv/backups", "keys-version": "v3"}
   * }</pre>
   *
   * @param params the parameters given by the user, as a tree of maps, lists and scalars (strings,
   *     numbers, booleans, null); null means no parameters
   * @return an unmodifiable copy of the parameters with the defaults of absent properties inserted,
   *     in nested objects too
   * @throws ActionParametersException {@code validation failed: <e1>; <e2>} listing every violation
   * @throws IllegalArgumentException when a parameter value is not a JSON-like value, or the schema
   *     (built in Java rather than read from {@code actions.yaml}) does not compile
   */
  public Map<String, Object> validate(Map<String, Object> params) {
    return ActionParameters.validate(this, params);
  }
}
