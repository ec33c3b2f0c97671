package dev.bosun.model.internal.bundle;

import dev.bosun.model.Location;
import dev.bosun.model.internal.yaml.YamlMapping;
import dev.bosun.model.internal.yaml.YamlNode;
import dev.bosun.model.internal.yaml.YamlScalar;
import dev.bosun.model.internal.yaml.YamlSequence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One YAML document of a bundle after its shape was checked: the base (part 0) or an overlay. Every
 * value is still the YAML node it was read from, so it keeps its {@code file:line:column} through
 * overlay merging. A map field is {@code null} when its key is absent, which is how overlays tell
 * "absent" from "present but empty".
 */
final class BundlePart {
  final Location root;

  /** Top-level scalar keys by name: bundle, series, default-base, description. */
  final Map<String, Field> top = new LinkedHashMap<>();

  YamlMapping.Entry applicationsKey;
  Map<String, Entity> applications;
  YamlMapping.Entry machinesKey;
  Map<String, Entity> machines;
  YamlMapping.Entry saasKey;
  Map<String, Entity> saas;
  YamlMapping.Entry relationsKey;
  final List<YamlSequence> relations = new ArrayList<>();

  BundlePart(Location root) {
    this.root = root;
  }

  /** An application, machine or consumed offer: its name as written and its checked keys. */
  static final class Entity {
    final YamlScalar key;
    final YamlNode body;
    final Map<String, Field> fields = new LinkedHashMap<>();

    Entity(YamlScalar key, YamlNode body) {
      this.key = key;
      this.body = body;
    }

    /** Whether the body is null or an empty mapping: in an overlay, a request to remove it. */
    boolean isEmpty() {
      return body.isNull() || (body instanceof YamlMapping mapping && mapping.entries().isEmpty());
    }

    String name() {
      return key.text();
    }
  }

  /**
   * One key of an entity as written.
   *
   * @param entry the key and value nodes
   * @param entries for a map kind, its entries by key (empty when the value is null or {@code {}}),
   *     else null
   */
  record Field(YamlMapping.Entry entry, Map<String, YamlMapping.Entry> entries) {

    YamlNode value() {
      return entry.value();
    }

    YamlScalar key() {
      return entry.key();
    }
  }
}
