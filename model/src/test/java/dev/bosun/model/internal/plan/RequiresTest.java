package dev.bosun.model.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RequiresTest {

  @Test
  void sortsAsStringsWithoutDuplicates() {
    assertThat(Requires.sorted(List.of("deploy-1", "addMachines-10", "addMachines-2", "deploy-1")))
        .containsExactly("addMachines-10", "addMachines-2", "deploy-1");
  }

  @Test
  void machineChangesRequireEveryEarlierMachineChange() {
    String[] machines = {"addMachines-3", "addMachines-5", "addMachines-11", "ignored"};

    List<String> requires =
        Requires.withPreviousMachines(List.of("addUnit-4", "addMachines-5"), machines, 3);

    assertThat(requires)
        .containsExactly("addMachines-11", "addMachines-3", "addMachines-5", "addUnit-4")
        .isEqualTo(List.of("addMachines-11", "addMachines-3", "addMachines-5", "addUnit-4"));
    assertThat(Requires.withPreviousMachines(List.of(), machines, 0)).isEmpty();
  }
}
