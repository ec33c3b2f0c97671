package dev.bosun.model.internal.charm;

import static dev.bosun.model.internal.charm.SchemaChecker.index;
import static dev.bosun.model.internal.charm.SchemaChecker.path;

import dev.bosun.model.Location;
import dev.bosun.model.Problem;
import dev.bosun.model.charm.Endpoint;
import dev.bosun.model.charm.ResourceMeta;
import dev.bosun.model.charm.Role;
import dev.bosun.model.charm.Scope;
import dev.bosun.model.charm.StorageMeta;
import dev.bosun.model.internal.yaml.YamlMapping;
import dev.bosun.model.internal.yaml.YamlNode;
import dev.bosun.model.internal.yaml.YamlScalar;
import dev.bosun.model.internal.yaml.YamlSequence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code metadata.yaml} as Juju's {@code ReadMeta} and {@code Meta.Check} do, reporting every
 * problem rather than the first.
 *
 * <p>The steps follow Juju: the v1/v2 key check ({@code ensureUnambiguousFormat}), the schema
 * ({@code charmSchema}; its errors are prefixed {@code metadata: }), the parsing of resources,
 * containers, {@code charm-user}, {@code assumes} and {@code min-juju-version}, then {@code Check}:
 * the metadata format against {@code manifest.yaml}, reserved and duplicated relation names, extra
 * bindings, the subordinate's container-scoped requirer, series, storage, devices, resources and
 * terms.
 *
 * <p>Unknown top-level keys, and unknown keys inside endpoints, storage, resources and containers,
 * are ignored as Juju ignores them, with a warning. The informational keys Charmcraft writes
 * ({@code display-name}, {@code maintainer(s)}, {@code docs}, {@code issues}, {@code source},
 * {@code website}) are accepted silently; the obsolete {@code revision} and {@code format} with a
 * warning.
 */
public final class MetadataReader {
  private static final String PREFIX = "metadata: ";

  private static final Set<String> KNOWN_KEYS =
      Set.of(
          "name",
          "summary",
          "description",
          "provides",
          "requires",
          "peers",
          "extra-bindings",
          "revision",
          "format",
          "subordinate",
          "categories",
          "tags",
          "series",
          "storage",
          "devices",
          "deployment",
          "payloads",
          "resources",
          "terms",
          "min-juju-version",
          "assumes",
          "containers",
          "charm-user");
  private static final Set<String> INFORMATIONAL_KEYS =
      Set.of("display-name", "maintainer", "maintainers", "docs", "issues", "source", "website");
  private static final Set<String> V1_KEYS = Set.of("series", "deployment", "min-juju-version");
  private static final Set<String> V2_KEYS = Set.of("containers", "assumes", "charm-user");

