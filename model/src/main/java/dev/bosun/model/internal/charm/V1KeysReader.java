package dev.bosun.model.internal.charm;

import dev.bosun.model.internal.GoFormat;
import dev.bosun.model.internal.yaml.YamlMapping;
import dev.bosun.model.internal.yaml.YamlNode;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the keys only metadata v1 has besides {@code series}: {@code min-juju-version} (a Juju
 * version number, {@code invalid min-juju-version: invalid version %q}) and {@code deployment}
 * (Kubernetes charms of the podspec era, which must declare {@code kubernetes} as their first
 * series).
 */
final class V1KeysReader {
  private static final Pattern JUJU_VERSION =
      Pattern.compile("^(\\d{1,9})\\.(\\d{1,9})(?:\\.|-([a-z]+))(\\d{1,9})(\\.\\d{1,9})?$");

  private V1KeysReader() {}

  static void minJujuVersion(MetadataContext context, YamlNode node) {
    String text = context.schema.string(node, "min-juju-version");
    if (text != null && !JUJU_VERSION.matcher(text).matches()) {
      context.error(
          node.location(), "invalid min-juju-version: invalid version " + GoFormat.quote(text));
    }
  }

  static void deployment(MetadataContext context, YamlNode node, List<String> series) {
    SchemaChecker schema = context.schema;
    YamlMapping map = schema.fieldMap(node, "deployment");
    if (map == null) {
      return;
    }
    boolean valid = true;
    valid &= oneOf(schema, map, "type", "stateful", "stateless", "daemon");
    valid &= oneOf(schema, map, "mode", "operator", "workload");
    valid &= oneOf(schema, map, "service", "cluster", "loadbalancer", "external", "omit");
    if (map.has("min-version")) {
      valid &=
          schema.string(map.get("min-version").orElseThrow(), "deployment.min-version") != null;
    }
    context.warnUnknown(map, "deployment", Set.of("type", "mode", "service", "min-version"));
    if (!valid) {
      return;
    }
    if (series.isEmpty()) {
      context.error(
          node.location(), "charm with deployment metadata must declare at least one series");
    } else if (!series.get(0).equals("kubernetes")) {
      context.error(
          node.location(), "charms with deployment metadata only supported for \"kubernetes\"");
    }
  }

  private static boolean oneOf(
      SchemaChecker schema, YamlMapping map, String key, String... allowed) {
    return map.get(key)
        .map(value -> schema.oneOf(value, "deployment." + key, allowed) != null)
        .orElse(true);
  }
}
