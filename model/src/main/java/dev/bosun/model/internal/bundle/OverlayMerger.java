package dev.bosun.model.internal.bundle;

import dev.bosun.model.internal.bundle.BundlePart.Entity;
import dev.bosun.model.internal.bundle.BundlePart.Field;
import dev.bosun.model.internal.yaml.YamlMapping;
import dev.bosun.model.internal.yaml.YamlNode;
import dev.bosun.model.internal.yaml.YamlScalar;
import dev.bosun.model.internal.yaml.YamlSequence;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges overlays into the base document as Juju's {@code ReadAndMergeBundleData} does, at the node
 * level so every value keeps the location of the file it came from:
 *
 * <ul>
 *   <li>an application or consumed offer whose value is null or empty is removed, together with
 *       every relation that mentions it ({@code app} or {@code app:endpoint});
 *   <li>a new one is added; an existing one is merged key by key: only keys present in the overlay
 *       are touched; scalars and lists overwrite; a map present but null or empty clears the base
 *       map; otherwise its entries are upserted and a null entry deletes the key;
 *   <li>{@code series} and {@code default-base} overwrite when not empty;
 *   <li>relations are appended;
 *   <li>{@code machines}, when present with a mapping value, replaces the base map.
 * </ul>
 */
final class OverlayMerger {
  private OverlayMerger() {}

  /** Merges {@code overlay} into {@code base}, which is changed in place. */
  static void merge(BundlePart base, BundlePart overlay) {
    Set<String> removed = new HashSet<>();
    if (overlay.applications != null) {
      if (base.applications == null) {
        base.applications = new LinkedHashMap<>();
        base.applicationsKey = overlay.applicationsKey;
      }
      mergeEntities(base.applications, overlay.applications, removed);
    }
    if (overlay.saas != null) {
      if (base.saas == null) {
        base.saas = new LinkedHashMap<>();
        base.saasKey = overlay.saasKey;
      }
      mergeEntities(base.saas, overlay.saas, removed);
    }
    if (!removed.isEmpty()) {
      removeRelations(base.relations, removed);
    }
    for (String key : List.of("series", "default-base")) {
      Field field = overlay.top.get(key);
      if (field != null
          && field.value() instanceof YamlScalar scalar
          && scalar.value() != null
          && !scalar.text().isEmpty()) {
        base.top.put(key, field);
      }
    }
    if (overlay.relationsKey != null && base.relationsKey == null) {
      base.relationsKey = overlay.relationsKey;
    }
    base.relations.addAll(overlay.relations);
    if (overlay.machines != null
        && overlay.machinesKey != null
        && overlay.machinesKey.value() instanceof YamlMapping) {
      base.machines = overlay.machines;
      base.machinesKey = overlay.machinesKey;
    }
  }

  private static void mergeEntities(
      Map<String, Entity> into, Map<String, Entity> from, Set<String> removed) {
    for (Entity entity : from.values()) {
      String name = entity.name();
      if (entity.isEmpty()) {
        into.remove(name);
        removed.add(name);
        continue;
      }
      Entity existing = into.get(name);
      if (existing == null || existing.body.isNull()) {
        into.put(name, entity);
        continue;
      }
      for (Map.Entry<String, Field> field : entity.fields.entrySet()) {
        Field overlayField = field.getValue();
        Field baseField = existing.fields.get(field.getKey());
        if (overlayField.entries() == null
            || overlayField.entries().isEmpty()
            || baseField == null) {
          existing.fields.put(field.getKey(), withoutNulls(overlayField));
          continue;
        }
        Map<String, YamlMapping.Entry> merged = new LinkedHashMap<>(baseField.entries());
        for (Map.Entry<String, YamlMapping.Entry> entry : overlayField.entries().entrySet()) {
          if (entry.getValue().value().isNull()) {
            merged.remove(entry.getKey());
          } else {
            merged.put(entry.getKey(), entry.getValue());
          }
        }
        existing.fields.put(field.getKey(), new Field(overlayField.entry(), merged));
      }
    }
  }

  /** A map brought in by an overlay with nothing to merge into: null entries mean nothing. */
  private static Field withoutNulls(Field field) {
    if (field.entries() == null) {
      return field;
    }
    Map<String, YamlMapping.Entry> kept = new LinkedHashMap<>();
    field
        .entries()
        .forEach(
            (key, entry) -> {
              if (!entry.value().isNull()) {
                kept.put(key, entry);
              }
            });
    return new Field(field.entry(), kept);
  }

  /** Removes every two-sided relation that mentions a removed application, in one pass. */
  private static void removeRelations(List<YamlSequence> relations, Set<String> applications) {
    relations.removeIf(
        relation -> {
          List<YamlNode> sides = relation.items();
          if (sides.size() != 2) {
            return false; // Kept: verification reports it.
          }
          for (YamlNode side : sides) {
            String text = ((YamlScalar) side).text();
            int colon = text.indexOf(':');
            if (applications.contains(colon < 0 ? text : text.substring(0, colon))) {
              return true;
            }
          }
          return false;
        });
  }
}
