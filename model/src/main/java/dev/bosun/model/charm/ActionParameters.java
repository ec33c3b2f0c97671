package dev.bosun.model.charm;

import dev.bosun.model.internal.charm.JsonSchemas;
import dev.bosun.model.internal.charm.JsonTrees;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates action parameters against an action's JSON Schema (draft-04, as Juju's gojsonschema)
 * and inserts the schema's defaults, in Juju's order: validation first, then defaults.
 *
 * <p>Defaults are inserted as Juju's {@code InsertDefaults} does: for every property of an object
 * schema that the parameters lack, its {@code default} is inserted; when it has no default but is
 * itself an object schema whose properties have defaults, an object holding those defaults is
 * inserted; a property that is present and is an object gets its own absent properties filled the
 * same way. A present value is never replaced.
 */
final class ActionParameters {
  private ActionParameters() {}

  static Map<String, Object> validate(ActionSpec action, Map<String, Object> params) {
    Map<String, Object> given = params == null ? Map.of() : params;
    List<String> violations = JsonSchemas.validate(action.schema(), given);
    if (!violations.isEmpty()) {
      throw new ActionParametersException(action.name(), violations);
    }
    Map<String, Object> result = mutableCopy(given);
    insertDefaults(action.schema(), result);
    return JsonTrees.immutableCopy(result);
  }

  private static void insertDefaults(Map<?, ?> schema, Map<String, Object> target) {
    if (!(schema.get("properties") instanceof Map<?, ?> properties)) {
      return;
    }
    for (Map.Entry<?, ?> property : properties.entrySet()) {
      if (!(property.getValue() instanceof Map<?, ?> propertySchema)) {
        continue;
      }
      String name = String.valueOf(property.getKey());
      Object present = target.get(name);
      if (target.containsKey(name)) {
        if (present instanceof Map<?, ?> nested) {
          Map<String, Object> filled = mutableCopy(nested);
          insertDefaults(propertySchema, filled);
          target.put(name, filled);
        }
      } else if (propertySchema.containsKey("default")) {
        target.put(name, JsonTrees.immutableCopy(propertySchema.get("default")));
      } else {
        Map<String, Object> nested = new LinkedHashMap<>();
        insertDefaults(propertySchema, nested);
        if (!nested.isEmpty()) {
          target.put(name, nested);
        }
      }
    }
  }

  private static Map<String, Object> mutableCopy(Map<?, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(String.valueOf(k), v));
    return copy;
  }
}
