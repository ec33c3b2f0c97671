package dev.bosun.model.internal.graph;

import dev.bosun.model.Location;
import dev.bosun.model.Problem;
import dev.bosun.model.SourceMap;
import dev.bosun.model.charm.CharmMeta;
import dev.bosun.model.charm.Endpoint;
import dev.bosun.model.graph.Relation;
import dev.bosun.model.graph.RelationEndpoint;
import dev.bosun.model.internal.GoFormat;
import dev.bosun.model.spec.ApplicationSpec;
import dev.bosun.model.spec.EndpointRef;
import dev.bosun.model.spec.ModelSpec;
import dev.bosun.model.spec.Names;
import dev.bosun.model.spec.RelationSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves a model's declared relations against the charms that are known, the way Juju's bundle
 * verification ({@code verifyRelations}, {@code verifyRelation}) and {@code AddRelation} check
 * them, collecting every problem. Relations that involve an application whose charm is unknown get
 * the structural checks only.
 *
 * <p>Work is linear in the number of relations: applications, seen pairs and endpoint counts are
 * hash lookups.
 */
public final class RelationResolver {
  private final ModelSpec spec;
  private final SourceMap sources;
  private final Map<String, CharmMeta> charms;
  private final List<Problem> problems = new ArrayList<>();
  private final List<Declared> declared = new ArrayList<>();
  private final Set<String> seen = new HashSet<>();
  private final Map<String, Integer> endpointUse = new HashMap<>();

  private RelationResolver(ModelSpec spec, SourceMap sources, Map<String, CharmMeta> charms) {
    this.spec = spec;
    this.sources = sources;
    this.charms = charms;
  }

  /**
   * One declared relation after resolution.
   *
   * @param index its index in {@link ModelSpec#relations()}
   * @param written the relation as written
   * @param resolved the relation with inferred endpoints filled in (as written when nothing was
   *     inferred)
   * @param relation the resolved relation, or null when it could not be resolved (unknown charm or
   *     a problem)
   */
  public record Declared(
      int index, RelationSpec written, RelationSpec resolved, Relation relation) {}

  /**
   * The resolution of every relation.
   *
   * @param declared the declared relations, in order written
   * @param peers the peer relations of every application whose charm is known, sorted by key
   * @param problems every problem found, in the order found
   */
  public record Result(List<Declared> declared, List<Relation> peers, List<Problem> problems) {}

  /**
   * Resolves the relations of a model.
   *
   * @param spec the model
   * @param sources where the model's parts were written
   * @param charms the charm of every application whose charm is known, by application name
   */
  public static Result resolve(ModelSpec spec, SourceMap sources, Map<String, CharmMeta> charms) {
    RelationResolver resolver = new RelationResolver(spec, sources, charms);
    List<RelationSpec> relations = spec.relations();
    for (int i = 0; i < relations.size(); i++) {
      resolver.resolveOne(i, relations.get(i));
    }
    return new Result(resolver.declared, peers(spec, charms), resolver.problems);
  }

  /** Returns one peer relation per peer endpoint of every application with a known charm. */
  static List<Relation> peers(ModelSpec spec, Map<String, CharmMeta> charms) {
    List<Relation> peers = new ArrayList<>();
    for (String application : spec.applications().keySet()) {
      CharmMeta charm = charms.get(application);
      if (charm == null) {
        continue;
      }
      for (Endpoint endpoint : charm.peers().values()) {
        peers.add(Relation.peer(new RelationEndpoint(application, endpoint)));
      }
    }
    peers.sort((a, b) -> a.key().compareTo(b.key()));
    return List.copyOf(peers);
  }

  private void resolveOne(int index, RelationSpec written) {
    String at = Integer.toString(index);
    String rendered =
        GoFormat.quoteList(List.of(written.first().toString(), written.second().toString()));
    List<EndpointRef> sides = written.sides();
    boolean parseError = false;
    for (int side = 0; side < 2; side++) {
      EndpointRef ref = sides.get(side);
      Location where = sources.at("relations", at, Integer.toString(side));
      if (!isValidSide(ref)) {
        error(where, "invalid relation syntax %s", GoFormat.quote(ref.toString()));
        parseError = true;
        continue;
      }
      boolean isApplication = spec.applications().containsKey(ref.application());
      boolean isSaas = spec.saas().containsKey(ref.application());
      if (!isApplication && !isSaas) {
        error(
            where,
            "relation %s refers to application %s not defined in this bundle",
            rendered,
            GoFormat.quote(ref.application()));
      }
      if (isApplication && isSaas) {
        error(
            where,
            "ambiguous relation %s refers to a application and a SAAS in this bundle",
            GoFormat.quote(ref.application()));
      }
    }
    Location whole = sources.at("relations", at);
    if (parseError) {
      declared.add(new Declared(index, written, written, null));
      return;
    }
    EndpointRef first = written.first();
    EndpointRef second = written.second();
    if (first.application().equals(second.application())) {
      error(whole, "relation %s relates an application to itself", rendered);
      declared.add(new Declared(index, written, written, null));
      return;
    }
    CharmMeta firstCharm = charmOf(first.application());
    CharmMeta secondCharm = charmOf(second.application());
    boolean charmsKnown = firstCharm != null && secondCharm != null;
    RelationSpec resolved = written;
    boolean failed = false;
    if ((first.endpoint() == null || second.endpoint() == null) && charmsKnown) {
      EndpointInference.Outcome outcome =
          EndpointInference.infer(first, second, app -> Optional.ofNullable(charmOf(app)));
      if (outcome.error() != null) {
        error(whole, "cannot infer endpoint between %s and %s: %s", first, second, outcome.error());
        failed = true;
      } else {
        resolved = asWritten(outcome.relation(), first, second);
      }
    }
    if (!seen.add(pairKey(resolved))) {
      error(whole, "relation %s is defined more than once", rendered);
    }
    Relation relation = null;
    if (charmsKnown && !failed) {
      relation = verify(index, resolved, firstCharm, secondCharm);
    }
    if (relation != null) {
      checkScopeAndLimits(whole, relation, firstCharm, secondCharm);
    }
    declared.add(new Declared(index, written, resolved, relation));
  }

