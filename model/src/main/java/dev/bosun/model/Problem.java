package dev.bosun.model;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.Optional;

/**
 * One finding about user input: an error that stops the input from being used, or a warning that
 * does not.
 *
 * <p>Readers of bundles and charms collect every problem at once rather than stopping at the first,
 * so a user fixes everything in one pass. A problem found in a file has a {@link Location}; one
 * found in a model built in Java has none.
 *
 * @param severity whether the problem stops the input from being used
 * @param location where the problem is, or null when the input did not come from a file
 * @param message what is wrong, in Juju's wording where Juju has one
 */
public record Problem(Severity severity, Location location, String message) {

  /** Orders problems by location (problems without one first), then by message. */
  public static final Comparator<Problem> BY_LOCATION =
      Comparator.comparing(Problem::location, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(Problem::message);

  /** Checks the components. */
  public Problem {
    requireNonNull(severity, "severity");
    requireNonNull(message, "message");
  }

  /** Returns an error at the given location (which may be null). */
  public static Problem error(Location location, String message) {
    return new Problem(Severity.ERROR, location, message);
  }

  /** Returns a warning at the given location (which may be null). */
  public static Problem warning(Location location, String message) {
    return new Problem(Severity.WARNING, location, message);
  }

  /** Returns an error with a message built by {@link String#format}. */
  public static Problem error(Location location, String format, Object... args) {
    return error(location, String.format(format, args));
  }

  /** Returns a warning with a message built by {@link String#format}. */
  public static Problem warning(Location location, String format, Object... args) {
    return warning(location, String.format(format, args));
  }

  /** Returns the location, if the input came from a file. */
  public Optional<Location> where() {
    return Optional.ofNullable(location);
  }

  /** Whether this problem stops the input from being used. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /**
   * Returns the one-line form used by the CLI: {@code file:line:column: message} for errors and
   * {@code file:line:column: warning: message} for warnings; without the location prefix when there
   * is no location.
   */
  @Override
  public String toString() {
    String text = severity == Severity.WARNING ? "warning: " + message : message;
    return location == null ? text : location + ": " + text;
  }

  /** How serious a problem is. */
  public enum Severity {
    /** The input cannot be used; nothing is applied. */
    ERROR,
    /** The input can be used; the user should look at it. */
    WARNING
  }
}
