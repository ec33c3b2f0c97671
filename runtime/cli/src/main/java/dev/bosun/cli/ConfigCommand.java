package dev.bosun.cli;

import dev.bosun.charm.CharmDefinition;
import dev.bosun.model.charm.ConfigOption;
import dev.bosun.model.charm.ConfigSchema;
import dev.bosun.model.plan.ApplicationState;
import dev.bosun.runtime.NotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bosun config APP [KEY=VALUE ...] [--reset KEY,...]}: show or change configuration. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    header = "Show or change an application's configuration.",
    description = {
      "",
      "Without KEY=VALUE or --reset, prints every option with its value, default, type and",
      "source (default or user). Otherwise sets the values (checked against the charm's",
      "config.yaml) and resets the options named by --reset to their defaults; every unit runs",
      "config-changed."
    })
final class ConfigCommand extends WaitingCommand {

  @Parameters(index = "0", paramLabel = "APP", description = "The application.")
  String application;

  @Parameters(index = "1..*", paramLabel = "KEY=VALUE", description = "Values to set.")
  List<String> values = new ArrayList<>();

  @Option(
      names = "--reset",
      paramLabel = "KEY",
      split = ",",
      description = "Options to reset to their defaults, comma-separated.")
  List<String> reset = new ArrayList<>();

  @Override
  boolean changesModel() {
    return !values.isEmpty() || !reset.isEmpty();
  }

  @Override
  int execute(Session session) {
    ApplicationState app = session.runtime().modelState().applications().get(application);
    if (app == null) {
      throw new NotFoundException("application", application);
    }
    ConfigSchema schema =
        session.charms().find(app.charm()).map(CharmDefinition::meta).orElseThrow().config();
    if (!changesModel()) {
      print(app, schema);
      return ExitCodes.OK;
    }
    Map<String, Object> parsed = new LinkedHashMap<>();
    for (String value : values) {
      int equals = value.indexOf('=');
      if (equals <= 0) {
        throw new UsageException(
            "\"" + value + "\" is not KEY=VALUE; give values as key=value, e.g. port=8080");
      }
      String key = value.substring(0, equals);
      parsed.put(key, schema.parse(key, value.substring(equals + 1)));
    }
    for (String key : reset) {
      if (parsed.containsKey(key)) {
        throw new UsageException("option \"" + key + "\" is both set and reset; give it once");
      }
      if (schema.option(key).isEmpty()) {
        throw new dev.bosun.model.charm.ConfigException(key, "unknown option \"" + key + "\"");
      }
    }
    if (!parsed.isEmpty()) {
      session.runtime().setConfig(application, parsed);
    }
    if (!reset.isEmpty()) {
      session.runtime().resetConfig(application, reset.toArray(String[]::new));
    }
    return ExitCodes.OK;
  }

  private void print(ApplicationState app, ConfigSchema schema) {
    out().println("application: " + application);
    out().println("charm: " + app.charm());
    out().println("settings:");
    for (ConfigOption option : new java.util.TreeMap<>(schema.options()).values()) {
      boolean set = app.options().containsKey(option.name());
      Object value = set ? app.options().get(option.name()) : option.defaultValue();
      out().println("  " + option.name() + ":");
      if (option.defaultValue() != null) {
        out().println("    default: " + yamlScalar(option.defaultValue()));
      }
      if (!option.description().isEmpty()) {
        out().println("    description: " + yamlScalar(option.description().strip()));
      }
      out().println("    source: " + (set ? "user" : "default"));
      out().println("    type: " + option.type());
      if (value != null) {
        out().println("    value: " + yamlScalar(value));
      }
    }
  }

  private static String yamlScalar(Object value) {
    if (value instanceof String text) {
      if (text.isEmpty()
          || text.contains("\n")
          || text.contains(": ")
          || text.contains("#")
          || !text.strip().equals(text)
          || text.matches("(?i)true|false|yes|no|null|~|[-+]?[0-9.]+")) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
      }
      return text;
    }
    return String.valueOf(value);
  }
}
