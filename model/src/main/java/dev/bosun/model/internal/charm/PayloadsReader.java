package dev.bosun.model.internal.charm;

import static dev.bosun.model.internal.charm.SchemaChecker.path;

import dev.bosun.model.internal.yaml.YamlMapping;
import dev.bosun.model.internal.yaml.YamlNode;
import java.util.Set;

/**
 * Checks {@code payloads} as Juju's {@code payloadClassSchema} does: a map of payload classes, each
 * with a string {@code type}. Bosun keeps no payload class in {@code CharmMeta}.
 */
final class PayloadsReader {
  private PayloadsReader() {}

  static void check(MetadataContext context, YamlNode node) {
    SchemaChecker schema = context.schema;
    YamlMapping map = schema.stringMap(node, "payloads");
    if (map == null) {
      return;
    }
    for (YamlMapping.Entry entry : map.entries()) {
      if (SchemaChecker.isStringKey(entry)) {
        String path = path("payloads", entry.key().text());
        YamlMapping payload = schema.fieldMap(entry.value(), path);
        if (payload != null) {
          schema.string(
              payload.get("type").orElse(SchemaChecker.nothingAt(payload)), path(path, "type"));
          context.warnUnknown(payload, path, Set.of("type"));
        }
      }
    }
  }
}
