package dev.bosun.model.internal.charm;

import dev.bosun.model.Problem;
import dev.bosun.model.charm.ResourceMeta;
import dev.bosun.model.charm.StorageMeta;
import dev.bosun.model.internal.GoFormat;
import dev.bosun.model.internal.yaml.YamlMapping;
import dev.bosun.model.internal.yaml.YamlNode;
import dev.bosun.model.internal.yaml.YamlScalar;
import dev.bosun.model.internal.yaml.YamlSequence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * terms. Each part has its own reader ({@link EndpointsReader}, {@link StorageReader}, {@link
 * ResourcesReader} ...).
 *
 * <p>Unknown top-level keys, and unknown keys inside endpoints, storage, resources and containers,
 * are ignored as Juju ignores them, with a warning. The informational keys Charmcraft writes
 * ({@code display-name}, {@code maintainer(s)}, {@code docs}, {@code issues}, {@code source},
 * {@code website}) are accepted silently; the obsolete {@code revision} and {@code format} with a
 * warning.
 *
 * <p>The metadata format: a charm whose {@code manifest.yaml} lists bases is v2, any other is v1.
 * v2 rejects {@code series}, {@code min-juju-version} and {@code deployment} ({@code ... in
 * metadata v2 not valid}); v1 with a manifest rejects {@code assumes} and {@code containers}
 * ({@code ... in metadata v1 not valid}); a charm with a v2 key and no {@code manifest.yaml} at all
 * gets {@code metadata v2 without manifest.yaml not valid}.
 */
public final class MetadataReader {
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

  private final MetadataContext context;
  private final SchemaChecker schema;
  private final EndpointsReader endpoints;
  private String summary = "";
  private String description = "";
  private boolean subordinate;
  private Set<String> extraBindings = new LinkedHashSet<>();
  private Map<String, ResourceMeta> resources = new LinkedHashMap<>();
  private Map<String, StorageMeta> storage = new LinkedHashMap<>();
  private final List<String> series = new ArrayList<>();
  private final List<String> tags = new ArrayList<>();

  private MetadataReader(List<Problem> problems, List<Problem> warnings) {
    this.context = new MetadataContext(problems, warnings);
    this.schema = context.schema;
    this.endpoints = new EndpointsReader(context);
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
        reader.context.charmName(),
        reader.summary,
        reader.description,
        reader.subordinate,
        reader.endpoints.provides(),
        reader.endpoints.requires(),
        reader.endpoints.peers(),
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
    context.charmName(name == null ? "" : name);
    summary = orEmpty(required(root, "summary"));
    description = orEmpty(required(root, "description"));
    root.get("subordinate")
        .ifPresent(n -> subordinate = Boolean.TRUE.equals(schema.bool(n, "subordinate")));
    endpoints.read(root);
    root.get("extra-bindings").ifPresent(n -> extraBindings = ExtraBindingsReader.read(context, n));
    root.get("revision").ifPresent(n -> obsolete(root, "revision", schema.integer(n, "revision")));
    root.get("format").ifPresent(n -> obsolete(root, "format", schema.integer(n, "format")));
    root.get("tags").ifPresent(n -> addAll(tags, schema.stringList(n, "tags")));
    root.get("categories").ifPresent(n -> addAll(tags, schema.stringList(n, "categories")));
    root.get("series").ifPresent(n -> addAll(series, schema.stringList(n, "series")));
    root.get("storage").ifPresent(n -> storage = StorageReader.read(context, n));
    root.get("devices").ifPresent(n -> DevicesReader.check(context, n));
    root.get("payloads").ifPresent(n -> PayloadsReader.check(context, n));
    root.get("resources").ifPresent(n -> resources = ResourcesReader.read(context, n));
    List<String> terms = root.get("terms").map(n -> schema.stringList(n, "terms")).orElse(null);
    root.get("min-juju-version").ifPresent(n -> V1KeysReader.minJujuVersion(context, n));
    root.get("deployment").ifPresent(n -> V1KeysReader.deployment(context, n, series));
    root.get("assumes").ifPresent(n -> V2KeysReader.assumes(context, n));
    root.get("containers").ifPresent(n -> V2KeysReader.containers(context, n, resources, storage));
    root.get("charm-user").ifPresent(n -> V2KeysReader.charmUser(context, n));
    warnUnknownKeys(root);

    checkFormat(root, manifestPresent, manifest);
    endpoints.check(subordinate);
    ExtraBindingsReader.check(context, root, endpoints.names());
    endpoints.checkSubordinate(root, subordinate);
    checkSeries(root);
    checkTerms(root, terms);
  }

