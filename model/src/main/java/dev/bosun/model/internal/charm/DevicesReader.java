package dev.bosun.model.internal.charm;

import static dev.bosun.model.internal.charm.SchemaChecker.path;

import dev.bosun.model.internal.GoFormat;
import dev.bosun.model.internal.yaml.YamlMapping;
import dev.bosun.model.internal.yaml.YamlNode;
import java.util.Set;

/**
 * Checks {@code devices} as Juju's {@code deviceSchema} and {@code Meta.Check} do: a required
 * {@code type}, counts that are not negative ({@code invalid device count %d}), and {@code
 * countmin} not above {@code countmax} (both 1 by default). Bosun keeps no device in {@code
 * CharmMeta}.
 */
final class DevicesReader {
  private static final Set<String> KEYS = Set.of("description", "type", "countmin", "countmax");

  private DevicesReader() {}

  static void check(MetadataContext context, YamlNode node) {
    SchemaChecker schema = context.schema;
    YamlMapping map = schema.stringMap(node, "devices");
    if (map == null) {
      return;
    }
    for (YamlMapping.Entry entry : map.entries()) {
      if (!SchemaChecker.isStringKey(entry)) {
        continue;
      }
      String name = entry.key().text();
      String path = path("devices", name);
      YamlMapping device = schema.fieldMap(entry.value(), path);
      if (device == null) {
        continue;
      }
      device.get("description").ifPresent(n -> schema.string(n, path(path, "description")));
      String type =
          schema.string(
              device.get("type").orElse(SchemaChecker.nothingAt(device)), path(path, "type"));
      Long min =
          device.get("countmin").map(n -> count(schema, n, path(path, "countmin"))).orElse(1L);
      Long max =
          device.get("countmax").map(n -> count(schema, n, path(path, "countmax"))).orElse(1L);
      context.warnUnknown(device, path, KEYS);
      String where = context.charm() + " device " + GoFormat.quote(name) + ": ";
      if (type != null && type.isEmpty()) {
        context.error(entry.key().location(), where + "type must be specified");
      }
      if (min != null && max != null && min > max) {
        context.error(
            entry.key().location(),
            where + "maximum count " + max + " can not be smaller than minimum count " + min);
      }
    }
  }

  private static Long count(SchemaChecker schema, YamlNode node, String path) {
    Long count = schema.integer(node, path);
    if (count != null && count < 0) {
      schema.error(node, "", "invalid device count " + count);
      return null;
    }
    return count;
  }
}
