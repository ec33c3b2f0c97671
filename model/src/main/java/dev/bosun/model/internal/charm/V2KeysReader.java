package dev.bosun.model.internal.charm;

import static dev.bosun.model.internal.charm.SchemaChecker.index;
import static dev.bosun.model.internal.charm.SchemaChecker.path;

import dev.bosun.model.charm.ResourceMeta;
import dev.bosun.model.charm.StorageMeta;
import dev.bosun.model.internal.GoFormat;
import dev.bosun.model.internal.yaml.YamlMapping;
import dev.bosun.model.internal.yaml.YamlNode;
import dev.bosun.model.internal.yaml.YamlScalar;
import dev.bosun.model.internal.yaml.YamlSequence;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the keys only metadata v2 has, as Juju's {@code parseMeta} does: {@code charm-user}
 * ({@code root}, {@code sudoer} or {@code non-root}), {@code assumes} (Juju's expression grammar:
 * features with an optional {@code >=} or {@code <} version, nested {@code any-of} and {@code
 * all-of}) and {@code containers} (an {@code oci-image} resource, mounts of declared storage, uid
 * and gid outside 1000-9999). Bosun keeps none of them in {@code CharmMeta}.
 */
final class V2KeysReader {
  private static final Pattern FEATURE_WITHOUT_VERSION =
      Pattern.compile("^[a-z][a-z0-9-]*?[a-z0-9]+$");
  private static final Pattern FEATURE_WITH_VERSION =
      Pattern.compile("^([a-z][a-z0-9-]*?[a-z0-9]+)\\s*?(>=|<)\\s*?(\\S+)$");
  private static final Pattern LOOSE_VERSION =
      Pattern.compile("^\\d{1,9}(\\.\\d{1,9})?(\\.\\d{1,9})?(?:-[a-z]+\\d*)?(\\.\\d{1,9})?$");
  private static final String CONTAINERS = "parsing containers: ";

  private V2KeysReader() {}

  static void charmUser(MetadataContext context, YamlNode node) {
    String text = context.schema.string(node, "charm-user");
    if (text != null && !Set.of("root", "sudoer", "non-root").contains(text)) {
      context.error(
          node.location(),
          "parsing charm-user: invalid charm-user "
              + GoFormat.quote(text)
              + " expected one of root, sudoer or non-root");
    }
  }

  static void assumes(MetadataContext context, YamlNode node) {
    YamlSequence list = context.schema.list(node, "assumes");
    if (list == null) {
      return;
    }
    for (int i = 0; i < list.items().size(); i++) {
      String error = expression(list.items().get(i));
      if (error != null) {
        context.error(
            list.items().get(i).location(),
            "parsing expression " + (i + 1) + " in top level \"assumes\" block: " + error);
      }
    }
  }

  /** Juju's assumes expression parser; returns the error text, or null when valid. */
  private static String expression(YamlNode node) {
    if (node instanceof YamlMapping map) {
      if (map.entries().size() != 1 || !(map.entries().get(0).key().value() instanceof String)) {
        return "malformed composite expression";
      }
      String kind = map.entries().get(0).key().text();
      YamlNode body = map.entries().get(0).value();
      if (!kind.equals("any-of") && !kind.equals("all-of") || body.isNull()) {
        return "malformed composite expression; expected an \"any-of\" or \"all-of\" block";
      }
      if (!(body instanceof YamlSequence items)) {
        return "malformed "
            + GoFormat.quote(kind)
            + " expression; expected a list of sub-expressions";
      }
      for (YamlNode item : items.items()) {
        String error = expression(item);
        if (error != null) {
          return "parsing " + GoFormat.quote(kind) + " expression: " + error;
        }
      }
      return null;
    }
    if (node instanceof YamlScalar scalar && scalar.value() instanceof String text) {
      String feature = text.strip();
      if (FEATURE_WITHOUT_VERSION.matcher(feature).matches()) {
        return null;
      }
      Matcher match = FEATURE_WITH_VERSION.matcher(feature);
      if (!match.matches()) {
        return "malformed feature expression " + GoFormat.quote(feature);
      }
      return LOOSE_VERSION.matcher(match.group(3)).matches()
          ? null
          : "malformed feature expression "
              + GoFormat.quote(feature)
              + ": invalid version "
              + GoFormat.quote(match.group(3));
    }
    return "expected a feature, \"any-of\" or \"all-of\" expression";
  }

