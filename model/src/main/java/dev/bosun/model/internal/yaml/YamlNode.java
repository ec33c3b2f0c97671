package dev.bosun.model.internal.yaml;

import dev.bosun.model.Location;

/**
 * A node of a YAML document that remembers where it was written. Mappings keep their keys in order;
 * scalars keep their text, their resolved YAML 1.1 type and their typed value.
 */
public sealed interface YamlNode permits YamlMapping, YamlSequence, YamlScalar {

  /** Returns where the node starts. */
  Location location();

  /** Returns a short name of the node's kind for error messages: mapping, sequence, string ... */
  String kind();

  /** Whether the node is the YAML null ({@code ~}, {@code null} or nothing). */
  default boolean isNull() {
    return this instanceof YamlScalar scalar && scalar.value() == null;
  }

  /**
   * Converts the node to plain Java: {@link java.util.LinkedHashMap} for mappings (keys as
   * strings), {@link java.util.ArrayList} for sequences, and the typed value for scalars.
   */
  Object toJava();
}
