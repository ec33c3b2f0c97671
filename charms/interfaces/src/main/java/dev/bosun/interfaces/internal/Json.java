package dev.bosun.interfaces.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.bosun.charm.relation.WireFormatException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON values in relation data, written as the reactive charms' {@code to_publish} writes them (a
 * JSON document in a string) with map keys sorted so the same record always gives the same text.
 */
public final class Json {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private Json() {}

  /** Writes a value made of maps, lists, strings, numbers and booleans as compact JSON. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON for plain values", e);
    }
  }

  /**
   * Reads a JSON document from a databag value.
   *
   * @throws WireFormatException naming the key and the position when the value is not JSON (no part
   *     of the value is repeated: it may be secret)
   */
  public static JsonNode read(String key, String value) {
    try {
      return MAPPER.readTree(value);
    } catch (JsonProcessingException e) {
      // Jackson's own message may quote the offending token, which could be secret: only the
      // position is reported.
      var location = e.getLocation();
      throw new WireFormatException(
          key,
          "relation data key \""
              + key
              + "\" must hold JSON, but does not parse"
              + (location == null
                  ? ""
                  : " at line " + location.getLineNr() + ", column " + location.getColumnNr()),
          null);
    }
  }

  /**
   * Reads an optional JSON list of strings: null, a missing node or JSON {@code null} give an empty
   * list (the reactive requirer sends {@code null} when it has no SANs).
   *
   * @throws WireFormatException when the node is neither null nor a list of strings
   */
  public static List<String> stringList(String key, JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new WireFormatException(
          key,
          "relation data key \""
              + key
              + "\" must hold a JSON list of strings, but holds a JSON "
              + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT),
          null);
    }
    List<String> values = new ArrayList<>();
    for (JsonNode element : node) {
      if (!element.isTextual()) {
        throw new WireFormatException(
            key,
            "relation data key \""
                + key
                + "\" must hold a JSON list of strings, but an element is a JSON "
                + element.getNodeType().name().toLowerCase(java.util.Locale.ROOT),
            null);
      }
      values.add(element.asText());
    }
    return values;
  }

  /**
   * Returns the fields of a JSON object; JSON {@code null} gives none.
   *
   * @throws WireFormatException when the node is not an object
   */
  public static Iterator<Map.Entry<String, JsonNode>> fields(String key, JsonNode node) {
    if (node == null || node.isNull()) {
      return java.util.Collections.emptyIterator();
    }
    if (!node.isObject()) {
      throw new WireFormatException(
          key,
          "relation data key \""
              + key
              + "\" must hold a JSON object, but holds a JSON "
              + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT),
          null);
    }
    return node.properties().iterator();
  }
}
