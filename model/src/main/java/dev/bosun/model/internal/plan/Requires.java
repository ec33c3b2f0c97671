package dev.bosun.model.internal.plan;

import java.util.AbstractList;
import java.util.Collection;
import java.util.List;
import java.util.RandomAccess;
import java.util.TreeSet;

/**
 * The {@code requires} lists of changes: change ids in Juju's order (sorted as strings, as {@code
 * changeset.sorted} leaves them).
 *
 * <p>Juju makes every machine change require every machine change added before it, so that machines
 * are created in the order their numbers were predicted. Those lists grow quadratically with the
 * number of machines, so a machine change's list is computed when first read.
 */
public final class Requires {
  private Requires() {}

  /** Returns the ids sorted as strings, without duplicates, as an immutable list. */
  public static List<String> sorted(Collection<String> ids) {
    if (ids instanceof Lazy || ids instanceof Sorted) {
      return (List<String>) ids;
    }
    return new Sorted(new TreeSet<>(ids).toArray(String[]::new));
  }

  /**
   * Returns a list holding {@code explicit} and the first {@code count} of {@code machines}, sorted
   * as strings, computed when first read.
   *
   * @param explicit the ids the change requires for its own sake
   * @param machines the ids of the machine changes in the order they were added; the array must not
   *     change afterwards in its first {@code count} entries
   * @param count how many machine changes were added before this one
   */
  public static List<String> withPreviousMachines(
      List<String> explicit, String[] machines, int count) {
    if (count == 0) {
      return sorted(explicit);
    }
    return new Lazy(List.copyOf(explicit), machines, count);
  }

  /** An immutable sorted list. */
  private static final class Sorted extends AbstractList<String> implements RandomAccess {
    private final String[] ids;

    Sorted(String[] ids) {
      this.ids = ids;
    }

    @Override
    public String get(int index) {
      return ids[index];
    }

    @Override
    public int size() {
      return ids.length;
    }
  }

  /** A sorted list materialised on first read. */
  private static final class Lazy extends AbstractList<String> implements RandomAccess {
    private final List<String> explicit;
    private final String[] machines;
    private final int count;
    private volatile String[] ids;

    Lazy(List<String> explicit, String[] machines, int count) {
      this.explicit = explicit;
      this.machines = machines;
      this.count = count;
    }

    private String[] ids() {
      String[] result = ids;
      if (result == null) {
        TreeSet<String> all = new TreeSet<>(explicit);
        for (int i = 0; i < count; i++) {
          all.add(machines[i]);
        }
        result = all.toArray(String[]::new);
        ids = result;
      }
      return result;
    }

    @Override
    public String get(int index) {
      return ids()[index];
    }

    @Override
    public int size() {
      return ids().length;
    }
  }
}
