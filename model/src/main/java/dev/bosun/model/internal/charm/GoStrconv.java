package dev.bosun.model.internal.charm;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Go's {@code strconv} parsers as Juju uses them for configuration values: {@code ParseInt}, {@code
 * ParseFloat} and {@code ParseBool}, with Go's exact grammar (no surrounding whitespace, no
 * Java-only spellings such as {@code 1d} or {@code Infinity} with a capital letter only).
 *
 * <p>Each parser returns null when Go's would return an error.
 */
public final class GoStrconv {
  private static final BigInteger MIN_LONG = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger MAX_LONG = BigInteger.valueOf(Long.MAX_VALUE);

  private static final Pattern DECIMAL_FLOAT =
      Pattern.compile(
          "[+-]?(?:[0-9](?:_?[0-9])*(?:\\.(?:[0-9](?:_?[0-9])*)?)?|\\.[0-9](?:_?[0-9])*)"
              + "(?:[eE][+-]?[0-9](?:_?[0-9])*)?");
  private static final Pattern HEX_FLOAT =
      Pattern.compile(
          "[+-]?0[xX](?:_?[0-9a-fA-F])*(?:\\.(?:[0-9a-fA-F](?:_?[0-9a-fA-F])*)?)?"
              + "[pP][+-]?[0-9](?:_?[0-9])*");

  private GoStrconv() {}

  /**
   * Go's {@code strconv.ParseInt(text, 10, 64)}: an optional sign and decimal digits, within the
   * 64-bit range.
   */
  public static Long parseDecimalInt(String text) {
    int start = text.startsWith("+") || text.startsWith("-") ? 1 : 0;
    if (start == text.length()) {
      return null;
    }
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
    }
    return toLong(new BigInteger(text.startsWith("+") ? text.substring(1) : text));
  }

  /**
   * Go's {@code strconv.ParseInt(text, 0, 64)}, which juju/schema's {@code Int} checker uses for
   * strings: the base comes from the prefix ({@code 0x}, {@code 0o}, {@code 0b}, or {@code 0} for
   * octal) and underscores may separate digits, as in Go integer literals.
   */
  public static Long parseIntAnyBase(String text) {
    String digits = text;
    boolean negative = false;
    if (digits.startsWith("+") || digits.startsWith("-")) {
      negative = digits.startsWith("-");
      digits = digits.substring(1);
    }
    if (digits.isEmpty()) {
      return null;
    }
    int radix = 10;
    boolean prefixed = false;
    String lower = digits.toLowerCase(Locale.ROOT);
    if (lower.startsWith("0x")) {
      radix = 16;
      digits = digits.substring(2);
      prefixed = true;
    } else if (lower.startsWith("0o")) {
      radix = 8;
      digits = digits.substring(2);
      prefixed = true;
    } else if (lower.startsWith("0b")) {
      radix = 2;
      digits = digits.substring(2);
      prefixed = true;
    } else if (digits.length() > 1 && digits.charAt(0) == '0') {
      radix = 8;
      digits = digits.substring(1);
      prefixed = true;
    }
    if (digits.contains("_")) {
      if (!underscoresBetweenDigits(digits, prefixed)) {
        return null;
      }
      digits = digits.replace("_", "");
    }
    if (digits.isEmpty()) {
      return null;
    }
    for (int i = 0; i < digits.length(); i++) {
      if (Character.digit(digits.charAt(i), radix) < 0 || digits.charAt(i) > 'z') {
        return null;
      }
    }
    BigInteger value = new BigInteger(digits, radix);
    return toLong(negative ? value.negate() : value);
  }

  private static boolean underscoresBetweenDigits(String digits, boolean afterPrefix) {
    // An underscore may follow the base prefix or a digit, and must be followed by a digit.
    char previous = afterPrefix ? '0' : '^';
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c == '_') {
        if (previous == '_' || previous == '^') {
          return false;
        }
      } else if (previous == '_' && !Character.isLetterOrDigit(c)) {
        return false;
      }
      previous = c;
    }
    return previous != '_';
  }

  private static Long toLong(BigInteger value) {
    return value.compareTo(MIN_LONG) < 0 || value.compareTo(MAX_LONG) > 0
        ? null
        : value.longValue();
  }

  /**
   * Go's {@code strconv.ParseFloat(text, 64)}: decimal or hexadecimal floating-point literals,
   * {@code inf}/{@code infinity} with an optional sign and {@code nan}, case-insensitively;
   * out-of-range values are rejected.
   */
  public static Double parseFloat(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
    if (unsigned.equals("inf") || unsigned.equals("infinity")) {
      return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (lower.equals("nan")) {
      return Double.NaN;
    }
    double value;
    if (DECIMAL_FLOAT.matcher(text).matches()) {
      value = Double.parseDouble(text.replace("_", ""));
    } else if (HEX_FLOAT.matcher(text).matches()) {
      try {
        value = Double.parseDouble(text.replace("_", ""));
      } catch (NumberFormatException e) {
        return null; // no mantissa digits, as in 0xp1
      }
    } else {
      return null;
    }
    return Double.isInfinite(value) ? null : value;
  }

  /** Go's {@code strconv.ParseBool}: {@code 1 t T TRUE true True 0 f F FALSE false False}. */
  public static Boolean parseBool(String text) {
    return switch (text) {
      case "1", "t", "T", "TRUE", "true", "True" -> Boolean.TRUE;
      case "0", "f", "F", "FALSE", "false", "False" -> Boolean.FALSE;
      default -> null;
    };
  }
}
