package dev.bosun.model.internal.plan;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Juju 3.x's change order ({@code toposortFlatten} in {@code core/bundle/changes/changes.go}).
 *
 * <p>Juju repeatedly scans the changes in the order they were added and takes every change whose
 * requirements have all been taken, until none is left. A change is therefore taken in pass {@code
 * p}, where {@code p} is the largest of, over its requirements {@code r}: {@code pass(r)} when
 * {@code r} was added before it, {@code pass(r) + 1} when after; the result lists the changes by
 * pass, then by the order they were added. This computes the passes directly, in time linear in the
 * number of changes and requirements, instead of rescanning.
 */
public final class ChangeOrder {
  private ChangeOrder() {}

  /**
   * Orders changes.
   *
   * @param requires for each change (by the index it was added at), the indices of the changes it
   *     requires; requiring only the latest of a chain of changes that each require the previous
   *     one gives the same order as requiring them all
   * @return the indices in the order to apply them
   * @throws IllegalStateException {@code sort failed} when the requirements form a cycle
   */
  public static int[] sort(int[][] requires) {
    int n = requires.length;
    int[] pass = new int[n];
    byte[] state = new byte[n]; // 0 new, 1 on the stack, 2 done
    int[] cursor = new int[n];
    ArrayDeque<Integer> stack = new ArrayDeque<>();
    int maxPass = 0;
    for (int start = 0; start < n; start++) {
      if (state[start] == 2) {
        continue;
      }
      stack.push(start);
      state[start] = 1;
      while (!stack.isEmpty()) {
        int change = stack.peek();
        int[] reqs = requires[change];
        if (cursor[change] < reqs.length) {
          int required = reqs[cursor[change]++];
          if (state[required] == 1) {
            throw new IllegalStateException("sort failed");
          }
          if (state[required] == 0) {
            state[required] = 1;
            stack.push(required);
          }
          continue;
        }
        int p = 0;
        for (int required : reqs) {
          p = Math.max(p, pass[required] + (required > change ? 1 : 0));
        }
        pass[change] = p;
        maxPass = Math.max(maxPass, p);
        state[change] = 2;
        stack.pop();
      }
    }
    int[] counts = new int[maxPass + 2];
    for (int p : pass) {
      counts[p + 1]++;
    }
    for (int p = 1; p < counts.length; p++) {
      counts[p] += counts[p - 1];
    }
    int[] order = new int[n];
    for (int change = 0; change < n; change++) {
      order[counts[pass[change]]++] = change;
    }
    return n == 0 ? order : Arrays.copyOf(order, n);
  }
}
