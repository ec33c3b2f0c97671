package dev.bosun.model.internal.charm;

import static dev.bosun.model.internal.charm.SchemaChecker.index;
import static dev.bosun.model.internal.charm.SchemaChecker.path;

import dev.bosun.model.charm.StorageMeta;
import dev.bosun.model.internal.GoFormat;
import dev.bosun.model.internal.yaml.YamlMapping;
import dev.bosun.model.internal.yaml.YamlNode;
import dev.bosun.model.internal.yaml.YamlScalar;
import dev.bosun.model.internal.yaml.YamlSequence;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code storage} as Juju's {@code storageSchema} and {@code Meta.Check} do.
 *
 * <p>{@code type} ({@code block} or {@code filesystem}) is required; {@code multiple.range} is
 * {@code m}, {@code m-n}, {@code m+} or {@code m-} (the last two unbounded, held as -1; the default
 * is 1..1); {@code minimum-size} is a number with an optional suffix M, G, T, P, E, Z or Y, held in
 * MiB; {@code location} is for filesystems only; {@code properties} may only hold {@code
 * transient}.
 */
final class StorageReader {
  private static final Pattern COUNT = Pattern.compile("^([0-9]+)([-+]|-[0-9]+)$");
  private static final String SIZE_SUFFIXES = "MGTPEZY";
  private static final Set<String> KEYS =
      Set.of(
          "type",
          "shared",
          "read-only",
          "multiple",
          "minimum-size",
          "location",
          "description",
          "properties");

  private final MetadataContext context;
  private final SchemaChecker schema;

  private StorageReader(MetadataContext context) {
    this.context = context;
    this.schema = context.schema;
  }

  /** Reads the {@code storage} map; entries with problems are left out. */
  static Map<String, StorageMeta> read(MetadataContext context, YamlNode node) {
    Map<String, StorageMeta> storage = new LinkedHashMap<>();
    YamlMapping map = context.schema.stringMap(node, "storage");
    if (map == null) {
      return storage;
    }
    StorageReader reader = new StorageReader(context);
    for (YamlMapping.Entry entry : map.entries()) {
      if (SchemaChecker.isStringKey(entry)) {
        String name = entry.key().text();
        StorageMeta meta = reader.entry(name, entry, path("storage", name));
        if (meta != null) {
          storage.put(name, meta);
        }
      }
    }
    return storage;
  }

  private StorageMeta entry(String name, YamlMapping.Entry entry, String path) {
    YamlMapping map = schema.fieldMap(entry.value(), path);
    if (map == null) {
      return null;
    }
    String type =
        schema.oneOf(
            map.get("type").orElse(SchemaChecker.nothingAt(map)),
            path(path, "type"),
            "block",
            "filesystem");
    boolean valid = type != null;
    Boolean shared = flag(map, "shared", path);
    Boolean readOnly = flag(map, "read-only", path);
    valid &= shared != null && readOnly != null;
    int[] range = {1, 1};
    YamlNode multipleNode = map.get("multiple").orElse(null);
    if (multipleNode != null) {
      YamlMapping multiple = schema.fieldMap(multipleNode, path(path, "multiple"));
      range =
          multiple == null
              ? null
              : count(
                  multiple.get("range").orElse(SchemaChecker.nothingAt(multiple)),
                  path(path(path, "multiple"), "range"));
      valid &= range != null;
      if (multiple != null) {
        context.warnUnknown(multiple, path(path, "multiple"), Set.of("range"));
      }
    }
    Long minimumSize = 0L;
    YamlNode sizeNode = map.get("minimum-size").orElse(null);
    if (sizeNode != null) {
      String text = schema.string(sizeNode, path(path, "minimum-size"));
      minimumSize = text == null ? null : size(text, sizeNode);
      valid &= minimumSize != null;
    }
    YamlNode locationNode = map.get("location").orElse(null);
    String location =
        locationNode == null ? null : schema.string(locationNode, path(path, "location"));
    valid &= locationNode == null || location != null;
    String description =
        map.get("description").map(n -> schema.string(n, path(path, "description"))).orElse("");
    valid &= description != null;
    YamlNode propertiesNode = map.get("properties").orElse(null);
    if (propertiesNode != null) {
      valid &= properties(propertiesNode, path(path, "properties"));
    }
    context.warnUnknown(map, path, KEYS);
    if (!valid) {
      return null;
    }
    String where = context.charm() + " storage " + GoFormat.quote(name) + ": ";
    if (location != null && !location.isEmpty() && !type.equals("filesystem")) {
      context.error(
          locationNode.location(),
          where + "location may not be specified for \"type: " + type + "\"");
      return null;
    }
    if (range[1] == 0 || range[1] < -1) {
      context.error(entry.key().location(), where + "invalid maximum count " + range[1]);
      return null;
    }
    return new StorageMeta(
        name, type, description, shared, readOnly, range[0], range[1], minimumSize, location);
  }

