package dev.bosun.runtime;

import dev.bosun.charm.CharmDefinition;
import dev.bosun.charm.CharmFiles;
import dev.bosun.model.charm.ActionSpec;
import dev.bosun.model.charm.CharmMeta;
import dev.bosun.model.charm.ConfigOption;
import dev.bosun.model.charm.ConfigSchema;
import dev.bosun.model.charm.Endpoint;
import dev.bosun.model.charm.OptionType;
import dev.bosun.model.charm.Role;
import dev.bosun.model.charm.Scope;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The charms of the engine's tests, written with the SDK:
 *
 * <ul>
 *   <li>{@code server}: provides {@code db} (interface {@code sql}), peers on {@code cluster};
 *       option {@code mode}; actions {@code publish} (parameter {@code value}, default {@code v1})
 *       and {@code explode};
 *   <li>{@code client}: requires {@code db}, peers on {@code p}; option {@code greeting};
 *   <li>{@code agent}: a subordinate that requires {@code host} ({@code juju-info}, container
 *       scope);
 *   <li>{@code plain}: no endpoints at all, option {@code mode} (for trivial hooks).
 * </ul>
 */
final class TestCharms {
  private TestCharms() {}

  static final CharmFiles NO_FILES = CharmFiles.of("test charm", Map.of());

  static ConfigSchema options(String... names) {
    Map<String, ConfigOption> options = new LinkedHashMap<>();
    for (String name : names) {
      options.put(name, new ConfigOption(name, OptionType.STRING, "", "default-" + name));
    }
    options.put("size", new ConfigOption("size", OptionType.INT, "", 1L));
    return ConfigSchema.of(options);
  }

  static ActionSpec action(String name, Map<String, Object> properties, List<String> required) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("title", name);
    schema.put("description", "test action " + name);
    schema.put("properties", properties);
    if (!required.isEmpty()) {
      schema.put("required", required);
    }
    return new ActionSpec(name, "test action " + name, false, "", schema);
  }

  static CharmMeta serverMeta() {
    return CharmMeta.builder("server")
        .provides(Endpoint.of("db", Role.PROVIDER, "sql"))
        .peers(Endpoint.of("cluster", Role.PEER, "server-peers"))
        .config(options("mode"))
        .action(
            action(
                "publish", Map.of("value", Map.of("type", "string", "default", "v1")), List.of()))
        .action(action("explode", Map.of(), List.of()))
        .action(
            action("needs-target", Map.of("target", Map.of("type", "string")), List.of("target")))
        .build();
  }

  static CharmMeta clientMeta() {
    return CharmMeta.builder("client")
        .requires(Endpoint.of("db", Role.REQUIRER, "sql"))
        .peers(Endpoint.of("p", Role.PEER, "client-peers"))
        .config(options("greeting"))
        .build();
  }

  static CharmMeta agentMeta() {
    return CharmMeta.builder("agent")
        .subordinate(true)
        .requires(new Endpoint("host", Role.REQUIRER, "juju-info", Scope.CONTAINER, 0, false))
        .build();
  }

  static CharmMeta plainMeta() {
    return CharmMeta.builder("plain").config(options("mode")).build();
  }

  static CharmDefinition define(CharmMeta meta, Script script) {
    return new CharmDefinition(meta, script::newCharm, NO_FILES);
  }
}