  static void containers(
      MetadataContext context,
      YamlNode node,
      Map<String, ResourceMeta> resources,
      Map<String, StorageMeta> storage) {
    SchemaChecker schema = context.schema;
    YamlMapping map = schema.stringMap(node, "containers");
    if (map == null) {
      return;
    }
    for (YamlMapping.Entry entry : map.entries()) {
      if (!SchemaChecker.isStringKey(entry)) {
        continue;
      }
      String name = entry.key().text();
      String path = path("containers", name);
      YamlMapping container = schema.fieldMap(entry.value(), path);
      if (container == null) {
        continue;
      }
      String resource =
          container.get("resource").map(n -> schema.string(n, path(path, "resource"))).orElse("");
      YamlSequence mounts =
          container.get("mounts").map(n -> schema.list(n, path(path, "mounts"))).orElse(null);
      context.warnUnknown(container, path, Set.of("resource", "mounts", "uid", "gid"));
      if (resource != null && !resource.isEmpty()) {
        ResourceMeta meta = resources.get(resource);
        String problem =
            meta == null
                ? " not found"
                : meta.type().equals("oci-image") ? null : " is not a oci-image";
        if (problem != null) {
          context.error(
              container.get("resource").orElseThrow().location(),
              CONTAINERS + "referenced resource " + GoFormat.quote(resource) + problem);
        }
      }
      if (mounts != null) {
        mounts(context, name, mounts, path(path, "mounts"), storage);
      }
      id(context, container, "uid", name, path);
      id(context, container, "gid", name, path);
    }
  }

  private static void id(
      MetadataContext context, YamlMapping container, String key, String name, String path) {
    YamlNode node = container.get(key).orElse(null);
    Long id = node == null ? null : context.schema.integer(node, path(path, key));
    if (id != null && id >= 1000 && id < 10000) {
      context.error(
          node.location(),
          CONTAINERS
              + "container "
              + GoFormat.quote(name)
              + " has invalid "
              + key
              + " "
              + id
              + ": "
              + key
              + " cannot be in reserved range 1000-9999");
    }
  }

  private static void mounts(
      MetadataContext context,
      String container,
      YamlSequence mounts,
      String path,
      Map<String, StorageMeta> storage) {
    SchemaChecker schema = context.schema;
    String prefix = CONTAINERS + "container " + GoFormat.quote(container) + ": ";
    for (int i = 0; i < mounts.items().size(); i++) {
      YamlNode item = mounts.items().get(i);
      String itemPath = index(path, i);
      YamlMapping mount = schema.fieldMap(item, itemPath);
      if (mount == null) {
        continue;
      }
      String mounted =
          mount.get("storage").map(n -> schema.string(n, path(itemPath, "storage"))).orElse("");
      String location =
          mount.get("location").map(n -> schema.string(n, path(itemPath, "location"))).orElse("");
      context.warnUnknown(mount, itemPath, Set.of("storage", "location"));
      if (mounted == null || location == null) {
        continue;
      }
      if (mounted.isEmpty()) {
        context.error(item.location(), prefix + "storage must be specified on mount");
      } else if (location.isEmpty()) {
        context.error(item.location(), prefix + "location must be specified on mount");
      } else if (!storage.containsKey(mounted)) {
        context.error(
            mount.get("storage").orElseThrow().location(),
            prefix + "storage " + GoFormat.quote(mounted) + " not valid");
      }
    }
  }
}
