package dev.bosun.runtime.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class AdjustedSetTest {

  @Test
  void viewsTheMembersPlusAJoiningUnitMinusADepartingOneInOrder() {
    qt().forAll(
            lists().of(integers().between(0, 20)).ofSizeBetween(0, 10),
            integers().between(-1, 20),
            integers().between(-1, 20))
        .checkAssert(
            (members, plus, minus) -> {
              TreeSet<String> base = new TreeSet<>();
              members.forEach(n -> base.add("u/" + n));
              String joining = plus < 0 ? null : "u/" + plus;
              // A hook either joins or departs a unit, never both.
              String departing = minus < 0 || joining != null ? null : "u/" + minus;
              TreeSet<String> expected = new TreeSet<>(base);
              if (joining != null) {
                expected.add(joining);
              }
              if (departing != null) {
                expected.remove(departing);
              }
              var view = new AgentRelationView.AdjustedSet(base, joining, departing);
              List<String> iterated = new ArrayList<>(view);
              assertThat(iterated).containsExactlyElementsOf(expected);
              assertThat(view).hasSize(expected.size());
              for (int n = 0; n <= 20; n++) {
                assertThat(view.contains("u/" + n)).isEqualTo(expected.contains("u/" + n));
              }
            });
  }
}
