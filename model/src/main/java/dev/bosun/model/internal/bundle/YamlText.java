package dev.bosun.model.internal.bundle;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Renders scalars for bundle YAML so they read back as exactly the same value, by Bosun and by Go's
 * yaml.v2: a string is written plain only when it is safe and would not be read as a number,
 * boolean, null or timestamp (YAML 1.1, including yaml.v2's {@code y}/{@code n}); otherwise it is
 * double-quoted with escapes. Number-like words are always quoted, because Go's parser reads some
 * of them ({@code 0o17}) as numbers.
 */
public final class YamlText {
  private static final Resolver RESOLVER = new Resolver();
  private static final Pattern PLAIN = Pattern.compile("^[A-Za-z0-9_./][A-Za-z0-9_./ =,:@+()-]*$");
  private static final Pattern YAML_V2_BOOLEAN = Pattern.compile("^[yYnN]$");

  /** Number-like words: Go reads some as numbers that YAML 1.1 does not ({@code 0o17}). */
  private static final Pattern NUMBER_LIKE = Pattern.compile("^[-+.0-9][0-9A-Za-z_.:+-]*$");

  private YamlText() {}

  /** Returns the string as a YAML scalar: plain when safe, else double-quoted. */
  public static String string(String text) {
    return isPlainSafe(text) ? text : doubleQuoted(text);
  }

  /** Returns a number or boolean as a YAML scalar; doubles always read back as floats. */
  public static String value(Object value) {
    if (value instanceof String text) {
      return string(text);
    }
    if (value instanceof Double number) {
      return floating(number);
    }
    return String.valueOf(value);
  }

  private static String floating(double number) {
    if (Double.isNaN(number)) {
      return ".nan";
    }
    if (Double.isInfinite(number)) {
      return number > 0 ? ".inf" : "-.inf";
    }
    return Double.toString(number);
  }

  private static boolean isPlainSafe(String text) {
    if (text.isEmpty()
        || !PLAIN.matcher(text).matches()
        || text.endsWith(" ")
        || text.endsWith(":")
        || text.contains(": ")
        || text.contains(" #")
        || YAML_V2_BOOLEAN.matcher(text).matches()
        || NUMBER_LIKE.matcher(text).matches()) {
      return false;
    }
    return Tag.STR.equals(RESOLVER.resolve(NodeId.scalar, text, true));
  }

  /** Returns the text double-quoted, escaping what YAML cannot hold literally. */
  public static String doubleQuoted(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (Character.isHighSurrogate(c)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(++i));
          } else if ((c >= 0x20 && c <= 0x7e)
              || (c >= 0xa0 && c <= 0xd7ff && c != 0x2028 && c != 0x2029)
              || (c >= 0xe000 && c <= 0xfffd && c != 0xfeff)) {
            out.append(c);
          } else if (c < 0x100) {
            out.append(String.format("\\x%02x", (int) c));
          } else {
            out.append(String.format("\\u%04x", (int) c));
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
