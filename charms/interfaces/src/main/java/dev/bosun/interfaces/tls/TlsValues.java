package dev.bosun.interfaces.tls;

import dev.bosun.interfaces.InvalidInterfaceDataException;
import dev.bosun.model.spec.Names;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/** Checks of the values the tls-certificates records carry. */
final class TlsValues {
  /** X.509's upper bound for a common name ({@code ub-common-name}). */
  static final int MAX_COMMON_NAME = 64;

  /** The longest DNS name. */
  static final int MAX_SAN = 253;

  private static final Pattern WIRE_UNIT_NAME =
      Pattern.compile("^" + Names.APPLICATION_SNIPPET + "_" + Names.NUMBER_SNIPPET + "$");

  private TlsValues() {}

  static String wireUnitName(String field, String value) {
    if (value == null || !WIRE_UNIT_NAME.matcher(value).matches()) {
      throw new InvalidInterfaceDataException(
          field,
          "\""
              + value
              + "\" is not a unit name in wire form (the Juju unit name with \"/\" replaced by"
              + " \"_\", such as \"etcd_0\")");
    }
    return value;
  }

  static String commonName(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInterfaceDataException(field, "a common name must not be empty");
    }
    if (value.length() > MAX_COMMON_NAME) {
      throw new InvalidInterfaceDataException(
          field,
          "common name \""
              + value
              + "\" has "
              + value.length()
              + " characters; X.509 allows at most "
              + MAX_COMMON_NAME);
    }
    if (!value.strip().equals(value) || hasControl(value)) {
      throw new InvalidInterfaceDataException(
          field,
          "common name "
              + quoted(value)
              + " must not start or end with spaces nor hold control characters");
    }
    return value;
  }

  static List<String> sans(String field, List<String> values) {
    if (values == null) {
      throw new InvalidInterfaceDataException(field, "the SAN list must not be null");
    }
    for (String value : values) {
      if (value == null || value.isEmpty()) {
        throw new InvalidInterfaceDataException(field, "a subject alternative name is empty");
      }
      if (value.length() > MAX_SAN) {
        throw new InvalidInterfaceDataException(
            field, "subject alternative name has " + value.length() + " characters; at most 253");
      }
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c <= ' ' || c == 0x7f) {
          throw new InvalidInterfaceDataException(
              field,
              "subject alternative name "
                  + quoted(value)
                  + " must not hold spaces or control characters");
        }
      }
    }
    return List.copyOf(values);
  }

  static <V> SortedMap<String, V> sortedCopy(
      String field, Map<String, V> map, BiConsumer<String, V> check) {
    if (map == null) {
      throw new InvalidInterfaceDataException(field, "must not be null");
    }
    TreeMap<String, V> copy = new TreeMap<>();
    map.forEach(
        (key, value) -> {
          if (key == null || value == null) {
            throw new InvalidInterfaceDataException(field, "holds a null key or value");
          }
          check.accept(key, value);
          copy.put(key, value);
        });
    return Collections.unmodifiableSortedMap(copy);
  }

  private static boolean hasControl(String value) {
    return value.chars().anyMatch(c -> c < ' ' || c == 0x7f);
  }

  static String quoted(String value) {
    StringBuilder text = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < ' ' || c == 0x7f) {
        text.append(String.format("\\x%02x", (int) c));
      } else if (c == '"' || c == '\\') {
        text.append('\\').append(c);
      } else {
        text.append(c);
      }
    }
    return text.append('"').toString();
  }
}
