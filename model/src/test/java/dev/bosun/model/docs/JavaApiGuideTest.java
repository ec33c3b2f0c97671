package dev.bosun.model.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bosun.model.bundle.BundleReader;
import dev.bosun.model.bundle.BundleWriter;
import dev.bosun.model.bundle.LoadedBundle;
import dev.bosun.model.bundle.TestCharms;
import dev.bosun.model.charm.CharmRepository;
import dev.bosun.model.graph.RelationGraph;
import dev.bosun.model.plan.BundleDiff;
import dev.bosun.model.plan.ModelState;
import dev.bosun.model.plan.Plan;
import dev.bosun.model.plan.Planner;
import dev.bosun.model.spec.ModelSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The examples of {@code docs/java-api.md}, run as written, so the guide stays true. */
class JavaApiGuideTest {
  private static final Path ROOT = TestCharms.repositoryRoot();

  @Test
  void buildsTheGuidesModelAndItPlansAndDiffsAsDescribed() {
    ModelSpec model =
        ModelSpec.builder()
            .application("easyrsa", app -> app.units(1))
            .application(
                "etcd", app -> app.units(3).option("port", 2379).constraints("cores=2 mem=8G"))
            .relate("etcd:certificates", "easyrsa:client")
            .build();
    CharmRepository charms = CharmRepository.directories(List.of(ROOT.resolve("charms")));

    assertThat(model.validate(charms)).isEmpty();
    ModelSpec resolved = RelationGraph.resolve(model, charms).resolvedModel();
    Plan plan = Planner.plan(resolved, ModelState.EMPTY);
    ModelState after = ModelState.EMPTY.apply(plan);

    assertThat(plan.descriptions()).contains("add unit etcd/2 to new machine 3");
    assertThat(Planner.plan(resolved, after).isEmpty()).isTrue();
    BundleDiff diff = BundleDiff.compute(resolved, after);
    assertThat(diff.applications()).isEmpty();
    assertThat(diff.machines().keySet()).containsExactly("0", "1", "2", "3");
  }

  @Test
  void readsAndExportsTheGuidesBundle() {
    CharmRepository charms = CharmRepository.directories(List.of(ROOT.resolve("charms")));
    BundleReader reader = BundleReader.builder().charms(charms).build();
    LoadedBundle loaded = reader.read(ROOT.resolve("bundles/kubernetes-core.yaml"), List.of());

    String yaml = BundleWriter.write(loaded.model());

    assertThat(loaded.warnings()).isEmpty();
    assertThat(RelationGraph.resolve(loaded.model(), charms).principalsOf("flannel"))
        .containsExactly("kubernetes-master", "kubernetes-worker");
    assertThat(reader.read(yaml, "export.yaml", ROOT).model()).isEqualTo(loaded.model());
  }
}
