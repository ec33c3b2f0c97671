package dev.bosun.model.internal.charm;

import static dev.bosun.model.internal.charm.SchemaChecker.path;

import dev.bosun.model.internal.GoFormat;
import dev.bosun.model.internal.yaml.YamlMapping;
import dev.bosun.model.internal.yaml.YamlNode;
import dev.bosun.model.internal.yaml.YamlScalar;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Reads {@code extra-bindings} as Juju's {@code extraBindingsSchema} ({@code Map(NonEmptyString,
 * Nil)}) and {@code validateMetaExtraBindings} do: names without values, not empty, and not the
 * name of a relation.
 */
final class ExtraBindingsReader {
  private static final String PATH = "extra-bindings";

  private ExtraBindingsReader() {}

  /** Reads the binding names; bindings with problems are left out. */
  static Set<String> read(MetadataContext context, YamlNode node) {
    Set<String> names = new LinkedHashSet<>();
    if (!(node instanceof YamlMapping map)) {
      context.schema.expected(node, PATH, "map");
      return names;
    }
    for (YamlMapping.Entry entry : map.entries()) {
      YamlScalar key = entry.key();
      if (!(key.value() instanceof String name) || name.isEmpty()) {
        context.schema.error(
            key, PATH, "expected non-empty binding name, got " + GoFormat.typed(key));
      } else if (!entry.value().isNull()) {
        context.schema.error(
            entry.value(),
            path(PATH, name),
            "expected empty value, got " + GoFormat.typed(entry.value()));
      } else {
        names.add(name);
      }
    }
    return names;
  }

  /** Juju's {@code validateMetaExtraBindings}, wrapped as {@code charm %q has invalid ...}. */
  static void check(MetadataContext context, YamlMapping root, Set<String> relationNames) {
    YamlNode node = root.get(PATH).orElse(null);
    if (!(node instanceof YamlMapping map)) {
      return;
    }
    String heading = context.charm() + " has invalid extra bindings: ";
    if (map.entries().isEmpty()) {
      context.error(
          root.entry(PATH).orElseThrow().key().location(),
          heading + "extra bindings cannot be empty when specified");
      return;
    }
    for (YamlMapping.Entry entry : map.entries()) {
      if (entry.key().value() instanceof String name && relationNames.contains(name)) {
        context.error(
            entry.key().location(),
            heading + "relation " + GoFormat.quote(name) + " cannot be used in extra bindings");
      }
    }
  }
}
