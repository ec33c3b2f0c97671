package dev.bosun.model.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.impl.Constraint;

class ChangeOrderTest {

  /** Juju's toposortFlatten, literally: rescan in insertion order until every change is taken. */
  private static int[] jujuToposortFlatten(int[][] requires) {
    int n = requires.length;
    Map<Integer, Integer> inDegree = new HashMap<>();
    Map<Integer, List<Integer>> followers = new HashMap<>();
    for (int change = 0; change < n; change++) {
      inDegree.put(change, requires[change].length);
      for (int r : requires[change]) {
        followers.computeIfAbsent(r, key -> new ArrayList<>()).add(change);
      }
    }
    int[] sorted = new int[n];
    int count = 0;
    while (!inDegree.isEmpty()) {
      int before = inDegree.size();
      for (int change = 0; change < n; change++) {
        Integer degree = inDegree.get(change);
        if (degree != null && degree == 0) {
          sorted[count++] = change;
          inDegree.remove(change);
          for (int follower : followers.getOrDefault(change, List.of())) {
            inDegree.merge(follower, -1, Integer::sum);
          }
        }
      }
      if (before == inDegree.size()) {
        throw new IllegalStateException("sort failed");
      }
    }
    return sorted;
  }

  /** Random DAGs: each change requires a few others, earlier or later, never in a cycle. */
  private static Gen<int[][]> dags() {
    return in -> {
      int n = (int) in.next(Constraint.between(0, 40));
      // A random topological rank per change; requirements point to lower ranks only.
      int[] rank = new int[n];
      for (int i = 0; i < n; i++) {
        rank[i] = (int) in.next(Constraint.between(0, 1000));
      }
      int[][] requires = new int[n][];
      for (int i = 0; i < n; i++) {
        List<Integer> reqs = new ArrayList<>();
        int tries = (int) in.next(Constraint.between(0, 4));
        for (int t = 0; t < tries && n > 1; t++) {
          int j = (int) in.next(Constraint.between(0, n - 1));
          if (rank[j] < rank[i] && !reqs.contains(j)) {
            reqs.add(j);
          }
        }
        requires[i] = reqs.stream().mapToInt(Integer::intValue).toArray();
      }
      return requires;
    };
  }

  @Test
  void ordersExactlyAsJujusRescanningSortDoes() {
    qt().withExamples(2000)
        .forAll(dags())
        .checkAssert(dag -> assertThat(ChangeOrder.sort(dag)).isEqualTo(jujuToposortFlatten(dag)));
  }

  @Test
  void keepsInsertionOrderWhenNothingIsRequired() {
    assertThat(ChangeOrder.sort(new int[][] {{}, {}, {}})).containsExactly(0, 1, 2);
  }

  @Test
  void aChangeRequiringALaterOneMovesToTheNextPass() {
    // 0 requires 2; 1 requires nothing; 2 requires 1.
    assertThat(ChangeOrder.sort(new int[][] {{2}, {}, {1}})).containsExactly(1, 2, 0);
  }

  @Test
  void cyclesFailAsJujusSortDoes() {
    assertThatThrownBy(() -> ChangeOrder.sort(new int[][] {{1}, {0}}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("sort failed");
  }
}
