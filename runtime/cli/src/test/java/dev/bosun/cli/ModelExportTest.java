package dev.bosun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bosun.model.plan.ModelState;
import dev.bosun.model.spec.ApplicationSpec;
import dev.bosun.model.spec.ModelSpec;
import dev.bosun.model.spec.RelationSpec;
import org.junit.jupiter.api.Test;

class ModelExportTest {
  private static final ModelState LIVE =
      ModelState.builder()
          .application(
              "greeter",
              app ->
                  app.charm("greeter")
                      .option("greeting", "hi")
                      .unit("greeter/0", "0")
                      .unit("greeter/1", "1")
                      .unit("greeter/2", "2"))
          .application("counter", app -> app.charm("counter").unit("counter/0", "3"))
          .machine("0")
          .machine("1")
          .machine("2")
          .machine("3")
          .relation(dev.bosun.model.plan.RelationState.of("counter:greeting", "greeter:greeting"))
          .build();

  @Test
  void aBundleMergedOverTheModelNeverRemovesUnitsApplicationsRelationsOrOptions() {
    ModelSpec bundle =
        ModelSpec.builder()
            .application("greeter", app -> app.charm("greeter").units(1).option("fail", false))
            .buildUnvalidated();

    ModelSpec merged = ModelExport.merge(bundle, LIVE);

    ApplicationSpec greeter = merged.applications().get("greeter");
    assertThat(greeter.numUnits()).isEqualTo(3);
    assertThat(greeter.options()).containsEntry("greeting", "hi").containsEntry("fail", false);
    assertThat(merged.applications()).containsKey("counter");
    assertThat(merged.applications().get("counter").numUnits()).isEqualTo(1);
    assertThat(merged.relations())
        .containsExactly(RelationSpec.of("counter:greeting", "greeter:greeting"));
  }

  @Test
  void exportPlacesEveryUnitOnItsMachineAndKeepsContainersAsDirectives() {
    ModelState withContainer =
        LIVE.toBuilder()
            .machine("0/lxd/0")
            .application(
                "sidecar-host", app -> app.charm("greeter").unit("sidecar-host/0", "0/lxd/0"))
            .build();

    ModelSpec exported = ModelExport.toSpec(withContainer, true);

    assertThat(exported.applications().get("greeter").to())
        .extracting(Object::toString)
        .containsExactly("0", "1", "2");
    assertThat(exported.applications().get("sidecar-host").to())
        .extracting(Object::toString)
        .containsExactly("lxd:0");
    assertThat(exported.machines()).containsOnlyKeys("0", "1", "2", "3");
  }
}
