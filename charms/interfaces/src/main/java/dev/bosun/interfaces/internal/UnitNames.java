package dev.bosun.interfaces.internal;

import java.util.Comparator;

/**
 * Orders Juju unit names by application, then by unit number ({@code etcd/2} before {@code
 * etcd/10}).
 */
public final class UnitNames {
  /** Application name, then unit number as a number; names without a number sort by text. */
  public static final Comparator<String> ORDER = UnitNames::compare;

  private UnitNames() {}

  private static int compare(String first, String second) {
    int a = Math.max(first.lastIndexOf('/'), first.lastIndexOf('_'));
    int b = Math.max(second.lastIndexOf('/'), second.lastIndexOf('_'));
    if (a > 0 && b > 0) {
      int byApplication = first.substring(0, a).compareTo(second.substring(0, b));
      if (byApplication != 0) {
        return byApplication;
      }
      String numberA = first.substring(a + 1);
      String numberB = second.substring(b + 1);
      if (isNumber(numberA) && isNumber(numberB)) {
        int byLength = Integer.compare(numberA.length(), numberB.length());
        return byLength != 0 ? byLength : numberA.compareTo(numberB);
      }
    }
    return first.compareTo(second);
  }

  private static boolean isNumber(String text) {
    if (text.isEmpty() || (text.length() > 1 && text.charAt(0) == '0')) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