  private Boolean flag(YamlMapping map, String key, String path) {
    YamlNode node = map.get(key).orElse(null);
    return node == null ? Boolean.FALSE : schema.bool(node, path(path, key));
  }

  private boolean properties(YamlNode node, String path) {
    YamlSequence properties = schema.list(node, path);
    if (properties == null) {
      return false;
    }
    boolean valid = true;
    for (int i = 0; i < properties.items().size(); i++) {
      valid &= schema.oneOf(properties.items().get(i), index(path, i), "transient") != null;
    }
    return valid;
  }

  /** juju's {@code storageCountC}: {@code m}, {@code m-n}, {@code m+} or {@code m-}. */
  private int[] count(YamlNode node, String path) {
    Long single = null;
    String text = null;
    if (node instanceof YamlScalar scalar && scalar.value() instanceof Long number) {
      single = number;
    } else if (node instanceof YamlScalar scalar && scalar.value() instanceof String string) {
      text = string;
      single = GoStrconv.parseIntAnyBase(string);
    } else {
      schema.unexpected(node, path);
      return null;
    }
    if (single != null) {
      if (single <= 0 || single > Integer.MAX_VALUE) {
        schema.error(node, path, "invalid count " + single);
        return null;
      }
      return new int[] {single.intValue(), single.intValue()};
    }
    Matcher match = COUNT.matcher(text);
    if (match.matches()) {
      try {
        int min = Integer.parseInt(match.group(1));
        int max = match.group(2).length() == 1 ? -1 : Integer.parseInt(match.group(2).substring(1));
        return new int[] {min, max};
      } catch (NumberFormatException e) {
        // a count beyond int range does not match either
      }
    }
    schema.error(
        node, path, "value " + GoFormat.quote(text) + " does not match 'm', 'm-n', or 'm+'");
    return null;
  }

  /**
   * juju/utils {@code ParseSize}: a non-negative number with an optional suffix M, G, T, P, E, Z or
   * Y (optionally followed by B or iB), in MiB, rounded up. Its errors carry no path, as in Juju.
   */
  private Long size(String text, YamlNode node) {
    int split = 0;
    while (split < text.length()
        && (text.charAt(split) == '.' || Character.isDigit(text.charAt(split)))) {
      split++;
    }
    double multiplier = 1;
    String number = text;
    if (split > 0 && split < text.length()) {
      String suffix = text.substring(split);
      multiplier = 0;
      for (int i = 0; i < SIZE_SUFFIXES.length(); i++) {
        String base = String.valueOf(SIZE_SUFFIXES.charAt(i));
        if (suffix.equals(base) || suffix.equals(base + "B") || suffix.equals(base + "iB")) {
          multiplier = Math.pow(1024, i);
        }
      }
      if (multiplier == 0) {
        schema.error(
            node,
            "",
            "invalid multiplier suffix "
                + GoFormat.quote(suffix)
                + ", expected one of "
                + SIZE_SUFFIXES);
        return null;
      }
      number = text.substring(0, split);
    }
    Double value = GoStrconv.parseFloat(number);
    if (value == null || value.isNaN() || value < 0) {
      schema.error(node, "", "expected a non-negative number, got " + GoFormat.quote(number));
      return null;
    }
    return (long) Math.ceil(value * multiplier);
  }
}
