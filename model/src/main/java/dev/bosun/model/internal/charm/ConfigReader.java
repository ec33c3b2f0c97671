package dev.bosun.model.internal.charm;

import dev.bosun.model.Problem;
import dev.bosun.model.charm.ConfigOption;
import dev.bosun.model.charm.ConfigSchema;
import dev.bosun.model.charm.OptionType;
import dev.bosun.model.internal.GoFormat;
import dev.bosun.model.internal.yaml.YamlMapping;
import dev.bosun.model.internal.yaml.YamlNode;
import dev.bosun.model.internal.yaml.YamlScalar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code config.yaml} as Juju's {@code ReadConfig} does: an {@code options} map of {@code
 * {type, description, default}}; {@code type} defaults to {@code string}; defaults are checked
 * against the type ({@link OptionValues#check}), except that an empty string stays an empty string
 * for {@code string} and {@code secret} options.
 *
 * <p>Messages: {@code invalid config: empty configuration} (empty file, or no {@code options} key),
 * {@code invalid config: option "x" has unknown type "y"}, {@code invalid config default: option
 * "x" expected int, got "abc"}; a document of the wrong shape gets yaml.v2's {@code cannot
 * unmarshal !!seq into ...}. Unknown keys are ignored, with a warning.
 */
public final class ConfigReader {
  private static final Set<String> OPTION_KEYS = Set.of("type", "description", "default");

  private ConfigReader() {}

  /**
   * Reads a {@code config.yaml} document.
   *
   * @param document the parsed document (a null scalar when the file is empty)
   * @param problems where errors are added
   * @param warnings where warnings are added
   * @return the schema; meaningful only when no error was added
   */
  public static ConfigSchema read(
      YamlNode document, List<Problem> problems, List<Problem> warnings) {
    if (document.isNull()) {
      problems.add(Problem.error(document.location(), "invalid config: empty configuration"));
      return ConfigSchema.EMPTY;
    }
    if (!(document instanceof YamlMapping root)) {
      problems.add(Problem.error(document.location(), cannotUnmarshal(document, "charm.Config")));
      return ConfigSchema.EMPTY;
    }
    for (YamlMapping.Entry entry : root.entries()) {
      if (!entry.key().text().equals("options")) {
        warnings.add(
            Problem.warning(
                entry.key().location(),
                "config: unknown key " + GoFormat.quote(entry.key().text()) + " ignored"));
      }
    }
    YamlNode optionsNode = root.get("options").orElse(null);
    if (optionsNode == null) {
      problems.add(Problem.error(root.location(), "invalid config: empty configuration"));
      return ConfigSchema.EMPTY;
    }
    if (optionsNode.isNull()) {
      return ConfigSchema.EMPTY;
    }
    if (!(optionsNode instanceof YamlMapping options)) {
      problems.add(
          Problem.error(
              optionsNode.location(), cannotUnmarshal(optionsNode, "map[string]charm.Option")));
      return ConfigSchema.EMPTY;
    }
    Map<String, ConfigOption> result = new LinkedHashMap<>();
    for (YamlMapping.Entry entry : options.entries()) {
      ConfigOption option = option(entry, problems, warnings);
      if (option != null) {
        result.put(option.name(), option);
      }
    }
    return ConfigSchema.of(result);
  }

  private static ConfigOption option(
      YamlMapping.Entry entry, List<Problem> problems, List<Problem> warnings) {
    String name = entry.key().text();
    YamlNode value = entry.value();
    if (value.isNull()) {
      return new ConfigOption(name, OptionType.STRING, "", null);
    }
    if (!(value instanceof YamlMapping map)) {
      problems.add(Problem.error(value.location(), cannotUnmarshal(value, "charm.Option")));
      return null;
    }
    for (YamlMapping.Entry field : map.entries()) {
      if (!OPTION_KEYS.contains(field.key().text())) {
        warnings.add(
            Problem.warning(
                field.key().location(),
                "config: option "
                    + GoFormat.quote(name)
                    + ": unknown key "
                    + GoFormat.quote(field.key().text())
                    + " ignored"));
      }
    }
    String typeName = text(map.get("type").orElse(null), problems);
    String description = text(map.get("description").orElse(null), problems);
    if (typeName == null || description == null) {
      return null;
    }
    OptionType type = typeName.isEmpty() ? OptionType.STRING : OptionType.fromJujuName(typeName);
    YamlNode typeNode = map.get("type").orElse(value);
    if (type == null) {
      problems.add(
          Problem.error(
              typeNode.location(),
              "invalid config: option "
                  + GoFormat.quote(name)
                  + " has unknown type "
                  + GoFormat.quote(typeName)));
      return null;
    }
    YamlNode defaultNode = map.get("default").orElse(null);
    Object defaultValue = defaultNode == null ? null : GoFormat.goValue(defaultNode);
    if (defaultValue == null
        || (defaultValue.equals("") && (type == OptionType.STRING || type == OptionType.SECRET))) {
      return new ConfigOption(name, type, description, defaultValue);
    }
    Object checked = OptionValues.check(type, defaultValue);
    if (checked == null) {
      problems.add(
          Problem.error(
              defaultNode.location(),
              "invalid config default: option "
                  + GoFormat.quote(name)
                  + " expected "
                  + type
                  + ", got "
                  + OptionValues.describe(defaultValue)));
      return null;
    }
    return new ConfigOption(name, type, description, checked);
  }

  /** yaml.v2 decodes any scalar into a string field; a mapping or sequence is an error. */
  private static String text(YamlNode node, List<Problem> problems) {
    if (node == null || node.isNull()) {
      return "";
    }
    if (node instanceof YamlScalar scalar) {
      return scalar.text();
    }
    problems.add(Problem.error(node.location(), cannotUnmarshal(node, "string")));
    return null;
  }

  /** yaml.v2's {@code cannot unmarshal !!seq into T} (scalars show their text). */
  static String cannotUnmarshal(YamlNode node, String into) {
    String tag =
        switch (node.kind()) {
          case "mapping" -> "!!map";
          case "sequence" -> "!!seq";
          case "bool" -> "!!bool";
          case "int" -> "!!int";
          case "float" -> "!!float";
          case "null" -> "!!null";
          default -> "!!str";
        };
    String shown = node instanceof YamlScalar scalar ? tag + " `" + scalar.text() + "`" : tag;
    return "cannot unmarshal " + shown + " into " + into;
  }
}
