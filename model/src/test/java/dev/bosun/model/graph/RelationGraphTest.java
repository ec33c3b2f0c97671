package dev.bosun.model.graph;

import static dev.bosun.model.bundle.TestCharms.testCharm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bosun.model.Problem;
import dev.bosun.model.bundle.TestCharms;
import dev.bosun.model.charm.CharmMeta;
import dev.bosun.model.charm.CharmRepository;
import dev.bosun.model.charm.Endpoint;
import dev.bosun.model.charm.Role;
import dev.bosun.model.charm.Scope;
import dev.bosun.model.spec.EndpointRef;
import dev.bosun.model.spec.ModelSpec;
import dev.bosun.model.spec.RelationSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RelationGraphTest {

  private static ModelSpec kubernetes(String... relations) {
    ModelSpec.Builder model =
        ModelSpec.builder()
            .application("easyrsa", app -> app.units(1))
            .application("etcd", app -> app.units(3))
            .application("flannel", app -> app.units(0))
            .application("kubernetes-master", app -> app.units(1))
            .application("kubernetes-worker", app -> app.units(2));
    for (int i = 0; i < relations.length; i += 2) {
      model.relate(relations[i], relations[i + 1]);
    }
    return model.buildUnvalidated();
  }

  private static List<String> keys(List<Relation> relations) {
    return relations.stream().map(Relation::key).toList();
  }

  private static List<String> errors(Runnable action) {
    try {
      action.run();
    } catch (RelationException e) {
      return e.errors().stream().map(Problem::message).toList();
    }
    throw new AssertionError("expected a RelationException");
  }

  @Test
  void infersTheOnlyEndpointPairThatRelates() {
    RelationGraph graph =
        RelationGraph.resolve(kubernetes("kubernetes-master", "etcd"), TestCharms.kubernetes());

    assertThat(graph.relations().get(0).key()).isEqualTo("kubernetes-master:etcd etcd:db");
    assertThat(graph.resolvedModel().relations())
        .containsExactly(RelationSpec.of("kubernetes-master:etcd", "etcd:db"));
  }

  @Test
  void infersTheMissingSideOfAHalfWrittenRelation() {
    RelationGraph graph =
        RelationGraph.resolve(
            kubernetes("kubernetes-worker:certificates", "easyrsa"), TestCharms.kubernetes());

    assertThat(graph.resolvedModel().relations())
        .containsExactly(RelationSpec.of("kubernetes-worker:certificates", "easyrsa:client"));
  }

  @Test
  void usesTheImplicitJujuInfoEndpointWhenNothingElseRelates() {
    ModelSpec model =
        ModelSpec.builder()
            .application("application1", app -> app.charm("provider"))
            .application("application2", app -> app.charm("requirer"))
            .relate("application1", "application2")
            .buildUnvalidated();
    CharmRepository charms =
        CharmRepository.of(testCharm("provider", ""), testCharm("requirer", "| req:juju-info"));

    Relation relation = RelationGraph.resolve(model, charms).relations().get(0);

    assertThat(relation.key()).isEqualTo("application2:req application1:juju-info");
    assertThat(relation.endpoints().get(1).endpoint().isImplicit()).isTrue();
  }

  @Test
  void dropsImplicitCandidatesToResolveAmbiguity() {
    ModelSpec model =
        ModelSpec.builder()
            .application("application1", app -> app.charm("provider"))
            .application("application2", app -> app.charm("requirer"))
            .relate("application1", "application2")
            .buildUnvalidated();
    CharmRepository charms =
        CharmRepository.of(
            testCharm("provider", "provdb:db | "),
            testCharm("requirer", "| reqdb:db reqinfo:juju-info"));

    Relation relation = RelationGraph.resolve(model, charms).relations().get(0);

    assertThat(relation.key()).isEqualTo("application2:reqdb application1:provdb");
  }

  @Test
  void reportsAmbiguityWithEveryCandidateKeySorted() {
    ModelSpec model =
        ModelSpec.builder()
            .application("application1", app -> app.charm("test1"))
            .application("application2", app -> app.charm("test2"))
            .relate("application1", "application2")
            .buildUnvalidated();
    CharmRepository charms =
        CharmRepository.of(
            testCharm("test1", "prova:a provb:b | reqa:a reqb:b"),
            testCharm("test2", "prova:a provb:b | reqa:a reqb:b"));

    assertThat(errors(() -> RelationGraph.resolve(model, charms)))
        .containsExactly(
            "cannot infer endpoint between application1 and application2: ambiguous relation:"
                + " \"application1 application2\" could refer to"
                + " \"application1:reqa application2:prova\";"
                + " \"application1:reqb application2:provb\";"
                + " \"application2:reqa application1:prova\";"
                + " \"application2:reqb application1:provb\"");
  }

  @Test
  void reportsNoRelationsFoundWhenNothingRelates() {
    assertThat(
            errors(
                () ->
                    RelationGraph.resolve(
                        kubernetes("etcd", "kubernetes-worker"), TestCharms.kubernetes())))
        .containsExactly(
            "cannot infer endpoint between etcd and kubernetes-worker: no relations found");
  }

  @Test
  void inferenceNeverPicksPeerEndpoints() {
    assertThat(
            errors(
                () ->
                    RelationGraph.resolve(
                        kubernetes("etcd:cluster", "kubernetes-master"), TestCharms.kubernetes())))
        .containsExactly(
            "cannot infer endpoint between etcd:cluster and kubernetes-master: no relations found");
  }

  @Test
  void reportsAnEndpointTheCharmDoesNotHave() {
    assertThat(
            errors(
                () ->
                    RelationGraph.resolve(
                        kubernetes("etcd:nope", "easyrsa"), TestCharms.kubernetes())))
        .containsExactly(
            "cannot infer endpoint between etcd:nope and easyrsa: application \"etcd\" has no"
                + " \"nope\" relation");
  }

  @Test
  void createsOnePeerRelationPerPeerEndpointSortedByKeyAfterDeclaredRelations() {
    RelationGraph graph =
        RelationGraph.resolve(
            kubernetes("etcd:certificates", "easyrsa:client"), TestCharms.kubernetes());

    assertThat(keys(graph.relations()))
        .containsExactly(
            "etcd:certificates easyrsa:client",
            "easyrsa:replicas",
            "etcd:cluster",
            "kubernetes-master:coordinator",
            "kubernetes-master:kube-masters",
            "kubernetes-worker:coordinator");
    assertThat(graph.relations().get(1).isPeer()).isTrue();
    assertThat(graph.relations().get(0).isPeer()).isFalse();
  }

  @Test
  void createsPeerRelationsForApplicationsWithoutUnits() {
    ModelSpec model =
        ModelSpec.builder().application("etcd", app -> app.units(0)).buildUnvalidated();

    assertThat(keys(RelationGraph.resolve(model, TestCharms.kubernetes()).relations()))
        .containsExactly("etcd:cluster");
  }

  @Test
  void keyOrdersRequirerBeforeProviderWhateverTheWrittenOrder() {
    RelationGraph graph =
        RelationGraph.resolve(
            kubernetes("easyrsa:client", "etcd:certificates"), TestCharms.kubernetes());

    Relation relation = graph.relations().get(0);
    assertThat(relation.key()).isEqualTo("etcd:certificates easyrsa:client");
    assertThat(relation.endpoints())
        .extracting(RelationEndpoint::role)
        .containsExactly(Role.REQUIRER, Role.PROVIDER);
    assertThat(relation.interfaceName()).isEqualTo("tls-certificates");
  }

  @Test
  void aRelationIsContainerScopedWhenEitherEndpointIsAndSubordinatesLandWithTheirPrincipals() {
    RelationGraph graph =
        RelationGraph.resolve(
            kubernetes(
                "flannel:cni", "kubernetes-master:cni",
                "flannel:cni", "kubernetes-worker:cni",
                "flannel", "etcd"),
            TestCharms.kubernetes());

    assertThat(graph.relations().get(0).scope()).isEqualTo(Scope.CONTAINER);
    assertThat(graph.relations().get(2).scope()).isEqualTo(Scope.GLOBAL);
    assertThat(graph.principalsOf("flannel"))
        .containsExactly("kubernetes-master", "kubernetes-worker");
    assertThat(graph.principalsOf("etcd")).isEmpty();
  }

  @Test
  void rejectsAContainerScopedRelationBetweenTwoPrincipals() {
    CharmMeta agent =
        CharmMeta.builder("agent")
            .requires(TestCharms.container("host", Role.REQUIRER, "juju-info"))
            .build();
    ModelSpec model =
        ModelSpec.builder()
            .application("agent", app -> app.units(1))
            .application("etcd", app -> app.units(1))
            .relate("agent:host", "etcd:juju-info")
            .buildUnvalidated();

    assertThat(
            errors(
                () ->
                    RelationGraph.resolve(
                        model, CharmRepository.of(agent, TestCharms.kubernetesCharm("etcd")))))
        .containsExactly(
            "cannot add relation \"agent:host etcd:juju-info\": container scoped relation requires"
                + " at least one subordinate application");
  }

  @Test
  void enforcesTheEndpointLimit() {
    CharmMeta server =
        CharmMeta.builder("server")
            .provides(new Endpoint("db", Role.PROVIDER, "sql", Scope.GLOBAL, 1, false))
            .build();
    CharmMeta client = testCharm("client", "| db:sql");
    ModelSpec model =
        ModelSpec.builder()
            .application("server", app -> {})
            .application("one", app -> app.charm("client"))
            .application("two", app -> app.charm("client"))
            .relate("one", "server")
            .relate("two", "server")
            .buildUnvalidated();

    assertThat(errors(() -> RelationGraph.resolve(model, CharmRepository.of(server, client))))
        .containsExactly(
            "establishing a new relation for server:db would exceed its maximum relation limit of 1");
  }

  @Test
  void reportsARelationDefinedTwiceEvenWhenOneSideWasInferred() {
    ModelSpec model = kubernetes("etcd:certificates", "easyrsa:client", "easyrsa", "etcd");

    assertThat(errors(() -> RelationGraph.resolve(model, TestCharms.kubernetes())))
        .containsExactly("relation [\"easyrsa\" \"etcd\"] is defined more than once");
  }

  @Test
  void reportsEveryProblemAtOnce() {
    ModelSpec model =
        ModelSpec.builder()
            .application("etcd", app -> {})
            .application("easyrsa", app -> {})
            .application("mystery", app -> app.charm("unknown"))
            .relate("etcd:db", "easyrsa:client")
            .relate("etcd", "nowhere")
            .relate("etcd", "etcd:cluster")
            .buildUnvalidated();

    assertThat(errors(() -> RelationGraph.resolve(model, TestCharms.kubernetes())))
        .containsExactlyInAnyOrder(
            "charm \"unknown\" from application \"mystery\" not found",
            "relation \"etcd:db\" to \"easyrsa:client\" relates provider to provider",
            "relation [\"etcd\" \"nowhere\"] refers to application \"nowhere\" not defined in this"
                + " bundle",
            "relation [\"etcd\" \"etcd:cluster\"] relates an application to itself");
  }

  @Test
  void relationsOfListsEveryRelationOfAnApplicationOnce() {
    RelationGraph graph =
        RelationGraph.resolve(
            kubernetes("etcd:certificates", "easyrsa:client", "kubernetes-master", "etcd"),
            TestCharms.kubernetes());

    assertThat(keys(graph.relationsOf("etcd")))
        .containsExactly(
            "etcd:certificates easyrsa:client", "kubernetes-master:etcd etcd:db", "etcd:cluster");
    assertThat(graph.relationsOf("nothing")).isEmpty();
  }

  @Test
  void resolvesEveryRelationOfTheHighlyAvailableKubernetesBundle() {
    ModelSpec model =
        kubernetes(
            "kubernetes-master:kube-api-endpoint", "kubernetes-worker:kube-api-endpoint",
            "kubernetes-master:kube-control", "kubernetes-worker:kube-control",
            "kubernetes-master:certificates", "easyrsa",
            "kubernetes-master", "etcd",
            "kubernetes-worker:certificates", "easyrsa",
            "etcd", "easyrsa",
            "flannel", "etcd",
            "flannel:cni", "kubernetes-master:cni",
            "flannel:cni", "kubernetes-worker:cni");

    RelationGraph graph = RelationGraph.resolve(model, TestCharms.kubernetes());

    assertThat(keys(graph.relations()).subList(0, 9))
        .containsExactly(
            "kubernetes-worker:kube-api-endpoint kubernetes-master:kube-api-endpoint",
            "kubernetes-worker:kube-control kubernetes-master:kube-control",
            "kubernetes-master:certificates easyrsa:client",
            "kubernetes-master:etcd etcd:db",
            "kubernetes-worker:certificates easyrsa:client",
            "etcd:certificates easyrsa:client",
            "flannel:etcd etcd:db",
            "flannel:cni kubernetes-master:cni",
            "flannel:cni kubernetes-worker:cni");
  }

  @Test
  void inferForIntegrateUsesJujusMessages() {
    Map<String, CharmMeta> applications =
        Map.of(
            "etcd",
            TestCharms.kubernetesCharm("etcd"),
            "easyrsa",
            TestCharms.kubernetesCharm("easyrsa"),
            "flannel",
            TestCharms.kubernetesCharm("flannel"),
            "kubernetes-worker",
            TestCharms.kubernetesCharm("kubernetes-worker"));

    Relation relation =
        RelationGraph.infer(
            EndpointRef.parse("etcd"),
            EndpointRef.parse("easyrsa"),
            app -> Optional.ofNullable(applications.get(app)));

    assertThat(relation.key()).isEqualTo("etcd:certificates easyrsa:client");
    assertThatThrownBy(
            () ->
                RelationGraph.infer(
                    EndpointRef.parse("etcd"),
                    EndpointRef.parse("nothing"),
                    app -> Optional.ofNullable(applications.get(app))))
        .isInstanceOf(RelationException.class)
        .hasMessageEndingWith("application \"nothing\" not found");
    assertThatThrownBy(
            () ->
                RelationGraph.infer(
                    EndpointRef.parse("etcd"),
                    EndpointRef.parse("kubernetes-worker"),
                    app -> Optional.ofNullable(applications.get(app))))
        .isInstanceOf(RelationException.class)
        .hasMessageEndingWith("\nno relations found");
  }

  @Test
  void relationsAreEqualWhateverOrderTheirEndpointsAreGiven() {
    RelationEndpoint requirer =
        new RelationEndpoint(
            "etcd", Endpoint.of("certificates", Role.REQUIRER, "tls-certificates"));
    RelationEndpoint provider =
        new RelationEndpoint("easyrsa", Endpoint.of("client", Role.PROVIDER, "tls-certificates"));

    assertThat(Relation.between(provider, requirer))
        .isEqualTo(Relation.between(requirer, provider));
    assertThat(Relation.between(provider, requirer).counterpartOf("etcd")).contains(provider);
    assertThat(
            Relation.peer(new RelationEndpoint("etcd", Endpoint.of("cluster", Role.PEER, "etcd")))
                .key())
        .isEqualTo("etcd:cluster");
  }
}
