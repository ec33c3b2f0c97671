package dev.bosun.charm.internal;

/** Checks paths inside a charm: relative, with {@code /}, never leaving the charm's root. */
final class CharmPaths {
  private CharmPaths() {}

  /** Whether a path is relative, uses {@code /} and has no empty, {@code .} or {@code ..} part. */
  static boolean isInside(String path) {
    if (path.isEmpty() || path.startsWith("/") || path.indexOf('\\') >= 0) {
      return false;
    }
    for (String part : path.split("/", -1)) {
      if (part.isEmpty() || part.equals(".") || part.equals("..")) {
        return false;
      }
    }
    return true;
  }

  /** Strips leading and trailing slashes from a classpath location. */
  static String location(String location) {
    int start = 0;
    int end = location.length();
    while (start < end && location.charAt(start) == '/') {
      start++;
    }
    while (end > start && location.charAt(end - 1) == '/') {
      end--;
    }
    return location.substring(start, end);
  }
}
