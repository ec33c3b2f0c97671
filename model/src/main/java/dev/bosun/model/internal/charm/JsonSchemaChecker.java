package dev.bosun.model.internal.charm;

import dev.bosun.model.Problem;
import dev.bosun.model.internal.GoFormat;
import dev.bosun.model.internal.yaml.YamlMapping;
import dev.bosun.model.internal.yaml.YamlNode;
import dev.bosun.model.internal.yaml.YamlScalar;
import dev.bosun.model.internal.yaml.YamlSequence;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks that YAML declares a valid draft-04 JSON Schema: every keyword's value has the kind the
 * draft-04 meta-schema requires, as gojsonschema checks when Juju compiles an action's schema.
 *
 * <p>It works on the YAML nodes, so each problem points at the offending value, and it needs
 * neither Jackson nor the validator library: reading charm directories, which every CLI call does,
 * stays fast. Unknown keywords are allowed, as JSON Schema allows them.
 *
 * <p>Messages follow gojsonschema's wording with the keyword's path in the schema: {@code
 * properties.size.minimum must be of type number}, {@code properties.mode.type "strng" is not a
 * valid type}, {@code properties.name.pattern is an invalid regex pattern '(['}.
 */
public final class JsonSchemaChecker {
  private static final Set<String> SIMPLE_TYPES =
      Set.of("array", "boolean", "integer", "null", "number", "object", "string");
  private static final Set<String> NON_NEGATIVE_INTEGERS =
      Set.of("maxLength", "minLength", "maxItems", "minItems", "maxProperties", "minProperties");
  private static final Set<String> STRINGS = Set.of("id", "title", "description", "format");
  private static final Set<String> BOOLEANS =
      Set.of("exclusiveMaximum", "exclusiveMinimum", "uniqueItems");
  private static final Set<String> SCHEMA_MAPS =
      Set.of("definitions", "properties", "patternProperties");
  private static final Set<String> SCHEMA_ARRAYS = Set.of("allOf", "anyOf", "oneOf");

  private final List<Problem> problems;
  private final String prefix;

  /**
   * Creates a checker.
   *
   * @param problems where problems are added
   * @param prefix text before every message, for example {@code invalid params schema for action
   *     schema snapshot: }
   */
  public JsonSchemaChecker(List<Problem> problems, String prefix) {
    this.problems = problems;
    this.prefix = prefix;
  }

  /** Checks a node that must be a schema (a mapping). */
  public void schema(YamlNode node, String path) {
    if (!(node instanceof YamlMapping map)) {
      error(node, path + " must be of type schema");
      return;
    }
    for (YamlMapping.Entry entry : map.entries()) {
      if (entry.key().value() instanceof String key && !isProhibited(key)) {
        keyword(key, entry.value(), join(path, key));
      }
    }
    dependsOn(map, path, "exclusiveMinimum", "minimum");
    dependsOn(map, path, "exclusiveMaximum", "maximum");
  }

  /**
   * Checks one keyword of a schema.
   *
   * @param keyword the keyword, for example {@code minimum}
   * @param value its value
   * @param path the keyword's path in the schema, for example {@code properties.size.minimum}
   */
  public void keyword(String keyword, YamlNode value, String path) {
    if (STRINGS.contains(keyword)) {
      kind(value, path, "string", isString(value));
    } else if (BOOLEANS.contains(keyword)) {
      kind(value, path, "boolean", value instanceof YamlScalar s && s.value() instanceof Boolean);
    } else if (NON_NEGATIVE_INTEGERS.contains(keyword)) {
      if (kind(value, path, "integer", isInteger(value)) && number(value) < 0) {
        error(value, path + " must be greater than or equal to 0");
      }
    } else if (keyword.equals("minimum") || keyword.equals("maximum")) {
      kind(value, path, "number", isNumber(value));
    } else if (keyword.equals("multipleOf")) {
      if (kind(value, path, "number", isNumber(value)) && number(value) <= 0) {
        error(value, path + " must be strictly greater than 0");
      }
    } else if (keyword.equals("pattern")) {
      if (kind(value, path, "string", isString(value))) {
        regex(value, path);
      }
    } else if (keyword.equals("type")) {
      type(value, path);
    } else if (keyword.equals("enum")) {
      if (kind(value, path, "array", value instanceof YamlSequence)) {
        nonEmptyUnique((YamlSequence) value, path);
      }
    } else if (keyword.equals("required")) {
      stringArray(value, path);
    } else if (SCHEMA_MAPS.contains(keyword)) {
      schemaMap(value, path, keyword.equals("patternProperties"));
    } else if (SCHEMA_ARRAYS.contains(keyword)) {
      schemaArray(value, path);
    } else if (keyword.equals("not")) {
      schema(value, path);
    } else if (keyword.equals("items")) {
      if (value instanceof YamlSequence) {
        schemaArray(value, path);
      } else if (value instanceof YamlMapping) {
        schema(value, path);
      } else {
        error(value, path + " must be of type schema or array of schemas");
      }
    } else if (keyword.equals("additionalItems") || keyword.equals("additionalProperties")) {
      if (value instanceof YamlMapping) {
        schema(value, path);
      } else if (!(value instanceof YamlScalar s && s.value() instanceof Boolean)) {
        error(value, path + " must be of type boolean or schema");
      }
    } else if (keyword.equals("dependencies")) {
      dependencies(value, path);
    }
    // default, and keywords draft-04 does not define, may hold anything.
  }