  private static final Pattern VALID_SERIES = Pattern.compile("^[a-z]+([a-z0-9]+)?$");
  private static final Pattern STORAGE_COUNT = Pattern.compile("^([0-9]+)([-+]|-[0-9]+)$");
  private static final Pattern JUJU_VERSION =
      Pattern.compile("^(\\d{1,9})\\.(\\d{1,9})(?:\\.|-([a-z]+))(\\d{1,9})(\\.\\d{1,9})?$");
  private static final Pattern TERM_NAME = Pattern.compile("^[a-z](-?[a-z0-9]+)+$");
  private static final Pattern USER_NAME =
      Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9.+-]*[a-zA-Z0-9](?:@[a-zA-Z0-9.-]*)?$");
  private static final Pattern FEATURE_WITHOUT_VERSION =
      Pattern.compile("^[a-z][a-z0-9-]*?[a-z0-9]+$");
  private static final Pattern FEATURE_WITH_VERSION =
      Pattern.compile("^([a-z][a-z0-9-]*?[a-z0-9]+)\\s*?(>=|<)\\s*?(\\S+)$");
  private static final Pattern LOOSE_VERSION =
      Pattern.compile("^\\d{1,9}(\\.\\d{1,9})?(\\.\\d{1,9})?(?:-[a-z]+\\d*)?(\\.\\d{1,9})?$");
  private static final String SIZE_SUFFIXES = "MGTPEZY";

  private final List<Problem> problems;
  private final List<Problem> warnings;
  private final SchemaChecker schema;

  private String charmName = "";
  private String summary = "";
  private String description = "";
  private boolean subordinate;
  private final Map<String, Endpoint> provides = new LinkedHashMap<>();
  private final Map<String, Endpoint> requires = new LinkedHashMap<>();
  private final Map<String, Endpoint> peers = new LinkedHashMap<>();
  private final Map<String, YamlNode> endpointKeys = new HashMap<>();
  private final Map<String, YamlNode> interfaceNodes = new HashMap<>();
  private final Map<String, ResourceMeta> resources = new LinkedHashMap<>();
  private final Map<String, StorageMeta> storage = new LinkedHashMap<>();
  private final List<String> series = new ArrayList<>();
  private final List<String> tags = new ArrayList<>();
  private final Set<String> extraBindings = new LinkedHashSet<>();

  private MetadataReader(List<Problem> problems, List<Problem> warnings) {
    this.problems = problems;
    this.warnings = warnings;
    this.schema = new SchemaChecker(problems, PREFIX);
  }

  /**
   * Reads a {@code metadata.yaml} document.
   *
   * @param document the parsed document (a null scalar when the file is empty)
   * @param manifestPresent whether the charm has a {@code manifest.yaml}
   * @param manifest the manifest read, or null when absent or invalid
   * @param problems where errors are added
   * @param warnings where warnings are added
   * @return the metadata; meaningful only when no error was added
   */
  public static Metadata read(
      YamlNode document,
      boolean manifestPresent,
      Manifest manifest,
      List<Problem> problems,
      List<Problem> warnings) {
    MetadataReader reader = new MetadataReader(problems, warnings);
    reader.readDocument(document, manifestPresent, manifest);
    return new Metadata(
        reader.charmName,
        reader.summary,
        reader.description,
        reader.subordinate,
        reader.provides,
        reader.requires,
        reader.peers,
        reader.extraBindings,
        reader.resources,
        reader.storage,
        reader.series,
        reader.tags);
  }

  private void readDocument(YamlNode document, boolean manifestPresent, Manifest manifest) {
    YamlMapping root =
        document.isNull()
            ? new YamlMapping(List.of(), document.location())
            : schema.fieldMap(document, "");
    if (root == null) {
      return;
    }
    for (YamlMapping.Entry entry : root.entries()) {
      if (!SchemaChecker.isStringKey(entry)) {
        schema.error(
            entry.key(), "", "expected map[string], got key " + GoFormat.typed(entry.key()));
      }
    }
    checkUnambiguousFormat(root);

    String name = required(root, "name");
    charmName = name == null ? "" : name;
    summary = orEmpty(required(root, "summary"));
    description = orEmpty(required(root, "description"));
    field(root, "subordinate")
        .ifPresent(n -> subordinate = Boolean.TRUE.equals(schema.bool(n, "subordinate")));
    relations(root, "provides", Role.PROVIDER, provides);
    relations(root, "requires", Role.REQUIRER, requires);
    relations(root, "peers", Role.PEER, peers);
    field(root, "extra-bindings").ifPresent(this::extraBindings);
    field(root, "revision")
        .ifPresent(n -> obsolete(root, "revision", schema.integer(n, "revision")));
    field(root, "format").ifPresent(n -> obsolete(root, "format", schema.integer(n, "format")));
    field(root, "tags").ifPresent(n -> addAll(tags, schema.stringList(n, "tags")));
    field(root, "categories")
        .ifPresent(
            n -> {
              List<String> categories = schema.stringList(n, "categories");
              if (categories != null) {
                categories.stream().filter(c -> !tags.contains(c)).forEach(tags::add);
              }
            });
    field(root, "series").ifPresent(n -> addAll(series, schema.stringList(n, "series")));
    field(root, "storage").ifPresent(this::storage);
    field(root, "devices").ifPresent(this::devices);
    field(root, "payloads").ifPresent(this::payloads);
    field(root, "resources").ifPresent(this::resources);
    List<String> terms = field(root, "terms").map(n -> schema.stringList(n, "terms")).orElse(null);
    field(root, "min-juju-version").ifPresent(this::minJujuVersion);
    field(root, "deployment").ifPresent(this::deployment);
    field(root, "assumes").ifPresent(this::assumes);
    field(root, "containers").ifPresent(this::containers);
    field(root, "charm-user").ifPresent(this::charmUser);
    warnUnknownKeys(root);

    checkFormat(root, manifestPresent, manifest);
    checkRelations();
    checkExtraBindings(root);
    checkSubordinate(root);
    checkSeries(root);
    checkTerms(root, terms);
  }

  // ---------------------------------------------------------------- schema

  private java.util.Optional<YamlNode> field(YamlMapping map, String key) {
    return map.get(key);
  }

  private String required(YamlMapping root, String key) {
    YamlNode node = root.get(key).orElse(SchemaChecker.nothingAt(root));
    return schema.string(node, key);
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }

  private static void addAll(List<String> into, List<String> items) {
    if (items != null) {
      into.addAll(items);
    }
  }

  private void obsolete(YamlMapping root, String key, Long value) {
    if (value != null) {
      warnings.add(
          Problem.warning(
              root.entry(key).orElseThrow().key().location(),
              PREFIX + GoFormat.quote(key) + " is obsolete and ignored"));
    }
  }

  private void warnUnknownKeys(YamlMapping root) {
    for (YamlMapping.Entry entry : root.entries()) {
      String key = entry.key().text();
      if (SchemaChecker.isStringKey(entry)
          && !KNOWN_KEYS.contains(key)
          && !INFORMATIONAL_KEYS.contains(key)) {
        unknownKey(entry, "");
      }
    }
  }

  private void unknownKey(YamlMapping.Entry entry, String parentPath) {
    warnings.add(
        Problem.warning(
            entry.key().location(),
            PREFIX
                + (parentPath.isEmpty() ? "" : parentPath + ": ")
                + "unknown key "
                + GoFormat.quote(entry.key().text())
                + " ignored"));
  }

  private void warnUnknown(YamlMapping map, String path, Set<String> known) {
    for (YamlMapping.Entry entry : map.entries()) {
      if (SchemaChecker.isStringKey(entry) && !known.contains(entry.key().text())) {
        unknownKey(entry, path);
      }
    }
  }

  private void checkUnambiguousFormat(YamlMapping root) {
    List<String> keys = new ArrayList<>();
    for (YamlMapping.Entry entry : root.entries()) {
      if (SchemaChecker.isStringKey(entry)) {
        keys.add(entry.key().text());
      }
    }
    keys.sort(null);
    Boolean firstIsV2 = null;
    List<String> matched = new ArrayList<>();
    List<String> mismatched = new ArrayList<>();
    String firstMismatched = null;
    for (String key : keys) {
      boolean v1 = V1_KEYS.contains(key);
      boolean v2 = V2_KEYS.contains(key);
      if (!v1 && !v2) {
        continue;
      }
      if (firstIsV2 == null) {
        firstIsV2 = v2;
      }
      if (firstIsV2 == v2) {
        matched.add(key);
      } else {
        mismatched.add(key);
        if (firstMismatched == null) {
          firstMismatched = key;
        }
      }
    }
    if (!mismatched.isEmpty()) {
      problems.add(
          Problem.error(
              root.entry(firstMismatched).orElseThrow().key().location(),
              "ambiguous metadata: keys "
                  + quotedList(mismatched)
                  + " cannot be used with "
                  + quotedList(matched)));
    }
  }

  private static String quotedList(List<String> keys) {
    return "\"" + String.join("\", \"", keys) + "\"";
  }

  // ------------------------------------------------------------- relations

  private void relations(YamlMapping root, String section, Role role, Map<String, Endpoint> into) {
    YamlNode node = root.get(section).orElse(null);
    if (node == null) {
      return;
    }
    YamlMapping map = schema.stringMap(node, section);
    if (map == null) {
      return;
    }
    for (YamlMapping.Entry entry : map.entries()) {
      if (!SchemaChecker.isStringKey(entry)) {
        continue;
      }
      String name = entry.key().text();
      Endpoint endpoint = endpoint(name, role, entry.value(), path(section, name));
      if (endpoint != null) {
        into.put(name, endpoint);
        endpointKeys.putIfAbsent(role + "/" + name, entry.key());
      }
    }
  }

  private Endpoint endpoint(String name, Role role, YamlNode value, String path) {
    if (value instanceof YamlScalar scalar && scalar.value() instanceof String interfaceName) {
      interfaceNodes.put(role + "/" + name, value);
      return new Endpoint(name, role, interfaceName, Scope.GLOBAL, 0, false);
    }
    YamlMapping map = schema.stringMap(value, path);
    if (map == null) {
      return null;
    }
    YamlNode interfaceNode = map.get("interface").orElse(SchemaChecker.nothingAt(map));
    String interfaceName = schema.string(interfaceNode, path(path, "interface"));
    interfaceNodes.put(role + "/" + name, interfaceNode);
    int limit = 0;
    YamlNode limitNode = map.get("limit").orElse(null);
    boolean valid = interfaceName != null;
    if (limitNode != null && !limitNode.isNull()) {
      Long parsed = integerOrNull(limitNode);
      if (parsed == null) {
        schema.unexpected(limitNode, path(path, "limit"));
        valid = false;
      } else if (parsed < 0) {
        warnings.add(
            Problem.warning(
                limitNode.location(),
                PREFIX
                    + path(path, "limit")
                    + ": negative limit "
                    + parsed
                    + " means no limit, as 0 does"));
      } else if (parsed > Integer.MAX_VALUE) {
        schema.unexpected(limitNode, path(path, "limit"));
        valid = false;
      } else {
        limit = parsed.intValue();
      }
    }
    Scope scope = Scope.GLOBAL;
    YamlNode scopeNode = map.get("scope").orElse(null);
    if (scopeNode != null) {
      String text = schema.oneOf(scopeNode, path(path, "scope"), "global", "container");
      if (text == null) {
        valid = false;
      } else {
        scope = Scope.fromJujuName(text);
      }
    }
    boolean optional = false;
    YamlNode optionalNode = map.get("optional").orElse(null);
    if (optionalNode != null) {
      Boolean value2 = schema.bool(optionalNode, path(path, "optional"));
      valid &= value2 != null;
      optional = Boolean.TRUE.equals(value2);
    }
    warnUnknown(map, path, Set.of("interface", "limit", "scope", "optional"));
    return valid ? new Endpoint(name, role, interfaceName, scope, limit, optional) : null;
  }

  private static Long integerOrNull(YamlNode node) {
    if (node instanceof YamlScalar scalar) {
      if (scalar.value() instanceof Long number) {
        return number;
      }
      if (scalar.value() instanceof String text) {
        return GoStrconv.parseIntAnyBase(text);
      }
    }
    return null;
  }

  private void checkRelations() {
    Set<String> names = new HashSet<>();
    checkRelations(provides, Role.PROVIDER, names);
    checkRelations(requires, Role.REQUIRER, names);
    checkRelations(peers, Role.PEER, names);
  }

  private void checkRelations(Map<String, Endpoint> section, Role role, Set<String> names) {
    for (Endpoint endpoint : section.values()) {
      YamlNode key = endpointKeys.get(role + "/" + endpoint.name());
      boolean subordinateRequirer =
          subordinate && role == Role.REQUIRER && endpoint.scope() == Scope.CONTAINER;
      if (!subordinateRequirer && isReserved(endpoint.name())) {
        problems.add(
            Problem.error(
                key.location(),
                String.format(
                    "charm %s using a reserved relation name: %s",
                    GoFormat.quote(charmName), GoFormat.quote(endpoint.name()))));
      }
      if (role != Role.REQUIRER && isReserved(endpoint.interfaceName())) {
        problems.add(
            Problem.error(
                interfaceNodes.get(role + "/" + endpoint.name()).location(),
                String.format(
                    "charm %s relation %s using a reserved interface: %s",
                    GoFormat.quote(charmName),
                    GoFormat.quote(endpoint.name()),
                    GoFormat.quote(endpoint.interfaceName()))));
      }
      if (!names.add(endpoint.name())) {
        problems.add(
            Problem.error(
                key.location(),
                String.format(
                    "charm %s using a duplicated relation name: %s",
                    GoFormat.quote(charmName), GoFormat.quote(endpoint.name()))));
      }
    }
  }

  /** Juju's {@code reservedName}: {@code juju} and {@code juju-*}, unless the charm is juju-*. */
  private boolean isReserved(String name) {
    return reservedReason(charmName, name) != null;
  }

  /**
   * Returns why a name is reserved for the given charm, in Juju's words, or null when it is not:
   * {@code "juju" is a reserved name} or {@code the "juju-" prefix is reserved}. Names are never
   * reserved for a charm whose own name starts with {@code juju-}.
   */
  public static String reservedReason(String charmName, String name) {
    if (charmName.startsWith("juju-")) {
      return null;
    }
    if (name.equals("juju")) {
      return "\"juju\" is a reserved name";
    }
    if (name.startsWith("juju-")) {
      return "the \"juju-\" prefix is reserved";
    }
    return null;
  }

  private void checkSubordinate(YamlMapping root) {
    if (!subordinate) {
      return;
    }
    boolean containerRequirer =
        requires.values().stream().anyMatch(e -> e.scope() == Scope.CONTAINER);
    if (!containerRequirer) {
      problems.add(
          Problem.error(
              root.entry("subordinate").orElseThrow().key().location(),
              String.format(
                  "subordinate charm %s lacks \"requires\" relation with container scope",
                  GoFormat.quote(charmName))));
    }
  }

  // -------------------------------------------------------- extra bindings

  private YamlNode extraBindingsNode;

  private void extraBindings(YamlNode node) {
    extraBindingsNode = node;
    if (!(node instanceof YamlMapping map)) {
      schema.expected(node, "extra-bindings", "map");
      return;
    }
    for (YamlMapping.Entry entry : map.entries()) {
      YamlScalar key = entry.key();
      if (!(key.value() instanceof String name) || name.isEmpty()) {
        schema.error(
            key, "extra-bindings", "expected non-empty binding name, got " + GoFormat.typed(key));
        continue;
      }
      if (!entry.value().isNull()) {
        schema.error(
            entry.value(),
            path("extra-bindings", name),
            "expected empty value, got " + GoFormat.typed(entry.value()));
        continue;
      }
      extraBindings.add(name);
    }
  }

  private void checkExtraBindings(YamlMapping root) {
    if (extraBindingsNode == null || !(extraBindingsNode instanceof YamlMapping map)) {
      return;
    }
    String heading = "charm " + GoFormat.quote(charmName) + " has invalid extra bindings: ";
    if (map.entries().isEmpty()) {
      problems.add(
          Problem.error(
              root.entry("extra-bindings").orElseThrow().key().location(),
              heading + "extra bindings cannot be empty when specified"));
      return;
    }
    Set<String> relationNames = new TreeSet<>();
    relationNames.addAll(provides.keySet());
    relationNames.addAll(requires.keySet());
    relationNames.addAll(peers.keySet());
    for (YamlMapping.Entry entry : map.entries()) {
      if (entry.key().value() instanceof String name && relationNames.contains(name)) {
        problems.add(
            Problem.error(
                entry.key().location(),
                heading
                    + "relation "
                    + GoFormat.quote(name)
                    + " cannot be used in extra bindings"));
      }
    }
  }

  // --------------------------------------------------------------- storage

  private void storage(YamlNode node) {
    YamlMapping map = schema.stringMap(node, "storage");
    if (map == null) {
      return;
    }
    for (YamlMapping.Entry entry : map.entries()) {
      if (SchemaChecker.isStringKey(entry)) {
        StorageMeta meta =
            storageEntry(entry.key().text(), entry, path("storage", entry.key().text()));
        if (meta != null) {
          storage.put(meta.name(), meta);
        }
      }
    }
  }

  private StorageMeta storageEntry(String name, YamlMapping.Entry entry, String path) {
    YamlMapping map = schema.fieldMap(entry.value(), path);
    if (map == null) {
      return null;
    }
    boolean valid = true;
    String type =
        schema.oneOf(
            map.get("type").orElse(SchemaChecker.nothingAt(map)),
            path(path, "type"),
            "block",
            "filesystem");
    valid &= type != null;
    boolean shared = false;
    if (map.has("shared")) {
      Boolean value = schema.bool(map.get("shared").orElseThrow(), path(path, "shared"));
      valid &= value != null;
      shared = Boolean.TRUE.equals(value);
    }
    boolean readOnly = false;
    if (map.has("read-only")) {
      Boolean value = schema.bool(map.get("read-only").orElseThrow(), path(path, "read-only"));
      valid &= value != null;
      readOnly = Boolean.TRUE.equals(value);
    }
    int countMin = 1;
    int countMax = 1;
    YamlNode multipleNode = map.get("multiple").orElse(null);
    if (multipleNode != null) {
      YamlMapping multiple = schema.fieldMap(multipleNode, path(path, "multiple"));
      if (multiple == null) {
        valid = false;
      } else {
        YamlNode rangeNode = multiple.get("range").orElse(SchemaChecker.nothingAt(multiple));
        int[] range = storageCount(rangeNode, path(path(path, "multiple"), "range"));
        if (range == null) {
          valid = false;
        } else {
          countMin = range[0];
          countMax = range[1];
        }
        warnUnknown(multiple, path(path, "multiple"), Set.of("range"));
      }
    }
    long minimumSize = 0;
    YamlNode sizeNode = map.get("minimum-size").orElse(null);
    if (sizeNode != null) {
      String text = schema.string(sizeNode, path(path, "minimum-size"));
      Long size = text == null ? null : parseSize(text, sizeNode);
      valid &= size != null;
      minimumSize = size == null ? 0 : size;
    }
    String location = null;
    YamlNode locationNode = map.get("location").orElse(null);
    if (locationNode != null) {
      location = schema.string(locationNode, path(path, "location"));
      valid &= location != null;
    }
    String storageDescription = "";
    if (map.has("description")) {
      String text = schema.string(map.get("description").orElseThrow(), path(path, "description"));
      valid &= text != null;
      storageDescription = orEmpty(text);
    }
    YamlNode propertiesNode = map.get("properties").orElse(null);
    if (propertiesNode != null) {
      YamlSequence properties = schema.list(propertiesNode, path(path, "properties"));
      if (properties == null) {
        valid = false;
      } else {
        for (int i = 0; i < properties.items().size(); i++) {
          valid &=
              schema.oneOf(
                      properties.items().get(i), index(path(path, "properties"), i), "transient")
                  != null;
        }
      }
    }
    warnUnknown(
        map,
        path,
        Set.of(
            "type",
            "shared",
            "read-only",
            "multiple",
            "minimum-size",
            "location",
            "description",
            "properties"));
    if (!valid) {
      return null;
    }
    String where = "charm " + GoFormat.quote(charmName) + " storage " + GoFormat.quote(name) + ": ";
    if (location != null && !location.isEmpty() && !type.equals("filesystem")) {
      problems.add(
          Problem.error(
              locationNode.location(),
              where + "location may not be specified for \"type: " + type + "\""));
      return null;
    }
    if (countMin < 0) {
      problems.add(
          Problem.error(entry.key().location(), where + "invalid minimum count " + countMin));
      return null;
    }
    if (countMax == 0 || countMax < -1) {
      problems.add(
          Problem.error(entry.key().location(), where + "invalid maximum count " + countMax));
      return null;
    }
    return new StorageMeta(
        name,
        type,
        storageDescription,
        shared,
        readOnly,
        countMin,
        countMax,
        minimumSize,
        location);
  }

  /** juju's {@code storageCountC}: {@code m}, {@code m-n}, {@code m+} or {@code m-}. */
  private int[] storageCount(YamlNode node, String path) {
    if (node instanceof YamlScalar scalar && scalar.value() instanceof Long count) {
      if (count <= 0) {
        schema.error(node, path, "invalid count " + count);
        return null;
      }
      return new int[] {count.intValue(), count.intValue()};
    }
    if (!(node instanceof YamlScalar scalar) || !(scalar.value() instanceof String text)) {
      schema.unexpected(node, path);
      return null;
    }
    Long single = GoStrconv.parseIntAnyBase(text);
    if (single != null) {
      if (single <= 0) {
        schema.error(node, path, "invalid count " + single);
        return null;
      }
      return new int[] {single.intValue(), single.intValue()};
    }
    Matcher match = STORAGE_COUNT.matcher(text);
    if (!match.matches()) {
      schema.error(
          node, path, "value " + GoFormat.quote(text) + " does not match 'm', 'm-n', or 'm+'");
      return null;
    }
    try {
      int min = Integer.parseInt(match.group(1));
      int max = match.group(2).length() == 1 ? -1 : Integer.parseInt(match.group(2).substring(1));
      return new int[] {min, max};
    } catch (NumberFormatException e) {
      schema.error(node, path, "value " + GoFormat.quote(text) + " is out of range");
      return null;
    }
  }

  /**
   * juju/utils {@code ParseSize}: a non-negative number with an optional suffix M, G, T, P, E, Z or
   * Y (optionally followed by B or iB), in MiB, rounded up.
   */
  private Long parseSize(String text, YamlNode node) {
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
    if (value == null || value < 0 || value.isNaN()) {
      schema.error(node, "", "expected a non-negative number, got " + GoFormat.quote(number));
      return null;
    }
    return (long) Math.ceil(value * multiplier);
  }

  // --------------------------------------------------------------- devices

  private void devices(YamlNode node) {
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
      Long min = device.get("countmin").map(n -> deviceCount(n, path(path, "countmin"))).orElse(1L);
      Long max = device.get("countmax").map(n -> deviceCount(n, path(path, "countmax"))).orElse(1L);
      warnUnknown(device, path, Set.of("description", "type", "countmin", "countmax"));
      String where =
          "charm " + GoFormat.quote(charmName) + " device " + GoFormat.quote(name) + ": ";
      if (type != null && type.isEmpty()) {
        problems.add(Problem.error(entry.key().location(), where + "type must be specified"));
      }
      if (min != null && max != null && min >= 0 && max >= 0 && min > max) {
        problems.add(
            Problem.error(
                entry.key().location(),
                where + "maximum count " + max + " can not be smaller than minimum count " + min));
      }
    }
  }

  private Long deviceCount(YamlNode node, String path) {
    Long count = schema.integer(node, path);
    if (count != null && count < 0) {
      schema.error(node, "", "invalid device count " + count);
      return null;
    }
    return count;
  }

  // -------------------------------------------------------------- payloads

  private void payloads(YamlNode node) {
    YamlMapping map = schema.stringMap(node, "payloads");
    if (map == null) {
      return;
    }
    for (YamlMapping.Entry entry : map.entries()) {
      if (!SchemaChecker.isStringKey(entry)) {
        continue;
      }
      String path = path("payloads", entry.key().text());
      YamlMapping payload = schema.fieldMap(entry.value(), path);
      if (payload != null) {
        schema.string(
            payload.get("type").orElse(SchemaChecker.nothingAt(payload)), path(path, "type"));
        warnUnknown(payload, path, Set.of("type"));
      }
    }
  }

  // ------------------------------------------------------------- resources

  private void resources(YamlNode node) {
    YamlMapping map = schema.stringMap(node, "resources");
    if (map == null) {
      return;
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
      String resourceDescription =
          resource
              .get("description")
              .map(n -> schema.string(n, path(path, "description")))
              .orElse("");
      warnUnknown(resource, path, Set.of("type", "filename", "description"));
      if (type == null || filename == null || resourceDescription == null) {
        continue;
      }
      if (!type.equals("file") && !type.equals("oci-image")) {
        problems.add(
            Problem.error(
                typeNode.location(), "unsupported resource type " + GoFormat.quote(type)));
        continue;
      }
      Location where = filenameNode == null ? entry.key().location() : filenameNode.location();
      if (name.isEmpty()) {
        problems.add(Problem.error(entry.key().location(), "resource missing name"));
        continue;
      }
      if (type.equals("file") && filename.isEmpty()) {
        problems.add(Problem.error(where, "resource missing filename"));
        continue;
      }
      if (type.equals("file") && filename.contains("/")) {
        problems.add(
            Problem.error(
                where, "filename cannot contain \"/\" (got " + GoFormat.quote(filename) + ")"));
        continue;
      }
      resources.put(
          name,
          new ResourceMeta(name, type, filename.isEmpty() ? null : filename, resourceDescription));
    }
  }

  // ---------------------------------------------------------- v1-only keys

  private void minJujuVersion(YamlNode node) {
    String text = schema.string(node, "min-juju-version");
    if (text != null && !JUJU_VERSION.matcher(text).matches()) {
      problems.add(
          Problem.error(
              node.location(),
              "invalid min-juju-version: invalid version " + GoFormat.quote(text)));
    }
  }

  private void deployment(YamlNode node) {
    YamlMapping map = schema.fieldMap(node, "deployment");
    if (map == null) {
      return;
    }
    boolean valid = true;
    if (map.has("type")) {
      valid &=
          schema.oneOf(
                  map.get("type").orElseThrow(),
                  "deployment.type",
                  "stateful",
                  "stateless",
                  "daemon")
              != null;
    }
    if (map.has("mode")) {
      valid &=
          schema.oneOf(map.get("mode").orElseThrow(), "deployment.mode", "operator", "workload")
              != null;
    }
    if (map.has("service")) {
      valid &=
          schema.oneOf(
                  map.get("service").orElseThrow(),
                  "deployment.service",
                  "cluster",
                  "loadbalancer",
                  "external",
                  "omit")
              != null;
    }
    if (map.has("min-version")) {
      valid &=
          schema.string(map.get("min-version").orElseThrow(), "deployment.min-version") != null;
    }
    warnUnknown(map, "deployment", Set.of("type", "mode", "service", "min-version"));
    if (!valid) {
      return;
    }
    if (series.isEmpty()) {
      problems.add(
          Problem.error(
              node.location(), "charm with deployment metadata must declare at least one series"));
    } else if (!series.get(0).equals("kubernetes")) {
      problems.add(
          Problem.error(
              node.location(),
              "charms with deployment metadata only supported for \"kubernetes\""));
    }
  }

  // ---------------------------------------------------------- v2-only keys

  private void charmUser(YamlNode node) {
    String text = schema.string(node, "charm-user");
    if (text != null && !Set.of("root", "sudoer", "non-root").contains(text)) {
      problems.add(
          Problem.error(
              node.location(),
              "parsing charm-user: invalid charm-user "
                  + GoFormat.quote(text)
                  + " expected one of root, sudoer or non-root"));
    }
  }

  private void assumes(YamlNode node) {
    YamlSequence list = schema.list(node, "assumes");
    if (list == null) {
      return;
    }
    for (int i = 0; i < list.items().size(); i++) {
      String error = assumesExpression(list.items().get(i));
      if (error != null) {
        problems.add(
            Problem.error(
                list.items().get(i).location(),
                "parsing expression " + (i + 1) + " in top level \"assumes\" block: " + error));
      }
    }
  }

  /** Juju's assumes expression parser; returns the error text, or null when valid. */
  private static String assumesExpression(YamlNode node) {
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
        String error = assumesExpression(item);
        if (error != null) {
          return "parsing " + GoFormat.quote(kind) + " expression: " + error;
        }
      }
      return null;
    }
    if (node instanceof YamlScalar scalar && scalar.value() instanceof String text) {
      String expression = text.strip();
      if (FEATURE_WITHOUT_VERSION.matcher(expression).matches()) {
        return null;
      }
      Matcher match = FEATURE_WITH_VERSION.matcher(expression);
      if (match.matches()) {
        if (LOOSE_VERSION.matcher(match.group(3)).matches()) {
          return null;
        }
        return "malformed feature expression "
            + GoFormat.quote(expression)
            + ": invalid version "
            + GoFormat.quote(match.group(3));
      }
      return "malformed feature expression " + GoFormat.quote(expression);
    }
    return "expected a feature, \"any-of\" or \"all-of\" expression";
  }

  private void containers(YamlNode node) {
    YamlMapping map = schema.stringMap(node, "containers");
    if (map == null) {
      return;
    }
    // Resources and storage are read before containers, as in Juju's parseMeta.
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
      Long uid = container.get("uid").map(n -> schema.integer(n, path(path, "uid"))).orElse(null);
      Long gid = container.get("gid").map(n -> schema.integer(n, path(path, "gid"))).orElse(null);
      warnUnknown(container, path, Set.of("resource", "mounts", "uid", "gid"));
      String failure = "parsing containers: ";
      if (resource != null && !resource.isEmpty()) {
        ResourceMeta meta = resources.get(resource);
        Location at = container.get("resource").orElseThrow().location();
        if (meta == null) {
          problems.add(
              Problem.error(
                  at, failure + "referenced resource " + GoFormat.quote(resource) + " not found"));
        } else if (!meta.type().equals("oci-image")) {
          problems.add(
              Problem.error(
                  at,
                  failure
                      + "referenced resource "
                      + GoFormat.quote(resource)
                      + " is not a oci-image"));
        }
      }
      if (mounts != null) {
        mounts(name, mounts, path(path, "mounts"), failure);
      }
      String quoted = GoFormat.quote(name);
      if (uid != null && uid >= 1000 && uid < 10000) {
        problems.add(
            Problem.error(
                container.get("uid").orElseThrow().location(),
                failure
                    + "container "
                    + quoted
                    + " has invalid uid "
                    + uid
                    + ": uid cannot be in reserved range 1000-9999"));
      }
      if (gid != null && gid >= 1000 && gid < 10000) {
        problems.add(
            Problem.error(
                container.get("gid").orElseThrow().location(),
                failure
                    + "container "
                    + quoted
                    + " has invalid gid "
                    + gid
                    + ": gid cannot be in reserved range 1000-9999"));
      }
    }
  }

  private void mounts(String container, YamlSequence mounts, String path, String failure) {
    String prefix = failure + "container " + GoFormat.quote(container) + ": ";
    for (int i = 0; i < mounts.items().size(); i++) {
      YamlNode item = mounts.items().get(i);
      String itemPath = index(path, i);
      YamlMapping mount = schema.fieldMap(item, itemPath);
      if (mount == null) {
        continue;
      }
      String mountStorage =
          mount.get("storage").map(n -> schema.string(n, path(itemPath, "storage"))).orElse("");
      String location =
          mount.get("location").map(n -> schema.string(n, path(itemPath, "location"))).orElse("");
      warnUnknown(mount, itemPath, Set.of("storage", "location"));
      if (mountStorage == null || location == null) {
        continue;
      }
      if (mountStorage.isEmpty()) {
        problems.add(Problem.error(item.location(), prefix + "storage must be specified on mount"));
      } else if (location.isEmpty()) {
        problems.add(
            Problem.error(item.location(), prefix + "location must be specified on mount"));
      } else if (!storage.containsKey(mountStorage)) {
        problems.add(
            Problem.error(
                mount.get("storage").orElseThrow().location(),
                prefix + "storage " + GoFormat.quote(mountStorage) + " not valid"));
      }
    }
  }

  // ---------------------------------------------------------------- format

  private void checkFormat(YamlMapping root, boolean manifestPresent, Manifest manifest) {
    if (manifestPresent && manifest == null) {
      return; // the manifest has errors of its own; the format cannot be told
    }
    boolean v2 = manifest != null && !manifest.bases().isEmpty();
    if (v2) {
      notValidIfPresent(root, "series", "series slice in metadata v2");
      notValidIfPresent(root, "min-juju-version", "min-juju-version in metadata v2");
      notValidIfPresent(root, "deployment", "deployment in metadata v2");
      return;
    }
    if (!manifestPresent) {
      for (YamlMapping.Entry entry : root.entries()) {
        if (V2_KEYS.contains(entry.key().text())) {
          problems.add(
              Problem.error(entry.key().location(), "metadata v2 without manifest.yaml not valid"));
          return;
        }
      }
      return;
    }
    notValidIfPresent(root, "assumes", "assumes in metadata v1");
    notValidIfPresent(root, "containers", "containers in metadata v1");
  }

  private void notValidIfPresent(YamlMapping root, String key, String what) {
    root.entry(key)
        .ifPresent(
            entry -> problems.add(Problem.error(entry.key().location(), what + " not valid")));
  }

  private void checkSeries(YamlMapping root) {
    YamlNode node = root.get("series").orElse(null);
    if (!(node instanceof YamlSequence list)) {
      return;
    }
    for (YamlNode item : list.items()) {
      if (item instanceof YamlScalar scalar
          && scalar.value() instanceof String name
          && !VALID_SERIES.matcher(name).matches()) {
        problems.add(
            Problem.error(
                item.location(),
                String.format(
                    "charm %s declares invalid series: %s",
                    GoFormat.quote(charmName), GoFormat.quote(name))));
      }
    }
  }

  // ----------------------------------------------------------------- terms

  private void checkTerms(YamlMapping root, List<String> terms) {
    if (terms == null) {
      return;
    }
    YamlSequence list = (YamlSequence) root.get("terms").orElseThrow();
    for (int i = 0; i < terms.size(); i++) {
      String error = termError(terms.get(i));
      if (error != null) {
        problems.add(Problem.error(list.items().get(i).location(), error));
      }
    }
  }

  /** Juju's {@code ParseTerm} and {@code TermsId.Validate}; the error text, or null. */
  private static String termError(String term) {
    String tenant = "";
    String id = term;
    int colon = term.indexOf(':');
    if (colon >= 0) {
      tenant = term.substring(0, colon);
      id = term.substring(colon + 1);
    }
    String[] tokens = id.split("/", -1);
    String owner = "";
    String name;
    long revision = 0;
    switch (tokens.length) {
      case 1 -> name = tokens[0];
      case 2 -> {
        Long parsed = GoStrconv.parseDecimalInt(tokens[1]);
        if (parsed == null) {
          owner = tokens[0];
          name = tokens[1];
        } else {
          name = tokens[0];
          revision = parsed;
        }
      }
      case 3 -> {
        Long parsed = GoStrconv.parseDecimalInt(tokens[2]);
        if (parsed == null) {
          return "invalid revision number "
              + GoFormat.quote(tokens[2])
              + " strconv.Atoi: parsing "
              + GoFormat.quote(tokens[2])
              + ": invalid syntax";
        }
        owner = tokens[0];
        name = tokens[1];
        revision = parsed;
      }
      default -> {
        return "unknown term id format " + GoFormat.quote(term);
      }
    }
    if (!tenant.isEmpty() && !tenant.equals("cs") && !TERM_NAME.matcher(tenant).matches()) {
      return "wrong term tenant format " + GoFormat.quote(tenant);
    }
    if (!owner.isEmpty() && !USER_NAME.matcher(owner).matches()) {
      return "wrong owner format " + GoFormat.quote(owner);
    }
    if (!TERM_NAME.matcher(name).matches()) {
      return "wrong term name format " + GoFormat.quote(name);
    }
    if (revision < 0) {
      return "negative term revision";
    }
    return null;
  }
}
