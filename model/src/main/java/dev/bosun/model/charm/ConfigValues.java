package dev.bosun.model.charm;

import java.math.BigInteger;

/** Juju's conversions between option types and Java values. */
final class ConfigValues {
  private ConfigValues() {}

  /** Parses text as ParseInt/ParseFloat/ParseBool would; returns null when it does not parse. */
  static Object parse(OptionType type, String text) {
    return switch (type) {
      case STRING -> text;
      case SECRET -> isSecretUri(text) ? text : null;
      case INT -> parseLong(text.trim());
      case FLOAT -> parseDouble(text.trim());
      case BOOLEAN -> parseBoolean(text.trim());
    };
  }

  /** Converts a YAML-typed value to the option's Java type; returns null when it does not fit. */
  static Object coerce(OptionType type, Object value) {
    if (value instanceof String text) {
      return parse(type, text);
    }
    return switch (type) {
      case STRING, SECRET -> null;
      case INT -> integral(value);
      case FLOAT ->
          value instanceof Number number && !(value instanceof BigInteger)
              ? Double.valueOf(number.doubleValue())
              : null;
      case BOOLEAN -> value instanceof Boolean ? value : null;
    };
  }

  /** Returns Go's %#v-like rendering of a value for error messages. */
  static String describe(Object value) {
    if (value instanceof String text) {
      return quote(text);
    }
    return String.valueOf(value);
  }

  /** Quotes text as Go's %q does for printable text. */
  static String quote(String text) {
    StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\t' -> quoted.append("\\t");
        case '\r' -> quoted.append("\\r");
        default -> {
          if (c < 0x20) {
            quoted.append(String.format("\\x%02x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }

  private static Object integral(Object value) {
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger big && big.bitLength() < 64) {
      return big.longValue();
    }
    return null;
  }

  private static Long parseLong(String text) {
    try {
      return Long.valueOf(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Double parseDouble(String text) {
    try {
      double value = Double.parseDouble(text);
      // Go's ParseFloat also accepts "inf" and "nan" spellings, but never hex floats with a suffix
      // such as "1d"; Java's parser accepts those, so reject them.
      char last = text.isEmpty() ? ' ' : Character.toLowerCase(text.charAt(text.length() - 1));
      return last == 'd' || last == 'f' ? null : value;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Boolean parseBoolean(String text) {
    return switch (text) {
      case "1", "t", "T", "TRUE", "true", "True" -> Boolean.TRUE;
      case "0", "f", "F", "FALSE", "false", "False" -> Boolean.FALSE;
      default -> null;
    };
  }

  private static boolean isSecretUri(String text) {
    return text.isEmpty() || text.startsWith("secret:");
  }
}
