package dev.bosun.model.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bosun.model.Location;
import dev.bosun.model.Problem;
import dev.bosun.model.SourceMap;
import dev.bosun.model.bundle.TestCharms;
import dev.bosun.model.charm.CharmRepository;
import dev.bosun.model.spec.ModelSpec;
import dev.bosun.model.spec.ModelSpecException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The validator on models built in Java, and its contract: every problem, sorted, located. */
class ModelValidatorTest {

  @Test
  void javaBuiltModelsGetTheStructuralChecksWithoutLocations() {
    ModelSpecException thrown =
        catchThrowableOfType(
            ModelSpecException.class,
            () ->
                ModelSpec.builder()
                    .machine("5")
                    .application("etcd", app -> app.units(1).to("3"))
                    .relate("etcd", "nowhere")
                    .build());

    assertThat(thrown.errors())
        .containsExactly(
            Problem.error(null, "machine \"5\" is not referred to by a placement directive"),
            Problem.error(null, "placement \"3\" refers to a machine not defined in this bundle"),
            Problem.error(
                null,
                "relation [\"etcd\" \"nowhere\"] refers to application \"nowhere\" not defined in this"
                    + " bundle"));
  }

  @Test
  void anUnknownCharmIsAWarningThatDoesNotStopBuild() {
    ModelSpec model =
        ModelSpec.builder()
            .application("etcd", app -> app.units(3))
            .application("easyrsa", app -> app.units(1))
            .relate("etcd:certificates", "easyrsa:client")
            .build();

    List<Problem> problems = ModelValidator.validate(model, SourceMap.EMPTY, CharmRepository.NONE);

    assertThat(problems).hasSize(2).noneMatch(Problem::isError);
    assertThat(problems.get(0).message())
        .isEqualTo(
            "charm metadata for \"easyrsa\" (application \"easyrsa\") is unknown, so the checks that"
                + " need it (endpoints, relations, options, subordinates) were skipped; point Bosun"
                + " at the charm with --charm-dir DIR");
  }

  @Test
  void validatesJavaModelsAgainstCharmsToo() {
    ModelSpec model =
        ModelSpec.builder()
            .application("etcd", app -> app.units(3).option("port", "http"))
            .application("flannel", app -> app.units(2))
            .relate("flannel", "etcd")
            .build();

    assertThat(model.validate(TestCharms.kubernetes()))
        .extracting(Problem::message)
        .containsExactly(
            "application \"flannel\" is subordinate but has non-zero num_units",
            "cannot validate application \"etcd\": option \"port\" expected int, got \"http\"");
  }

  @Test
  void aBareContainerTypeInAJavaModelIsANewContainer() {
    ModelSpec model =
        ModelSpec.builder().application("etcd", app -> app.units(1).to("lxd")).build();

    assertThat(model.applications().get("etcd").to()).hasSize(1);
  }

  @Test
  void locatesEachProblemAtTheMostPreciseRecordedPlaceAndSortsByLocation() {
    ModelSpec model =
        ModelSpec.builder()
            .application("etcd", app -> app.units(-1))
            .application("easyrsa", app -> app.charm(""))
            .buildUnvalidated();
    SourceMap sources =
        SourceMap.builder()
            .key(new Location("b.yaml", 2, 3), "applications", "etcd")
            .value(new Location("b.yaml", 3, 16), "applications", "etcd", "num_units")
            .key(new Location("b.yaml", 1, 3), "applications", "easyrsa")
            .build();

    List<Problem> problems = ModelValidator.validate(model, sources, TestCharms.kubernetes());

    assertThat(problems)
        .containsExactly(
            Problem.error(new Location("b.yaml", 1, 3), "empty charm path"),
            Problem.error(
                new Location("b.yaml", 3, 16),
                "negative number of units specified on application \"etcd\""));
  }
}
