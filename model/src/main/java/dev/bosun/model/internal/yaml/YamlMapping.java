package dev.bosun.model.internal.yaml;

import dev.bosun.model.Location;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A mapping whose keys are scalars, in the order written. Duplicate keys are reported by the
 * parser, which keeps the last value, as most YAML libraries do.
 *
 * @param entries the entries in order, with unique key texts
 * @param location where the mapping starts
 */
public record YamlMapping(List<Entry> entries, Location location) implements YamlNode {

  /** Copies the entries. */
  public YamlMapping {
    entries = List.copyOf(entries);
  }

  @Override
  public String kind() {
    return "mapping";
  }

  /** Returns the entry whose key text is {@code key}. */
  public Optional<Entry> entry(String key) {
    for (Entry entry : entries) {
      if (entry.key().text().equals(key)) {
        return Optional.of(entry);
      }
    }
    return Optional.empty();
  }

  /** Returns the value under {@code key}, if the key is present (the value may be a null node). */
  public Optional<YamlNode> get(String key) {
    return entry(key).map(Entry::value);
  }

  /** Whether the key is present, whatever its value. */
  public boolean has(String key) {
    return entry(key).isPresent();
  }

  @Override
  public Object toJava() {
    Map<String, Object> map = new LinkedHashMap<>();
    for (Entry entry : entries) {
      map.put(entry.key().text(), entry.value().toJava());
    }
    return map;
  }

  /**
   * One key and its value.
   *
   * @param key the key scalar (its location is where the key is written)
   * @param value the value node
   */
  public record Entry(YamlScalar key, YamlNode value) {}
}