  /** Checks a value that must be a map of property name to schema ({@code properties}). */
  public void schemaMap(YamlNode value, String path, boolean keysAreRegexes) {
    if (!(value instanceof YamlMapping map)) {
      error(value, path + " must be of type object");
      return;
    }
    for (YamlMapping.Entry entry : map.entries()) {
      if (entry.key().value() instanceof String name && !isProhibited(name)) {
        if (keysAreRegexes) {
          regex(entry.key(), join(path, name));
        }
        schema(entry.value(), join(path, name));
      }
    }
  }

  /** Checks a value that must be a non-empty array of distinct strings ({@code required}). */
  public void stringArray(YamlNode value, String path) {
    if (!(value instanceof YamlSequence list) || !list.items().stream().allMatch(this::isString)) {
      error(value, path + " must be of type array of strings");
      return;
    }
    Set<String> seen = new HashSet<>();
    for (YamlNode item : list.items()) {
      if (!seen.add(((YamlScalar) item).text())) {
        error(item, path + " items must be unique");
      }
    }
  }

  private void schemaArray(YamlNode value, String path) {
    if (!(value instanceof YamlSequence list)) {
      error(value, path + " must be of type array of schemas");
      return;
    }
    if (list.items().isEmpty()) {
      error(value, path + " must have at least 1 item");
    }
    for (int i = 0; i < list.items().size(); i++) {
      schema(list.items().get(i), path + "." + i);
    }
  }

  private void dependencies(YamlNode value, String path) {
    if (!(value instanceof YamlMapping map)) {
      error(value, path + " must be of type object");
      return;
    }
    for (YamlMapping.Entry entry : map.entries()) {
      String entryPath = join(path, entry.key().text());
      if (entry.value() instanceof YamlMapping) {
        schema(entry.value(), entryPath);
      } else if (entry.value() instanceof YamlSequence) {
        stringArray(entry.value(), entryPath);
      } else {
        error(entry.value(), entryPath + " must be of type schema or array of strings");
      }
    }
  }

  private void type(YamlNode value, String path) {
    if (value instanceof YamlSequence list) {
      if (list.items().isEmpty()) {
        error(value, path + " must have at least 1 item");
      }
      Set<String> seen = new HashSet<>();
      for (YamlNode item : list.items()) {
        if (!isString(item)) {
          error(item, path + " must be of type string or array of strings");
        } else if (!SIMPLE_TYPES.contains(((YamlScalar) item).text())) {
          error(
              item,
              path + " " + GoFormat.quote(((YamlScalar) item).text()) + " is not a valid type");
        } else if (!seen.add(((YamlScalar) item).text())) {
          error(
              item,
              path + " " + GoFormat.quote(((YamlScalar) item).text()) + " type is duplicated");
        }
      }
    } else if (!isString(value)) {
      error(value, path + " must be of type string or array of strings");
    } else if (!SIMPLE_TYPES.contains(((YamlScalar) value).text())) {
      error(
          value, path + " " + GoFormat.quote(((YamlScalar) value).text()) + " is not a valid type");
    }
  }

  private void nonEmptyUnique(YamlSequence list, String path) {
    if (list.items().isEmpty()) {
      error(list, path + " must have at least 1 item");
    }
    Set<Object> seen = new HashSet<>();
    for (YamlNode item : list.items()) {
      if (!seen.add(GoFormat.goValue(item))) {
        error(item, path + " items must be unique");
      }
    }
  }

  private void regex(YamlNode value, String path) {
    String pattern = ((YamlScalar) value).text();
    try {
      Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      error(value, path + " is an invalid regex pattern '" + pattern + "'");
    }
  }

  private void dependsOn(YamlMapping map, String path, String keyword, String required) {
    if (map.has(keyword) && !map.has(required)) {
      error(
          map.entry(keyword).orElseThrow().key(),
          join(path, keyword) + " cannot be used without " + required);
    }
  }

  /** {@code $ref} and {@code $schema} are reported by the caller, as Juju's cleanse does. */
  private static boolean isProhibited(String key) {
    return key.equals("$ref") || key.equals("$schema");
  }

  private boolean kind(YamlNode value, String path, String kind, boolean matches) {
    if (!matches) {
      error(value, path + " must be of type " + kind);
    }
    return matches;
  }

  private boolean isString(YamlNode node) {
    return node instanceof YamlScalar scalar && scalar.value() instanceof String;
  }

  private static boolean isNumber(YamlNode node) {
    return node instanceof YamlScalar scalar && scalar.value() instanceof Number;
  }

  private static boolean isInteger(YamlNode node) {
    if (!(node instanceof YamlScalar scalar)) {
      return false;
    }
    Object value = scalar.value();
    return value instanceof Long
        || value instanceof BigInteger
        || (value instanceof Double d && d == Math.rint(d) && !d.isInfinite());
  }

  private static double number(YamlNode node) {
    return ((Number) ((YamlScalar) node).value()).doubleValue();
  }

  private void error(YamlNode at, String message) {
    problems.add(Problem.error(at.location(), prefix + message));
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
