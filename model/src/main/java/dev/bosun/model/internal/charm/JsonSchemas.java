package dev.bosun.model.internal.charm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.bosun.model.internal.GoFormat;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * JSON Schema for action parameters, with networknt's json-schema-validator in the draft-04
 * dialect, which is what Juju's gojsonschema implements.
 *
 * <p>Settings chosen to behave as gojsonschema does: an integral float such as {@code 2.0} is an
 * {@code integer} (gojsonschema sees every number as a float64); {@code format} is not asserted
 * (gojsonschema, in the version Juju uses, does not check formats).
 *
 * <p>Violations are worded as gojsonschema words them, {@code <context> : <description>, given
 * <value>}: {@code (root).outfile : must be of type string, given 5}, {@code (root) : "outfile"
 * property is missing and required, given {"quality":5}}. Keywords gojsonschema has no wording for
 * keep networknt's message.
 */
public final class JsonSchemas {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The validator, created on first use: loading it costs a noticeable part of a second. */
  private static final class Registry {
    static final SchemaRegistry INSTANCE =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_4,
            builder ->
                builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder()
                        .losslessNarrowing(true)
                        .formatAssertionsEnabled(false)
                        .locale(Locale.ENGLISH)
                        .build()));
  }

  private JsonSchemas() {}

  /**
   * Validates a document against a schema.
   *
   * @param schema the schema, as a tree of maps, lists and scalars
   * @param document the document
   * @return every violation, worded as gojsonschema words them, in a stable order (by location in
   *     the document, then by text); empty when the document is valid
   * @throws IllegalArgumentException when the schema does not compile, or the document holds a
   *     value that is not JSON-like
   */
  public static List<String> validate(Map<String, Object> schema, Object document) {
    JsonNode schemaNode = toJson(schema);
    JsonNode documentNode = toJson(document);
    Schema compiled;
    try {
      compiled = Registry.INSTANCE.getSchema(schemaNode);
      compiled.initializeValidators();
    } catch (SchemaException e) {
      throw new IllegalArgumentException("invalid JSON Schema: " + e.getMessage(), e);
    }
    Set<String> violations = new LinkedHashSet<>();
    for (Error error : sorted(compiled.validate(documentNode))) {
      violations.add(describe(error, schemaNode));
    }
    return List.copyOf(violations);
  }

  private static List<Error> sorted(List<Error> errors) {
    List<Error> copy = new ArrayList<>(errors);
    copy.sort(
        Comparator.comparing((Error e) -> context(e.getInstanceLocation()))
            .thenComparing(e -> String.valueOf(e.getProperty()))
            .thenComparing(Error::getMessage));
    return copy;
  }

  // ------------------------------------------------------------ wording

  private static String describe(Error error, JsonNode schema) {
    JsonNode value = error.getInstanceNode();
    return context(error.getInstanceLocation())
        + " : "
        + description(error, schema)
        + ", given "
        + (value == null ? "null" : GoJson.render(value));
  }

  private static String context(NodePath path) {
    StringBuilder text = new StringBuilder("(root)");
    for (int i = 0; i < path.getNameCount(); i++) {
      text.append('.').append(path.getElement(i));
    }
    return text.toString();
  }

  private static String description(Error error, JsonNode schema) {
    JsonNode keywordValue = error.getSchemaNode();
    String keyword = error.getKeyword() == null ? "" : error.getKeyword();
    return switch (keyword) {
      case "type" -> "must be of type " + typeList(keywordValue);
      case "required" -> "\"" + error.getProperty() + "\" property is missing and required";
      case "additionalProperties" ->
          "additional property \"" + error.getProperty() + "\" is not allowed";
      case "enum" -> "must match one of the enum values [" + enumList(keywordValue) + "]";
      case "minimum" ->
          exclusive(error, schema, "exclusiveMinimum")
              ? "must be greater than " + number(keywordValue)
              : "must be greater than or equal to " + number(keywordValue);
      case "maximum" ->
          exclusive(error, schema, "exclusiveMaximum")
              ? "must be lower than " + number(keywordValue)
              : "must be lower than or equal to " + number(keywordValue);
      case "minLength" -> "string length must be greater or equal to " + number(keywordValue);
      case "maxLength" -> "string length must be lower or equal to " + number(keywordValue);
      case "pattern" -> "does not match pattern '" + keywordValue.asText() + "'";
      case "minItems" -> "array must have at least " + number(keywordValue) + " items";
      case "maxItems" -> "array must have at the most " + number(keywordValue) + " items";
      case "uniqueItems" -> "array items must be unique";
      case "minProperties" -> "must have at least " + number(keywordValue) + " properties";
      case "maxProperties" -> "must have at the most " + number(keywordValue) + " properties";
      case "multipleOf" -> "must be a multiple of " + number(keywordValue);
      case "allOf" -> "must validate all the schemas (allOf)";
      case "anyOf" -> "must validate at least one schema (anyOf)";
      case "oneOf" -> "must validate one and only one schema (oneOf)";
      case "not" -> "must not validate the schema (not)";
      case "additionalItems" -> "no additional item allowed on array";
      default -> error.getMessage();
    };
  }

  private static String typeList(JsonNode types) {
    if (types != null && types.isArray()) {
      List<String> names = new ArrayList<>();
      types.forEach(t -> names.add(t.asText()));
      return names.size() == 1 ? names.get(0) : "[" + String.join(",", names) + "]";
    }
    return types == null ? "undefined" : types.asText();
  }

  private static String enumList(JsonNode values) {
    List<String> items = new ArrayList<>();
    if (values != null) {
      values.forEach(v -> items.add(GoJson.render(v)));
    }
    return String.join(",", items);
  }

  private static String number(JsonNode value) {
    return value == null ? "" : GoJson.render(value);
  }

  /** Whether the draft-04 sibling flag (exclusiveMinimum/Maximum) is true next to the keyword. */
  private static boolean exclusive(Error error, JsonNode schema, String flag) {
    NodePath path = error.getEvaluationPath();
    JsonNode node = schema;
    for (int i = 0; i < path.getNameCount() - 1 && node != null; i++) {
      Object element = path.getElement(i);
      node = element instanceof Integer index ? node.get(index) : node.get(String.valueOf(element));
    }
    return node != null && node.path(flag).asBoolean(false);
  }

  // -------------------------------------------------------- conversion

  /**
   * Converts a tree of maps, lists and scalars to a Jackson tree. Numbers keep their kind (integral
   * or floating); other objects are rejected.
   *
   * @throws IllegalArgumentException when a value is not a map, list, string, number, boolean or
   *     null
   */
  public static JsonNode toJson(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof String text) {
      return NODES.textNode(text);
    }
    if (value instanceof Boolean flag) {
      return NODES.booleanNode(flag);
    }
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      return NODES.numberNode(((Number) value).longValue());
    }
    if (value instanceof BigInteger big) {
      return NODES.numberNode(big);
    }
    if (value instanceof Double || value instanceof Float) {
      return NODES.numberNode(((Number) value).doubleValue());
    }
    if (value instanceof BigDecimal decimal) {
      return NODES.numberNode(decimal);
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = NODES.objectNode();
      map.forEach((k, v) -> object.set(String.valueOf(k), toJson(v)));
      return object;
    }
    if (value instanceof List<?> list) {
      ArrayNode array = NODES.arrayNode();
      list.forEach(item -> array.add(toJson(item)));
      return array;
    }
    throw new IllegalArgumentException(
        "not a JSON value: " + value.getClass().getName() + " " + value);
  }

  /** Go's {@code encoding/json} rendering, with map keys sorted as Go sorts them. */
  static final class GoJson {
    private GoJson() {}

    static String render(JsonNode node) {
      StringBuilder text = new StringBuilder();
      append(node, text);
      return text.toString();
    }

    private static void append(JsonNode node, StringBuilder text) {
      if (node.isObject()) {
        Map<String, JsonNode> fields = new TreeMap<>();
        node.properties().forEach(e -> fields.put(e.getKey(), e.getValue()));
        text.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonNode> field : fields.entrySet()) {
          if (!first) {
            text.append(',');
          }
          first = false;
          text.append(quote(field.getKey())).append(':');
          append(field.getValue(), text);
        }
        text.append('}');
      } else if (node.isArray()) {
        text.append('[');
        for (int i = 0; i < node.size(); i++) {
          if (i > 0) {
            text.append(',');
          }
          append(node.get(i), text);
        }
        text.append(']');
      } else if (node.isTextual()) {
        text.append(quote(node.asText()));
      } else if (node.isIntegralNumber()) {
        text.append(node.bigIntegerValue());
      } else if (node.isNumber()) {
        text.append(GoFormat.formatJsonFloat(node.doubleValue()));
      } else {
        text.append(node.toString());
      }
    }

    private static String quote(String text) {
      StringBuilder quoted = new StringBuilder("\"");
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        switch (c) {
          case '"' -> quoted.append("\\\"");
          case '\\' -> quoted.append("\\\\");
          case '\n' -> quoted.append("\\n");
          case '\r' -> quoted.append("\\r");
          case '\t' -> quoted.append("\\t");
          case '<', '>', '&' -> quoted.append(String.format("\\u%04x", (int) c));
          default -> {
            if (c < 0x20 || c == '\u2028' || c == '\u2029') {
              quoted.append(String.format("\\u%04x", (int) c));
            } else {
              quoted.append(c);
            }
          }
        }
      }
      return quoted.append('"').toString();
    }
  }
}
