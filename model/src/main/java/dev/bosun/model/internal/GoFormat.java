package dev.bosun.model.internal;

import dev.bosun.model.internal.yaml.YamlMapping;
import dev.bosun.model.internal.yaml.YamlNode;
import dev.bosun.model.internal.yaml.YamlScalar;
import dev.bosun.model.internal.yaml.YamlSequence;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders values the way Go's {@code fmt} does in Juju's messages, so Bosun's wording matches
 * Juju's character for character: {@code %q} ({@link #quote}), {@code %v} of a float ({@link
 * #formatFloat}), {@code %#v} ({@link #goSyntax}) and juju/schema's {@code %T(%#v)} ({@link
 * #typed}).
 *
 * <p>Values are those Go's yaml.v2 decodes into {@code interface{}}: strings, {@code int}, {@code
 * float64}, {@code bool}, {@code map[interface {}]interface {}} and {@code []interface {}}.
 */
public final class GoFormat {
  private static final String GO_MAP = "map[interface {}]interface {}";
  private static final String GO_LIST = "[]interface {}";

  private GoFormat() {}

  /** Quotes text as Go's {@code %q} does: double quotes, Go escapes for control characters. */
  public static String quote(String text) {
    StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
    text.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case 0x07 -> quoted.append("\\a");
                case '\b' -> quoted.append("\\b");
                case '\f' -> quoted.append("\\f");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                case 0x0b -> quoted.append("\\v");
                default -> {
                  if (c < 0x20 || c == 0x7f) {
                    quoted.append(String.format("\\x%02x", c));
                  } else if (!isPrintable(c)) {
                    quoted.append(
                        c > 0xffff ? String.format("\\U%08x", c) : String.format("\\u%04x", c));
                  } else {
                    quoted.appendCodePoint(c);
                  }
                }
              }
            });
    return quoted.append('"').toString();
  }

  /**
   * Returns Go's {@code %q} of a string slice: {@code ["a:x" "b:y"]}, each element quoted and
   * separated by one space.
   */
  public static String quoteList(java.util.List<String> items) {
    StringBuilder text = new StringBuilder("[");
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        text.append(' ');
      }
      text.append(quote(items.get(i)));
    }
    return text.append(']').toString();
  }

  private static boolean isPrintable(int c) {
    int type = Character.getType(c);
    return c < 0x80
        || !(type == Character.CONTROL
            || type == Character.FORMAT
            || type == Character.UNASSIGNED
            || type == Character.PRIVATE_USE
            || type == Character.SURROGATE
            || type == Character.LINE_SEPARATOR
            || type == Character.PARAGRAPH_SEPARATOR
            || (type == Character.SPACE_SEPARATOR && c != ' '));
  }

  /**
   * Formats a float as Go's {@code %v} does: the shortest representation, in exponent form when the
   * exponent is below -4 or at least 6 ({@code 2.5}, {@code 100000}, {@code 1e+06}).
   */
  public static String formatFloat(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    if (value == 0) {
      return (1 / value) < 0 ? "-0" : "0";
    }
    Digits digits = Digits.of(value);
    int exponent = digits.pointPosition - 1;
    if (exponent < -4 || exponent >= 6) {
      return digits.sign + exponentForm(digits.digits, exponent, 2);
    }
    return digits.sign + plainForm(digits.digits, digits.pointPosition);
  }

  /**
   * Formats a float as Go's {@code encoding/json} does: plain decimal unless the magnitude is below
   * 1e-6 or at least 1e21 ({@code 5}, {@code 0.5}, {@code 1e+21}, {@code 1e-7}).
   */
  public static String formatJsonFloat(double value) {
    if (value == 0) {
      return "0";
    }
    Digits digits = Digits.of(value);
    double magnitude = Math.abs(value);
    if (magnitude < 1e-6 || magnitude >= 1e21) {
      return digits.sign + exponentForm(digits.digits, digits.pointPosition - 1, 1);
    }
    return digits.sign + plainForm(digits.digits, digits.pointPosition);
  }

  private static String exponentForm(String digits, int exponent, int minimumExponentDigits) {
    StringBuilder text = new StringBuilder().append(digits.charAt(0));
    if (digits.length() > 1) {
      text.append('.').append(digits, 1, digits.length());
    }
    text.append('e').append(exponent < 0 ? '-' : '+');
    String magnitude = Integer.toString(Math.abs(exponent));
    text.append("0".repeat(Math.max(0, minimumExponentDigits - magnitude.length())));
    return text.append(magnitude).toString();
  }

  private static String plainForm(String digits, int pointPosition) {
    if (pointPosition <= 0) {
      return "0." + "0".repeat(-pointPosition) + digits;
    }
    if (pointPosition >= digits.length()) {
      return digits + "0".repeat(pointPosition - digits.length());
    }
    return digits.substring(0, pointPosition) + "." + digits.substring(pointPosition);
  }

  /** The shortest decimal digits of a double and where the decimal point goes. */
  private record Digits(String sign, String digits, int pointPosition) {
    static Digits of(double value) {
      BigDecimal decimal = new BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros();
      String digits = decimal.unscaledValue().toString();
      return new Digits(value < 0 ? "-" : "", digits, digits.length() - decimal.scale());
    }
  }

  /**
   * Renders a plain Java value as Go's {@code %#v} renders the value yaml.v2 decodes: strings
   * quoted, numbers and booleans bare, {@code <nil>} for null, lists as {@code []interface {}{...}}
   * and maps as {@code map[interface {}]interface {}{...}} with sorted keys.
   */
  public static String goSyntax(Object value) {
    return goSyntax(value, true);
  }

  private static String goSyntax(Object value, boolean topLevel) {
    if (value == null) {
      return topLevel ? "<nil>" : "interface {}(nil)";
    }
    if (value instanceof String text) {
      return quote(text);
    }
    if (value instanceof Double || value instanceof Float) {
      return formatFloat(((Number) value).doubleValue());
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    if (value instanceof Map<?, ?> map) {
      List<String> entries = new ArrayList<>(map.size());
      map.entrySet().stream()
          .sorted((a, b) -> String.valueOf(a.getKey()).compareTo(String.valueOf(b.getKey())))
          .forEach(
              e -> entries.add(goSyntax(e.getKey(), false) + ":" + goSyntax(e.getValue(), false)));
      return GO_MAP + "{" + String.join(", ", entries) + "}";
    }
    if (value instanceof List<?> list) {
      List<String> items = new ArrayList<>(list.size());
      list.forEach(item -> items.add(goSyntax(item, false)));
      return GO_LIST + "{" + String.join(", ", items) + "}";
    }
    return quote(value.toString());
  }

  /** Renders a YAML node as {@link #goSyntax(Object)} does, keeping the types of mapping keys. */
  public static String goSyntax(YamlNode node) {
    return goSyntax(goValue(node));
  }

  /** Returns Go's type name of the value yaml.v2 decodes from the node. */
  public static String goType(YamlNode node) {
    return goType(goValue(node));
  }

  /** Returns Go's type name of a plain Java value as yaml.v2 would have decoded it. */
  public static String goType(Object value) {
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof Double || value instanceof Float) {
      return "float64";
    }
    if (value instanceof BigInteger big) {
      return big.signum() > 0 && big.bitLength() <= 64 ? "uint64" : "float64";
    }
    if (value instanceof Number) {
      return "int";
    }
    if (value instanceof Boolean) {
      return "bool";
    }
    if (value instanceof Map) {
      return GO_MAP;
    }
    if (value instanceof List) {
      return GO_LIST;
    }
    return "interface {}";
  }

  /**
   * Renders a value as juju/schema's errors do, {@code %T(%#v)}: {@code int(42)}, {@code
   * string("x")}; null renders as {@code nothing}, as in {@code expected string, got nothing}.
   */
  public static String typed(YamlNode node) {
    Object value = goValue(node);
    return value == null ? "nothing" : goType(value) + "(" + goSyntax(value) + ")";
  }

  /** Renders a plain Java value as {@link #typed(YamlNode)} does. */
  public static String typed(Object value) {
    return value == null ? "nothing" : goType(value) + "(" + goSyntax(value) + ")";
  }

  /**
   * Converts a node to the plain value Go's yaml.v2 decodes, keeping mapping keys typed (an {@code
   * int} key stays a number, so it renders unquoted).
   */
  public static Object goValue(YamlNode node) {
    if (node instanceof YamlScalar scalar) {
      return scalar.value();
    }
    if (node instanceof YamlSequence sequence) {
      List<Object> items = new ArrayList<>(sequence.items().size());
      sequence.items().forEach(item -> items.add(goValue(item)));
      return items;
    }
    YamlMapping mapping = (YamlMapping) node;
    Map<Object, Object> map = new java.util.LinkedHashMap<>();
    for (YamlMapping.Entry entry : mapping.entries()) {
      map.put(entry.key().value(), goValue(entry.value()));
    }
    return map;
  }
}
