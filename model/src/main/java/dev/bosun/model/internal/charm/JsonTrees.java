package dev.bosun.model.internal.charm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Copies of JSON-like trees: maps with string keys, lists, and scalars. */
public final class JsonTrees {
  private JsonTrees() {}

  /**
   * Returns a deep, order-preserving, unmodifiable copy of a tree of maps, lists and scalars. Map
   * keys become strings; null values are kept (JSON {@code null}).
   */
  @SuppressWarnings("unchecked")
  public static <T> T immutableCopy(T value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), immutableCopy(v)));
      return (T) Collections.unmodifiableMap(copy);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(item -> copy.add(immutableCopy(item)));
      return (T) Collections.unmodifiableList(copy);
    }
    return value;
  }
}