  /** Checks a fully named relation as Juju's {@code verifyRelation}; returns it when valid. */
  private Relation verify(
      int index, RelationSpec relation, CharmMeta firstCharm, CharmMeta secondCharm) {
    EndpointRef first = relation.first();
    EndpointRef second = relation.second();
    String at = Integer.toString(index);
    Endpoint firstProvider = provider(firstCharm, first.endpoint());
    Endpoint firstRequirer = firstCharm.requires().get(first.endpoint());
    if (firstProvider == null && firstRequirer == null) {
      undefined(sources.at("relations", at, "0"), first);
    }
    Endpoint secondProvider = provider(secondCharm, second.endpoint());
    Endpoint secondRequirer = secondCharm.requires().get(second.endpoint());
    if (secondProvider == null && secondRequirer == null) {
      undefined(sources.at("relations", at, "1"), second);
    }
    Location whole = sources.at("relations", at);
    Endpoint provider;
    Endpoint requirer;
    EndpointRef providerRef;
    EndpointRef requirerRef;
    if (firstProvider != null && secondRequirer != null) {
      provider = firstProvider;
      requirer = secondRequirer;
      providerRef = first;
      requirerRef = second;
    } else if (firstRequirer != null && secondProvider != null) {
      provider = secondProvider;
      requirer = firstRequirer;
      providerRef = second;
      requirerRef = first;
    } else if (firstProvider != null && secondProvider != null) {
      error(
          whole,
          "relation %s to %s relates provider to provider",
          GoFormat.quote(first.toString()),
          GoFormat.quote(second.toString()));
      return null;
    } else if (firstRequirer != null && secondRequirer != null) {
      error(
          whole,
          "relation %s to %s relates requirer to requirer",
          GoFormat.quote(first.toString()),
          GoFormat.quote(second.toString()));
      return null;
    } else {
      return null;
    }
    if (!provider.interfaceName().equals(requirer.interfaceName())) {
      error(
          whole,
          "mismatched interface between %s and %s (%s vs %s)",
          GoFormat.quote(providerRef.toString()),
          GoFormat.quote(requirerRef.toString()),
          GoFormat.quote(provider.interfaceName()),
          GoFormat.quote(requirer.interfaceName()));
      return null;
    }
    return Relation.between(
        new RelationEndpoint(providerRef.application(), provider),
        new RelationEndpoint(requirerRef.application(), requirer));
  }

  private void checkScopeAndLimits(
      Location whole, Relation relation, CharmMeta firstCharm, CharmMeta secondCharm) {
    if (relation.isContainerScoped() && !firstCharm.subordinate() && !secondCharm.subordinate()) {
      error(
          whole,
          "cannot add relation %s: container scoped relation requires at least one subordinate"
              + " application",
          GoFormat.quote(relation.key()));
    }
    for (RelationEndpoint endpoint : relation.endpoints()) {
      int limit = endpoint.endpoint().limit();
      int count = endpointUse.merge(endpoint.toString(), 1, Integer::sum);
      if (limit > 0 && count > limit) {
        error(
            whole,
            "establishing a new relation for %s would exceed its maximum relation limit of %d",
            endpoint,
            limit);
      }
    }
  }

  private void undefined(Location where, EndpointRef ref) {
    ApplicationSpec application = spec.applications().get(ref.application());
    error(
        where,
        "charm %s used by application %s does not define relation %s",
        GoFormat.quote(application.charm()),
        GoFormat.quote(ref.application()),
        GoFormat.quote(ref.endpoint()));
  }

  private static Endpoint provider(CharmMeta charm, String name) {
    Endpoint found = charm.provides().get(name);
    if (found == null && Endpoint.JUJU_INFO.equals(name)) {
      return Endpoint.IMPLICIT_JUJU_INFO;
    }
    return found;
  }

  private CharmMeta charmOf(String application) {
    return spec.applications().containsKey(application) ? charms.get(application) : null;
  }

  /** Returns the inferred relation with its sides in the order they were written. */
  private static RelationSpec asWritten(Relation relation, EndpointRef first, EndpointRef second) {
    RelationEndpoint one = relation.endpointOf(first.application()).orElseThrow();
    RelationEndpoint other = relation.endpointOf(second.application()).orElseThrow();
    return new RelationSpec(
        new EndpointRef(one.application(), one.name()),
        new EndpointRef(other.application(), other.name()));
  }

  /** Returns a key that is equal for the same pair of endpoints written in either order. */
  private static String pairKey(RelationSpec relation) {
    String first = sideKey(relation.first());
    String second = sideKey(relation.second());
    return first.compareTo(second) <= 0 ? first + "\u0000" + second : second + "\u0000" + first;
  }

  private static String sideKey(EndpointRef ref) {
    return ref.application() + "\u0001" + (ref.endpoint() == null ? "" : ref.endpoint());
  }

  private static boolean isValidSide(EndpointRef ref) {
    return Names.isValidApplication(ref.application())
        && (ref.endpoint() == null || Names.isValidEndpoint(ref.endpoint()));
  }

  private void error(Location where, String format, Object... args) {
    problems.add(Problem.error(where, String.format(format, args)));
  }
}
