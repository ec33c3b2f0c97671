package dev.bosun.model.internal.charm;

import static dev.bosun.model.internal.charm.SchemaChecker.path;

import dev.bosun.model.Location;
import dev.bosun.model.charm.ResourceMeta;
import dev.bosun.model.internal.GoFormat;
import dev.bosun.model.internal.yaml.YamlMapping;
import dev.bosun.model.internal.yaml.YamlNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code resources} as Juju's {@code resourceSchema}, {@code ParseResourceMeta} and {@code
 * resource.Meta.Validate} do: {@code type} is {@code file} (the default) or {@code oci-image}
 * ({@code unsupported resource type %q}); a file needs a {@code filename} ({@code resource missing
 * filename}) without a slash ({@code filename cannot contain "/" (got %q)}).
 */
final class ResourcesReader {
  private static final Set<String> KEYS = Set.of("type", "filename", "description");

  private ResourcesReader() {}

  /** Reads the {@code resources} map; entries with problems are left out. */
  static Map<String, ResourceMeta> read(MetadataContext context, YamlNode node) {
    Map<String, ResourceMeta> resources = new LinkedHashMap<>();
    SchemaChecker schema = context.schema;
    YamlMapping map = schema.stringMap(node, "resources");
    if (map == null) {
      return resources;
    }
    for (YamlMapping.Entry entry : map.entries()) {
      if (!SchemaChecker.isStringKey(entry)) {
        continue;
      }
      String name = entry.key().text();
      String path = path("resources", name);
      YamlMapping resource = schema.fieldMap(entry.value(), path);
      if (resource == null) {
        continue;
      }
      YamlNode typeNode = resource.get("type").orElse(null);
      String type = typeNode == null ? "file" : schema.string(typeNode, path(path, "type"));
      YamlNode filenameNode = resource.get("filename").orElse(null);
      String filename =
          filenameNode == null ? "" : schema.string(filenameNode, path(path, "filename"));
      String description =
          resource
              .get("description")
              .map(n -> schema.string(n, path(path, "description")))
              .orElse("");
      context.warnUnknown(resource, path, KEYS);
      if (type == null || filename == null || description == null) {
        continue;
      }
      if (!type.equals("file") && !type.equals("oci-image")) {
        context.error(typeNode.location(), "unsupported resource type " + GoFormat.quote(type));
        continue;
      }
      Location where = filenameNode == null ? entry.key().location() : filenameNode.location();
      if (name.isEmpty()) {
        context.error(entry.key().location(), "resource missing name");
      } else if (type.equals("file") && filename.isEmpty()) {
        context.error(where, "resource missing filename");
      } else if (type.equals("file") && filename.contains("/")) {
        context.error(
            where, "filename cannot contain \"/\" (got " + GoFormat.quote(filename) + ")");
      } else {
        resources.put(
            name, new ResourceMeta(name, type, filename.isEmpty() ? null : filename, description));
      }
    }
    return resources;
  }
}
