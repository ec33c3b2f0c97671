package dev.bosun.model.internal.charm;

import dev.bosun.model.Problem;
import dev.bosun.model.charm.ActionSpec;
import dev.bosun.model.internal.GoFormat;
import dev.bosun.model.internal.yaml.YamlMapping;
import dev.bosun.model.internal.yaml.YamlNode;
import dev.bosun.model.internal.yaml.YamlScalar;
import dev.bosun.model.internal.yaml.YamlSequence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads {@code actions.yaml} as Juju's {@code ReadActionsYaml} does.
 *
 * <p>Each action becomes a JSON Schema {@code {"type": "object", "title": <name>, "description":
 * <description or "No description">, "properties": <params>, ...}}; {@code title}, {@code
 * required}, and every other key are copied into the schema, while {@code parallel} and {@code
 * execution-group} are taken out of it. The schema is then checked to be a valid draft-04 JSON
 * Schema ({@link JsonSchemaChecker}).
 *
 * <p>Messages: {@code bad action name %s}; {@code cannot use action name %s: "juju" is a reserved
 * name} (or {@code the "juju-" prefix is reserved}); {@code value for schema key "description" must
 * be a string} (also {@code title} and {@code execution-group}), {@code ... must be a YAML list}
 * ({@code required}), {@code ... must be a bool} ({@code parallel}); {@code params failed to parse
 * as a map}; {@code schema key "$ref" not compatible with this version of juju} (also {@code
 * $schema}, at any depth); {@code map keyed with non-string value}; {@code invalid params schema
 * for action schema %s: <reason>}, one problem per reason, at the offending value.
 */
public final class ActionsReader {
  private static final Pattern ACTION_NAME = Pattern.compile("^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$");

  private ActionsReader() {}

  /**
   * Reads an {@code actions.yaml} document.
   *
   * @param charmName the charm's name (a charm named {@code juju-*} may use reserved names)
   * @param document the parsed document (a null scalar when the file is empty)
   * @param problems where errors are added
   * @return the actions by name, in file order; meaningful only when no error was added
   */
  public static Map<String, ActionSpec> read(
      String charmName, YamlNode document, List<Problem> problems) {
    Map<String, ActionSpec> actions = new LinkedHashMap<>();
    if (document.isNull()) {
      return actions;
    }
    if (!(document instanceof YamlMapping root)) {
      problems.add(
          Problem.error(
              document.location(),
              ConfigReader.cannotUnmarshal(document, "map[string]map[string]interface {}")));
      return actions;
    }
    for (YamlMapping.Entry entry : root.entries()) {
      ActionSpec action = action(charmName, entry, problems);
      if (action != null) {
        actions.put(action.name(), action);
      }
    }
    return actions;
  }

  private static ActionSpec action(
      String charmName, YamlMapping.Entry entry, List<Problem> problems) {
    String name = entry.key().text();
    int before = problems.size();
    if (!ACTION_NAME.matcher(name).matches()) {
      problems.add(Problem.error(entry.key().location(), "bad action name " + name));
      return null;
    }
    String reason = ReservedNames.reason(charmName, name);
    if (reason != null) {
      problems.add(
          Problem.error(entry.key().location(), "cannot use action name " + name + ": " + reason));
      return null;
    }
    YamlNode value = entry.value();
    if (!value.isNull() && !(value instanceof YamlMapping)) {
      problems.add(
          Problem.error(
              value.location(), ConfigReader.cannotUnmarshal(value, "map[string]interface {}")));
      return null;
    }
    String description = "No description";
    boolean parallel = false;
    String executionGroup = "";
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("title", name);
    schema.put("description", description);
    schema.put("properties", new LinkedHashMap<String, Object>());
    List<YamlMapping.Entry> fields = value instanceof YamlMapping map ? map.entries() : List.of();
    JsonSchemaChecker schemaCheck =
        new JsonSchemaChecker(problems, "invalid params schema for action schema " + name + ": ");
    for (YamlMapping.Entry field : fields) {
      String key = field.key().text();
      YamlNode node = field.value();
      switch (key) {
        case "description", "title" -> {
          String text = string(node);
          if (text == null) {
            mustBe(problems, node, key, "a string");
          } else {
            schema.put(key, text);
            if (key.equals("description")) {
              description = text;
            }
          }
        }
        case "required" -> {
          if (node instanceof YamlSequence) {
            schema.put(key, cleanse(node, problems));
            schemaCheck.stringArray(node, key);
          } else {
            mustBe(problems, node, key, "a YAML list");
          }
        }
        case "parallel" -> {
          if (node instanceof YamlScalar scalar && scalar.value() instanceof Boolean flag) {
            parallel = flag;
          } else {
            mustBe(problems, node, key, "a bool");
          }
        }
        case "execution-group" -> {
          String text = string(node);
          if (text == null) {
            mustBe(problems, node, key, "a string");
          } else {
            executionGroup = text;
          }
        }
        case "params" -> {
          Object params = cleanse(node, problems);
          if (node instanceof YamlMapping) {
            schema.put("properties", params);
            schemaCheck.schemaMap(node, "properties", false);
          } else {
            problems.add(Problem.error(node.location(), "params failed to parse as a map"));
          }
        }
        default -> {
          schema.put(key, cleanse(node, problems));
          schemaCheck.keyword(key, node, key);
        }
      }
    }
    if (problems.size() > before) {
      return null;
    }
    return new ActionSpec(name, description, parallel, executionGroup, schema);
  }

  private static String string(YamlNode node) {
    return node instanceof YamlScalar scalar && scalar.value() instanceof String text ? text : null;
  }

  private static void mustBe(List<Problem> problems, YamlNode node, String key, String what) {
    problems.add(
        Problem.error(
            node.location(), "value for schema key " + GoFormat.quote(key) + " must be " + what));
  }

  /**
   * Juju's {@code cleanse}: converts a node to maps with string keys, lists and scalars, rejecting
   * keys that are not strings and the {@code $ref} and {@code $schema} keys at any depth.
   */
  private static Object cleanse(YamlNode node, List<Problem> problems) {
    if (node instanceof YamlMapping map) {
      Map<String, Object> result = new LinkedHashMap<>();
      for (YamlMapping.Entry entry : map.entries()) {
        if (!(entry.key().value() instanceof String key)) {
          problems.add(Problem.error(entry.key().location(), "map keyed with non-string value"));
          continue;
        }
        if (key.equals("$ref") || key.equals("$schema")) {
          problems.add(
              Problem.error(
                  entry.key().location(),
                  "schema key "
                      + GoFormat.quote(key)
                      + " not compatible with this version of juju"));
          continue;
        }
        result.put(key, cleanse(entry.value(), problems));
      }
      return result;
    }
    if (node instanceof YamlSequence sequence) {
      List<Object> items = new ArrayList<>(sequence.items().size());
      sequence.items().forEach(item -> items.add(cleanse(item, problems)));
      return items;
    }
    return ((YamlScalar) node).value();
  }
}
