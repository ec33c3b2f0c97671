package dev.bosun.model.internal.validation;

import java.util.List;

/**
 * Renders values the way Go's {@code fmt} verbs do in Juju's messages, so Bosun's messages read
 * exactly like Juju's.
 */
public final class GoFormat {
  private GoFormat() {}

  /**
   * Returns Go's {@code %q} of a string: double-quoted, with backslash escapes for quotes,
   * backslashes and control characters.
   */
  public static String quote(String text) {
    StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\t' -> quoted.append("\\t");
        case '\r' -> quoted.append("\\r");
        case '\u0007' -> quoted.append("\\a");
        case '\b' -> quoted.append("\\b");
        case '\f' -> quoted.append("\\f");
        case '\u000b' -> quoted.append("\\v");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            quoted.append(String.format("\\x%02x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }

  /**
   * Returns Go's {@code %q} of a string slice: {@code ["a:x" "b:y"]}, each element quoted and
   * separated by one space.
   */
  public static String quoteList(List<String> items) {
    StringBuilder text = new StringBuilder("[");
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        text.append(' ');
      }
      text.append(quote(items.get(i)));
    }
    return text.append(']').toString();
  }
}
