package dev.bosun.model.internal.plan;

import java.util.Comparator;

/**
 * Juju's natural sort order ({@code naturalsort.Sort}): runs of digits compare by numeric value, so
 * {@code app9} sorts before {@code app10} and machine {@code 2} before {@code 10}.
 */
public final class NaturalOrder implements Comparator<String> {
  /** The comparator. */
  public static final NaturalOrder INSTANCE = new NaturalOrder();

  private NaturalOrder() {}

  @Override
  public int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char x = a.charAt(i);
      char y = b.charAt(j);
      boolean xDigit = isDigit(x);
      boolean yDigit = isDigit(y);
      if (xDigit != yDigit) {
        return xDigit ? -1 : 1;
      }
      if (!xDigit) {
        if (x != y) {
          return Character.compare(x, y);
        }
        i++;
        j++;
        continue;
      }
      while (i < a.length() && a.charAt(i) == '0') {
        i++;
      }
      while (j < b.length() && b.charAt(j) == '0') {
        j++;
      }
      int startA = i;
      int startB = j;
      while (i < a.length() && isDigit(a.charAt(i))) {
        i++;
      }
      while (j < b.length() && isDigit(b.charAt(j))) {
        j++;
      }
      int lengthA = i - startA;
      int lengthB = j - startB;
      if (lengthA != lengthB) {
        return Integer.compare(lengthA, lengthB);
      }
      int digits = a.substring(startA, i).compareTo(b.substring(startB, j));
      if (digits != 0) {
        return digits;
      }
      if (startA != startB) {
        return Integer.compare(startA, startB);
      }
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
