package dev.bosun.model.internal.plan;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes maps, lists and scalars as block YAML the way Go's {@code gopkg.in/yaml.v2} does, which is
 * what Juju's commands print: two-space indentation, sequences at their key's indentation, strings
 * double-quoted only when they would read back as something else, floats in Go's shortest {@code
 * %g} form, and {@code {}} for an empty document.
 */
public final class YamlWriter {
  private static final Pattern INT =
      Pattern.compile("^[-+]?(0|[1-9][0-9_]*|0x[0-9a-fA-F_]+|0b[01_]+|0[0-7_]+)$");
  private static final Pattern FLOAT =
      Pattern.compile("^[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?$");
  private static final Pattern SPECIAL_FLOAT =
      Pattern.compile("^([-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN))$");
  private static final Pattern TIMESTAMP = Pattern.compile("^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*$");
  private static final Set<String> RESERVED =
      Set.of(
          "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE",
          "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL",
          "~", "<<");

  private YamlWriter() {}

  /** Returns the document for a map (keys in the map's order). */
  public static String write(Map<String, ?> document) {
    if (document.isEmpty()) {
      return "{}\n";
    }
    StringBuilder out = new StringBuilder();
    writeMap(out, document, 0);
    return out.toString();
  }

  private static void writeMap(StringBuilder out, Map<String, ?> map, int indent) {
    for (Map.Entry<String, ?> entry : map.entrySet()) {
      out.append(" ".repeat(indent)).append(scalar(entry.getKey())).append(':');
      Object value = entry.getValue();
      if (value instanceof Map<?, ?> child && !child.isEmpty()) {
        out.append('\n');
        writeMap(out, cast(child), indent + 2);
      } else if (value instanceof List<?> list && !list.isEmpty()) {
        out.append('\n');
        writeList(out, list, indent);
      } else {
        out.append(' ').append(inline(value)).append('\n');
      }
    }
  }

  private static void writeList(StringBuilder out, List<?> list, int indent) {
    for (Object item : list) {
      if (item instanceof Map<?, ?> map && !map.isEmpty()) {
        StringBuilder block = new StringBuilder();
        writeMap(block, cast(map), indent + 2);
        out.append(" ".repeat(indent)).append("- ").append(block.substring(indent + 2));
      } else if (item instanceof List<?> nested && !nested.isEmpty()) {
        StringBuilder block = new StringBuilder();
        writeList(block, nested, indent + 2);
        out.append(" ".repeat(indent)).append("- ").append(block.substring(indent + 2));
      } else {
        out.append(" ".repeat(indent)).append("- ").append(inline(item)).append('\n');
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?> cast(Map<?, ?> map) {
    return (Map<String, ?>) map;
  }

  private static String inline(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Map<?, ?>) {
      return "{}";
    }
    if (value instanceof List<?>) {
      return "[]";
    }
    if (value instanceof Boolean || value instanceof Long || value instanceof Integer) {
      return value.toString();
    }
    if (value instanceof Double d) {
      return formatFloat(d);
    }
    return scalar(value.toString());
  }

  /** A string as yaml.v2 writes it: plain when it reads back as the same string, else quoted. */
  static String scalar(String text) {
    return needsQuotes(text) ? GoStrings.quote(text) : text;
  }

  private static boolean needsQuotes(String text) {
    if (text.isEmpty()
        || RESERVED.contains(text)
        || INT.matcher(text).matches()
        || FLOAT.matcher(text).matches()
        || SPECIAL_FLOAT.matcher(text).matches()
        || TIMESTAMP.matcher(text).matches()) {
      return true;
    }
    char first = text.charAt(0);
    boolean spaceAfterFirst = text.length() == 1 || text.charAt(1) == ' ';
    if ("#,[]{}&*!|>'\"%@`".indexOf(first) >= 0 || "-?:".indexOf(first) >= 0 && spaceAfterFirst) {
      return true;
    }
    if (first == ' ' || text.charAt(text.length() - 1) == ' ') {
      return true;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        return true;
      }
    }
    return text.contains(": ") || text.contains(" #") || text.endsWith(":");
  }

  /** Go's {@code strconv.FormatFloat(f, 'g', -1, 64)}, with YAML's spellings of infinities. */
  static String formatFloat(double value) {
    if (Double.isNaN(value)) {
      return ".nan";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+.inf" : "-.inf";
    }
    if (value == 0) {
      return (1 / value < 0) ? "-0" : "0";
    }
    BigDecimal decimal = new BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros();
    String digits = decimal.unscaledValue().toString();
    int exponent = digits.length() - decimal.scale() - 1;
    String sign = value < 0 ? "-" : "";
    // Go's shortest %g switches to an exponent below 1e-4 and from 1e6 on.
    if (exponent < -4 || exponent >= 6) {
      return sign + exponential(digits, exponent);
    }
    return sign + decimal.toPlainString();
  }

  private static String exponential(String digits, int exponent) {
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    String exp = Integer.toString(Math.abs(exponent));
    return mantissa + "e" + (exponent < 0 ? "-" : "+") + (exp.length() < 2 ? "0" + exp : exp);
  }
}
