package dev.bosun.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as Juju's commands take them: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}. */
final class Durations {
  private static final Pattern SIMPLE = Pattern.compile("(\\d+)(ms|s|m|h)");

  private Durations() {}

  /**
   * Parses a duration.
   *
   * @throws UsageException when it is not a number followed by ms, s, m or h
   */
  static Duration parse(String text, String option) {
    Matcher matcher = SIMPLE.matcher(text.strip());
    if (!matcher.matches()) {
      throw new UsageException(
          option + " expects a duration such as 30s, 5m or 1h, got \"" + text + "\"");
    }
    long amount = Long.parseLong(matcher.group(1));
    return switch (matcher.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      default -> Duration.ofHours(amount);
    };
  }

  /** Formats a duration the way {@link #parse} reads it. */
  static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 3_600_000 == 0) {
      return millis / 3_600_000 + "h";
    }
    if (millis % 60_000 == 0) {
      return millis / 60_000 + "m";
    }
    if (millis % 1_000 == 0) {
      return millis / 1_000 + "s";
    }
    return millis + "ms";
  }
}
