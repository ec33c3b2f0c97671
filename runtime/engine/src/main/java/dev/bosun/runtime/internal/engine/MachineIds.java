package dev.bosun.runtime.internal.engine;

import java.util.Comparator;

/** Juju machine ids: {@code 3}, {@code 3/lxd/0}, {@code 3/lxd/0/kvm/1}. */
final class MachineIds {
  /** Orders ids by their segments, numbers numerically: 2 before 10, 2 before 2/lxd/0. */
  static final Comparator<String> ORDER = MachineIds::compare;

  private MachineIds() {}

  /**
   * A parsed id.
   *
   * @param parent the host of a container, else null
   * @param containerType the container type, else null
   * @param number the machine's or container's number
   */
  record Parsed(String parent, String containerType, int number) {}

  static Parsed parse(String id) {
    int last = id.lastIndexOf('/');
    if (last < 0) {
      return new Parsed(null, null, Integer.parseInt(id));
    }
    int typeStart = id.lastIndexOf('/', last - 1);
    return new Parsed(
        id.substring(0, typeStart),
        id.substring(typeStart + 1, last),
        Integer.parseInt(id.substring(last + 1)));
  }

  private static int compare(String a, String b) {
    String[] left = a.split("/");
    String[] right = b.split("/");
    for (int i = 0; i < Math.min(left.length, right.length); i++) {
      int order;
      if (isNumber(left[i]) && isNumber(right[i])) {
        order = Long.compare(Long.parseLong(left[i]), Long.parseLong(right[i]));
      } else {
        order = left[i].compareTo(right[i]);
      }
      if (order != 0) {
        return order;
      }
    }
    return Integer.compare(left.length, right.length);
  }

  private static boolean isNumber(String text) {
    if (text.isEmpty() || text.length() > 18) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (!Character.isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
