package dev.bosun.model.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bosun.model.charm.CharmRepository;
import dev.bosun.model.graph.Relation;
import dev.bosun.model.graph.RelationGraph;
import dev.bosun.model.spec.ModelSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bundles at the repository root ({@code bundles/}) read without errors or warnings and every
 * relation resolves, against each charm repository {@link #repositories()} lists.
 */
class RealisticBundlesTest {
  private static final Path ROOT = TestCharms.repositoryRoot().resolve("bundles");

  /** The charm repositories to check the bundles against, each with a name. */
  static Stream<Arguments> repositories() {
    return Stream.of(Arguments.of("the charms in charms/", TestCharms.kubernetes()));
  }

  private static Stream<Arguments> bundles() {
    return repositories()
        .flatMap(
            repository ->
                Stream.of("kubernetes-core", "charmed-kubernetes", "etcd-cluster")
                    .map(name -> Arguments.of(repository.get()[0], repository.get()[1], name)));
  }

  @ParameterizedTest(name = "{2} with {0}")
  @MethodSource("bundles")
  void readsWithoutWarningsAndResolvesEveryRelation(
      String repositoryName, CharmRepository charms, String bundle) {
    LoadedBundle loaded =
        BundleReader.builder()
            .charms(charms)
            .build()
            .read(ROOT.resolve(bundle + ".yaml"), List.of());

    assertThat(loaded.warnings()).isEmpty();
    RelationGraph graph = RelationGraph.resolve(loaded.model(), charms);
    assertThat(graph.resolvedModel().relations())
        .allSatisfy(
            relation -> {
              assertThat(relation.first().endpoint()).isNotNull();
              assertThat(relation.second().endpoint()).isNotNull();
            });
    assertThat(graph.relations().stream().filter(Relation::isPeer)).isNotEmpty();
    if (loaded.model().applications().containsKey("flannel")) {
      assertThat(graph.principalsOf("flannel"))
          .containsExactly("kubernetes-master", "kubernetes-worker");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("repositories")
  void theEtcdOverlayGrowsTheClusterAndKeepsEverythingElse(String name, CharmRepository charms) {
    ModelSpec base =
        BundleReader.builder()
            .charms(charms)
            .build()
            .read(ROOT.resolve("charmed-kubernetes.yaml"), List.of())
            .model();
    ModelSpec grown =
        BundleReader.builder()
            .charms(charms)
            .build()
            .read(
                ROOT.resolve("charmed-kubernetes.yaml"),
                List.of(ROOT.resolve("overlays/etcd-five-members.yaml")))
            .model();

    assertThat(grown.applications().get("etcd").numUnits()).isEqualTo(5);
    assertThat(grown.applications().get("etcd").toBuilder().units(3).build())
        .isEqualTo(base.applications().get("etcd"));
    assertThat(grown.relations()).isEqualTo(base.relations());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("repositories")
  void theExportOfEachBundleReadsBackEqual(String name, CharmRepository charms) {
    BundleReader reader = BundleReader.builder().charms(charms).build();
    for (String bundle : List.of("kubernetes-core", "charmed-kubernetes", "etcd-cluster")) {
      ModelSpec model = reader.read(ROOT.resolve(bundle + ".yaml"), List.of()).model();

      String yaml = BundleWriter.write(model);

      assertThat(reader.read(yaml, bundle + "-export.yaml", ROOT).model())
          .as(bundle)
          .isEqualTo(model);
    }
  }
}
