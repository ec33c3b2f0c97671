package dev.bosun.model.graph;

import dev.bosun.model.Problem;
import dev.bosun.model.SourceMap;
import dev.bosun.model.charm.CharmMeta;
import dev.bosun.model.charm.CharmRepository;
import dev.bosun.model.internal.GoFormat;
import dev.bosun.model.internal.graph.EndpointInference;
import dev.bosun.model.internal.graph.RelationResolver;
import dev.bosun.model.spec.ApplicationSpec;
import dev.bosun.model.spec.EndpointRef;
import dev.bosun.model.spec.ModelSpec;
import dev.bosun.model.spec.RelationSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A model's relations resolved against charm metadata: every declared relation with its endpoints
 * inferred where the model left them out, plus the peer relations Juju creates automatically.
 *
 * <pre>{@code
 * RelationGraph graph = RelationGraph.resolve(model, charms);
 * graph.relationsOf("etcd");            // etcd:certificates easyrsa:client, etcd:cluster, ...
 * graph.principalsOf("flannel");        // [kubernetes-master, kubernetes-worker]
 * }</pre>
 *
 * <p>Immutable. Resolution is linear in the size of the model.
 */
public final class RelationGraph {
  private final ModelSpec resolvedModel;
  private final List<Relation> relations;
  private final Map<String, List<Relation>> byApplication;
  private final Map<String, Set<String>> principals;

  private RelationGraph(
      ModelSpec resolvedModel, List<Relation> relations, Set<String> subordinates) {
    this.resolvedModel = resolvedModel;
    this.relations = List.copyOf(relations);
    Map<String, List<Relation>> index = new HashMap<>();
    Map<String, Set<String>> principalIndex = new HashMap<>();
    for (Relation relation : this.relations) {
      for (RelationEndpoint endpoint : relation.endpoints()) {
        List<Relation> list = index.computeIfAbsent(endpoint.application(), k -> new ArrayList<>());
        if (list.isEmpty() || list.get(list.size() - 1) != relation) {
          list.add(relation);
        }
      }
      if (relation.isContainerScoped() && !relation.isPeer()) {
        String one = relation.endpoints().get(0).application();
        String other = relation.endpoints().get(1).application();
        if (subordinates.contains(one) && !subordinates.contains(other)) {
          principalIndex.computeIfAbsent(one, k -> new TreeSet<>()).add(other);
        }
        if (subordinates.contains(other) && !subordinates.contains(one)) {
          principalIndex.computeIfAbsent(other, k -> new TreeSet<>()).add(one);
        }
      }
    }
    index.replaceAll((k, v) -> List.copyOf(v));
    principalIndex.replaceAll((k, v) -> Collections.unmodifiableSet(v));
    this.byApplication = index;
    this.principals = principalIndex;
  }

  /**
   * Resolves every relation of the model. Every application's charm must be known: the graph needs
   * each endpoint's role, interface, scope and limit.
   *
   * @param spec the model
   * @param charms where charm metadata comes from
   * @return the graph
   * @throws RelationException listing every problem: an unknown charm ({@code charm "x" from
   *     application "a" not found}), an endpoint that cannot be inferred ({@code cannot infer
   *     endpoint between a and b: no relations found}), an ambiguous relation, endpoints that do
   *     not relate, an exceeded limit, a duplicate, a container-scoped relation without a
   *     subordinate, a consumed offer (not supported yet)
   */
  public static RelationGraph resolve(ModelSpec spec, CharmRepository charms) {
    List<Problem> problems = new ArrayList<>();
    Map<String, CharmMeta> known = charmsOf(spec, charms, problems);
    if (!spec.saas().isEmpty()) {
      problems.add(
          Problem.error(
              null,
              "cross-model relations (saas) are not supported yet: remove the saas entries "
                  + spec.saas().keySet()
                  + " and the relations that use them"));
    }
    RelationResolver.Result result = RelationResolver.resolve(spec, SourceMap.EMPTY, known);
    problems.addAll(result.problems());
    if (problems.stream().anyMatch(Problem::isError)) {
      problems.sort(Problem.BY_LOCATION);
      throw new RelationException(problems);
    }
    List<Relation> relations = new ArrayList<>();
    List<RelationSpec> resolvedSpecs = new ArrayList<>();
    for (RelationResolver.Declared declared : result.declared()) {
      relations.add(declared.relation());
      resolvedSpecs.add(declared.resolved());
    }
    relations.addAll(result.peers());
    Set<String> subordinates = new LinkedHashSet<>();
    known.forEach(
        (application, charm) -> {
          if (charm.subordinate()) {
            subordinates.add(application);
          }
        });
    ModelSpec resolvedModel =
        new ModelSpec(
            spec.type(),
            spec.series(),
            spec.defaultBase(),
            spec.description(),
            spec.applications(),
            spec.machines(),
            resolvedSpecs,
            spec.saas());
    return new RelationGraph(resolvedModel, relations, subordinates);
  }

  /**
   * Infers the relation two sides mean, as {@code juju integrate a[:ep] b[:ep]} does.
   *
   * @param first the first side, {@code app} or {@code app:endpoint}
   * @param second the second side
   * @param charmOfApplication the charm of an application; empty when the application does not
   *     exist
   * @return the relation, endpoints in canonical order
   * @throws RelationException with Juju's message: {@code application "x" not found}, {@code
   *     application "x" has no "y" relation}, {@code no relations found} or {@code ambiguous
   *     relation: "a b" could refer to "a:x b:y"; "a:z b:w"}
   */
  public static Relation infer(
      EndpointRef first,
      EndpointRef second,
      Function<String, Optional<CharmMeta>> charmOfApplication) {
    EndpointInference.Outcome outcome = EndpointInference.infer(first, second, charmOfApplication);
    if (outcome.error() != null) {
      throw new RelationException(
          "cannot relate " + first + " and " + second + ":",
          List.of(Problem.error(null, outcome.error())));
    }
    return outcome.relation();
  }

  /**
   * Returns every relation: the declared ones in the order written, then the peer relations sorted
   * by key.
   */
  public List<Relation> relations() {
    return relations;
  }

  /** Returns the relations the application takes part in, in the order of {@link #relations()}. */
  public List<Relation> relationsOf(String application) {
    return byApplication.getOrDefault(application, List.of());
  }

  /**
   * Returns the principal applications a subordinate application's units attach to: the other side
   * of each of its container-scoped relations that is not itself a subordinate. Empty for a
   * principal or an unrelated subordinate.
   */
  public Set<String> principalsOf(String subordinateApplication) {
    return principals.getOrDefault(subordinateApplication, Set.of());
  }

  /** Returns the model with every inferred endpoint filled in, relations in the order written. */
  public ModelSpec resolvedModel() {
    return resolvedModel;
  }

  private static Map<String, CharmMeta> charmsOf(
      ModelSpec spec, CharmRepository charms, List<Problem> problems) {
    Map<String, Optional<CharmMeta>> byReference = new HashMap<>();
    Map<String, CharmMeta> known = new LinkedHashMap<>();
    for (ApplicationSpec application : spec.applications().values()) {
      Optional<CharmMeta> charm = byReference.computeIfAbsent(application.charm(), charms::find);
      if (charm.isPresent()) {
        known.put(application.name(), charm.get());
      } else {
        problems.add(
            Problem.error(
                null,
                "charm "
                    + GoFormat.quote(application.charm())
                    + " from application "
                    + GoFormat.quote(application.name())
                    + " not found"));
      }
    }
    return known;
  }
}
