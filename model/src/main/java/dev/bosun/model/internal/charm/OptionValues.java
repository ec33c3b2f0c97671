package dev.bosun.model.internal.charm;

import dev.bosun.model.charm.OptionType;
import dev.bosun.model.internal.GoFormat;
import java.math.BigInteger;
import java.util.Locale;

/**
 * Juju's typing rules for charm configuration values ({@code charm/config.go}).
 *
 * <ul>
 *   <li>{@link #parse}: text from the command line or a bundle string, as {@code Option.parse}:
 *       Go's {@code ParseInt(s, 10, 64)}, {@code ParseFloat} and {@code ParseBool}; {@code string}
 *       and {@code secret} take the text as it is.
 *   <li>{@link #check}: a typed value, as {@code Option.validate} with juju/schema's checkers:
 *       {@code int} takes an integer or a string {@code ParseInt(s, 0, 64)} accepts, {@code float}
 *       a float or a whole number a double holds exactly (Juju 4's rule; Juju 3 wants a float),
 *       {@code boolean} a boolean or a string {@code ParseBool} accepts, {@code string} only a
 *       string, {@code secret} a string that is empty or a URI with scheme {@code secret}.
 * </ul>
 *
 * <p>Values are held as {@link String}, {@link Long}, {@link Double} and {@link Boolean}.
 */
public final class OptionValues {
  private OptionValues() {}

  /** Parses text into the type; null when Go's parser would fail. */
  public static Object parse(OptionType type, String text) {
    return switch (type) {
      case STRING, SECRET -> text;
      case INT -> GoStrconv.parseDecimalInt(text);
      case FLOAT -> GoStrconv.parseFloat(text);
      case BOOLEAN -> GoStrconv.parseBool(text);
    };
  }

  /** Checks a non-null typed value against the type; returns it coerced, or null when invalid. */
  public static Object check(OptionType type, Object value) {
    return switch (type) {
      case STRING -> value instanceof String ? value : null;
      case SECRET -> value instanceof String text && isSecretUri(text) ? text : null;
      case INT -> integer(value);
      case FLOAT -> floatingPoint(value);
      case BOOLEAN ->
          value instanceof Boolean
              ? value
              : value instanceof String text ? GoStrconv.parseBool(text) : null;
    };
  }

  /**
   * A float, or a whole number held exactly by a double: YAML reads {@code ratio: 1} as an int, and
   * rejecting it would only make bundle authors write {@code 1.0}. Juju 3's checker rejects it;
   * Juju 4 accepts whole numbers for float defaults. Bosun takes the friendlier rule.
   */
  private static Double floatingPoint(Object value) {
    if (value instanceof Double || value instanceof Float) {
      return ((Number) value).doubleValue();
    }
    Long whole = value instanceof String ? null : integer(value);
    if (whole != null && Math.abs(whole) <= (1L << 53)) {
      return whole.doubleValue();
    }
    return null;
  }

  private static Long integer(Object value) {
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger big && big.bitLength() < 64) {
      return big.longValue();
    }
    if (value instanceof String text) {
      return GoStrconv.parseIntAnyBase(text);
    }
    return null;
  }

  /** Renders a value as Go's {@code %#v} in Juju's {@code expected int, got ...} messages. */
  public static String describe(Object value) {
    return GoFormat.goSyntax(value);
  }

  /**
   * Juju's secret checker: empty, or a URI whose scheme (case-insensitively, as Go's {@code
   * url.Parse} lowercases it) is {@code secret}.
   */
  private static boolean isSecretUri(String text) {
    if (text.isEmpty()) {
      return true;
    }
    int colon = text.indexOf(':');
    if (colon <= 0) {
      return false;
    }
    String scheme = text.substring(0, colon);
    if (!Character.isLetter(scheme.charAt(0)) || scheme.charAt(0) > 'z') {
      return false;
    }
    for (int i = 1; i < scheme.length(); i++) {
      char c = scheme.charAt(i);
      boolean allowed =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '+'
              || c == '-'
              || c == '.';
      if (!allowed) {
        return false;
      }
    }
    return scheme.toLowerCase(Locale.ROOT).equals("secret");
  }
}