  private String required(YamlMapping root, String key) {
    return schema.string(root.get(key).orElse(SchemaChecker.nothingAt(root)), key);
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }

  /** Adds items not already present (tags and categories end up in one list). */
  private static void addAll(List<String> into, List<String> items) {
    if (items != null) {
      items.stream().filter(item -> !into.contains(item)).forEach(into::add);
    }
  }

  private void obsolete(YamlMapping root, String key, Long value) {
    if (value != null) {
      context.warning(
          root.entry(key).orElseThrow().key().location(),
          MetadataContext.PREFIX + GoFormat.quote(key) + " is obsolete and ignored");
    }
  }

  private void warnUnknownKeys(YamlMapping root) {
    Set<String> known = new java.util.HashSet<>(KNOWN_KEYS);
    known.addAll(INFORMATIONAL_KEYS);
    context.warnUnknown(root, "", known);
  }

  /** Juju's {@code ensureUnambiguousFormat}: v1 keys and v2 keys may not be mixed. */
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
    for (String key : keys) {
      boolean v2 = V2_KEYS.contains(key);
      if (!v2 && !V1_KEYS.contains(key)) {
        continue;
      }
      if (firstIsV2 == null) {
        firstIsV2 = v2;
      }
      (firstIsV2 == v2 ? matched : mismatched).add(key);
    }
    if (!mismatched.isEmpty()) {
      context.error(
          root.entry(mismatched.get(0)).orElseThrow().key().location(),
          "ambiguous metadata: keys "
              + quotedList(mismatched)
              + " cannot be used with "
              + quotedList(matched));
    }
  }

  private static String quotedList(List<String> keys) {
    return "\"" + String.join("\", \"", keys) + "\"";
  }

  private void checkFormat(YamlMapping root, boolean manifestPresent, Manifest manifest) {
    if (manifestPresent && manifest == null) {
      return; // the manifest has errors of its own; the format cannot be told
    }
    if (manifest != null && !manifest.bases().isEmpty()) {
      notValidIfPresent(root, "series", "series slice in metadata v2");
      notValidIfPresent(root, "min-juju-version", "min-juju-version in metadata v2");
      notValidIfPresent(root, "deployment", "deployment in metadata v2");
    } else if (manifestPresent) {
      notValidIfPresent(root, "assumes", "assumes in metadata v1");
      notValidIfPresent(root, "containers", "containers in metadata v1");
    } else {
      root.entries().stream()
          .filter(entry -> V2_KEYS.contains(entry.key().text()))
          .findFirst()
          .ifPresent(
              entry ->
                  context.error(
                      entry.key().location(), "metadata v2 without manifest.yaml not valid"));
    }
  }

  private void notValidIfPresent(YamlMapping root, String key, String what) {
    root.entry(key).ifPresent(entry -> context.error(entry.key().location(), what + " not valid"));
  }

  private void checkSeries(YamlMapping root) {
    if (!(root.get("series").orElse(null) instanceof YamlSequence list)) {
      return;
    }
    for (YamlNode item : list.items()) {
      if (item instanceof YamlScalar scalar
          && scalar.value() instanceof String name
          && !VALID_SERIES.matcher(name).matches()) {
        context.error(
            item.location(), context.charm() + " declares invalid series: " + GoFormat.quote(name));
      }
    }
  }

  private void checkTerms(YamlMapping root, List<String> terms) {
    if (terms == null) {
      return;
    }
    YamlSequence list = (YamlSequence) root.get("terms").orElseThrow();
    for (int i = 0; i < terms.size(); i++) {
      String error = TermsCheck.error(terms.get(i));
      if (error != null) {
        context.error(list.items().get(i).location(), error);
      }
    }
  }
}
