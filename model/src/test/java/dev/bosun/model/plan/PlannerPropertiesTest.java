package dev.bosun.model.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.bosun.model.spec.ModelSpec;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class PlannerPropertiesTest {

  private static final Gen<ModelSpec> MODELS = ModelSpecs.models();

  @Test
  void planningAgainstTheStateAPlanProducedGivesNoChanges() {
    qt().withExamples(400)
        .forAll(MODELS)
        .checkAssert(
            spec -> {
              ModelState deployed = ModelState.EMPTY.apply(Planner.plan(spec, ModelState.EMPTY));
              Plan again = Planner.plan(spec, deployed);
              assertThat(again.descriptions()).as("plan for %s", spec).isEmpty();
            });
  }

  @Test
  void planningIsDeterministic() {
    qt().withExamples(200)
        .forAll(MODELS)
        .checkAssert(
            spec -> {
              Plan first = Planner.plan(spec, ModelState.EMPTY);
              Plan second = Planner.plan(spec.toBuilder().buildUnvalidated(), ModelState.EMPTY);
              assertThat(second).isEqualTo(first);
              ModelState deployed = ModelState.EMPTY.apply(first);
              assertThat(ModelState.EMPTY.apply(second)).isEqualTo(deployed);
            });
  }

  @Test
  void everyPlanRespectsItsRequirementsAndNumbersChangesUniquely() {
    qt().withExamples(200)
        .forAll(MODELS)
        .checkAssert(
            spec -> {
              Plan plan = Planner.plan(spec, ModelState.EMPTY);
              Set<String> done = new HashSet<>();
              for (Change change : plan.changes()) {
                assertThat(done).containsAll(change.requires());
                assertThat(done.add(change.id())).isTrue();
              }
            });
  }

  @Test
  void scalingUpAddsExactlyTheMissingUnits() {
    qt().withExamples(300)
        .forAll(ModelSpecs.modelsAndScaledUp())
        .checkAssert(
            pair -> {
              ModelSpec spec = pair.get(0);
              ModelSpec scaled = pair.get(1);
              ModelState deployed = ModelState.EMPTY.apply(Planner.plan(spec, ModelState.EMPTY));
              Plan plan = Planner.plan(scaled, deployed);

              Map<String, Integer> added = new HashMap<>();
              for (Change change : plan.changes()) {
                assertThat(change)
                    .isInstanceOfAny(
                        AddUnitChange.class, AddMachineChange.class, ScaleChange.class);
                if (change instanceof AddUnitChange unit) {
                  added.merge(unit.applicationName(), 1, Integer::sum);
                  assertThat(deployed.applications().get(unit.applicationName()).units())
                      .doesNotContainKey(unit.unitName());
                }
              }
              ModelState after = deployed.apply(plan);
              for (var app : scaled.applications().values()) {
                int before = deployed.applications().get(app.name()).units().size();
                int missing = app.numUnits() - before;
                if (!scaled.isKubernetes()) {
                  assertThat(added.getOrDefault(app.name(), 0)).isEqualTo(missing);
                }
                assertThat(after.applications().get(app.name()).units()).hasSize(app.numUnits());
              }
              assertThat(Planner.plan(scaled, after).descriptions()).isEmpty();
            });
  }
}
