package dev.bosun.model.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NaturalOrderTest {

  @Test
  void comparesRunsOfDigitsByValue() {
    List<String> names =
        new ArrayList<>(List.of("app10", "app9", "app1", "app", "10", "2", "0/lxd/10", "0/lxd/9"));
    names.sort(NaturalOrder.INSTANCE);

    assertThat(names)
        .containsExactly("0/lxd/9", "0/lxd/10", "2", "10", "app", "app1", "app9", "app10");
  }

  @Test
  void fewerLeadingZerosSortFirstAmongEqualNumbers() {
    assertThat(NaturalOrder.INSTANCE.compare("a1", "a01")).isNegative();
    assertThat(NaturalOrder.INSTANCE.compare("a01", "a1")).isPositive();
    assertThat(NaturalOrder.INSTANCE.compare("a1", "a1")).isZero();
  }
}
