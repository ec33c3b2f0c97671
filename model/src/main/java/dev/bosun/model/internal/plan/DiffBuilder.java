package dev.bosun.model.internal.plan;

import dev.bosun.model.plan.ApplicationDiff;
import dev.bosun.model.plan.ApplicationState;
import dev.bosun.model.plan.DiffSide;
import dev.bosun.model.plan.ExposedEndpointDiff;
import dev.bosun.model.plan.MachineDiff;
import dev.bosun.model.plan.MachineState;
import dev.bosun.model.plan.ModelState;
import dev.bosun.model.plan.RelationState;
import dev.bosun.model.plan.RelationsDiff;
import dev.bosun.model.plan.ValueDiff;
import dev.bosun.model.spec.ApplicationSpec;
import dev.bosun.model.spec.EndpointRef;
import dev.bosun.model.spec.ExposedEndpoint;
import dev.bosun.model.spec.MachineSpec;
import dev.bosun.model.spec.ModelSpec;
import dev.bosun.model.spec.Placement;
import dev.bosun.model.spec.RelationSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Juju's {@code BuildDiff} ({@code core/bundle/changes/diff.go}): how a bundle and a model differ.
 */
public final class DiffBuilder {
  private static final List<String> EVERYWHERE = List.of("0.0.0.0/0", "::/0");

  /** The parts of a diff, in Juju's order. */
  public record Parts(
      Map<String, ApplicationDiff> applications,
      Map<String, MachineDiff> machines,
      RelationsDiff relations) {}

  private final ModelSpec bundle;
  private final ModelState model;
  private final boolean includeAnnotations;

  private DiffBuilder(ModelSpec bundle, ModelState model, boolean includeAnnotations) {
    this.bundle = bundle;
    this.model = model;
    this.includeAnnotations = includeAnnotations;
  }

  /** Computes the differences. */
  public static Parts build(ModelSpec bundle, ModelState model, boolean includeAnnotations) {
    DiffBuilder builder = new DiffBuilder(bundle, model, includeAnnotations);
    return new Parts(builder.applications(), builder.machines(), builder.relations());
  }

  private Map<String, ApplicationDiff> applications() {
    Set<String> names = new TreeSet<>(bundle.applications().keySet());
    names.addAll(model.applications().keySet());
    Map<String, ApplicationDiff> result = new LinkedHashMap<>();
    for (String name : names) {
      ApplicationSpec wanted = bundle.applications().get(name);
      ApplicationState running = model.applications().get(name);
      ApplicationDiff diff;
      if (wanted == null) {
        diff = ApplicationDiff.missingFrom(DiffSide.BUNDLE);
      } else if (running == null) {
        diff = ApplicationDiff.missingFrom(DiffSide.MODEL);
      } else {
        diff = application(wanted, running);
      }
      if (!diff.isEmpty()) {
        result.put(name, diff);
      }
    }
    return result;
  }

  private ApplicationDiff application(ApplicationSpec wanted, ApplicationState running) {
    boolean bundleExposed = wanted.expose() || !wanted.exposedEndpoints().isEmpty();
    boolean modelExposed = running.exposed() || !running.exposedEndpoints().isEmpty();
    Map<String, ExposedEndpoint> bundleRules =
        effectiveRules(bundleExposed, wanted.exposedEndpoints());
    Map<String, ExposedEndpoint> modelRules =
        effectiveRules(modelExposed, running.exposedEndpoints());
    String bundleSeries =
        firstNonEmpty(
            Bases.series(wanted.base(), wanted.series()),
            Bases.series(bundle.defaultBase(), bundle.series()));
    String modelSeries = Bases.series(running.base(), running.series());
    ValueDiff<Integer> numUnits = null;
    ValueDiff<Integer> scale = null;
    if (!running.isSubordinate()) {
      ValueDiff<Integer> units = diff(wanted.numUnits(), running.units().size());
      if (bundle.isKubernetes()) {
        scale = units;
      } else {
        numUnits = units;
      }
    }
    return new ApplicationDiff(
        null,
        diff(wanted.charm(), running.charm()),
        diff(bundleSeries, modelSeries),
        diff(orEmpty(wanted.channel()), orEmpty(running.channel())),
        diff(
            wanted.revision() == null ? -1 : wanted.revision(),
            running.revision() == null ? -1 : running.revision()),
        numUnits,
        scale,
        diff(bundleExposed, modelExposed),
        exposedEndpoints(bundleRules, modelRules),
        options(wanted.options(), running.options()),
        includeAnnotations ? annotations(wanted.annotations(), running.annotations()) : Map.of(),
        diff(wanted.constraints().toString(), running.constraints().toString()));
  }

  /** An exposed application without per-endpoint rules is open to everyone on every endpoint. */
  private static Map<String, ExposedEndpoint> effectiveRules(
      boolean exposed, Map<String, ExposedEndpoint> rules) {
    if (exposed && rules.isEmpty()) {
      return Map.of("", new ExposedEndpoint(List.of(), EVERYWHERE));
    }
    return rules;
  }

  private static Map<String, ExposedEndpointDiff> exposedEndpoints(
      Map<String, ExposedEndpoint> bundleRules, Map<String, ExposedEndpoint> modelRules) {
    Set<String> endpoints = new TreeSet<>(bundleRules.keySet());
    endpoints.addAll(modelRules.keySet());
    Map<String, ExposedEndpointDiff> result = new TreeMap<>();
    for (String endpoint : endpoints) {
      ExposedEndpoint wanted = bundleRules.get(endpoint);
      ExposedEndpoint running = modelRules.get(endpoint);
      if (!Objects.equals(wanted, running)) {
        result.put(endpoint, new ExposedEndpointDiff(wanted, running));
      }
    }
    return result;
  }

  private static Map<String, ValueDiff<Object>> options(
      Map<String, Object> wanted, Map<String, Object> running) {
    Set<String> keys = new TreeSet<>(wanted.keySet());
    keys.addAll(running.keySet());
    Map<String, ValueDiff<Object>> result = new TreeMap<>();
    for (String key : keys) {
      Object a = wanted.get(key);
      Object b = running.get(key);
      if (!(a == null && b == null) && !ChangePlanner.sameOption(a, b)) {
        result.put(key, new ValueDiff<>(a, b));
      }
    }
    return result;
  }

  private static Map<String, ValueDiff<String>> annotations(
      Map<String, String> wanted, Map<String, String> running) {
    Set<String> keys = new TreeSet<>(wanted.keySet());
    keys.addAll(running.keySet());
    Map<String, ValueDiff<String>> result = new TreeMap<>();
    for (String key : keys) {
      String a = wanted.getOrDefault(key, "");
      String b = running.getOrDefault(key, "");
      if (!a.equals(b)) {
        result.put(key, new ValueDiff<>(a, b));
      }
    }
    return result;
  }

  // ---- machines ----------------------------------------------------------------------------

  private Map<String, MachineDiff> machines() {
    Map<String, String> machineMap = machineMap();
    // Bundle machines are top-level machines; containers are never missing from a bundle.
    Set<String> unseen = new LinkedHashSet<>();
    model.machines().values().stream()
        .filter(machine -> !machine.isContainer())
        .forEach(machine -> unseen.add(machine.id()));
    Map<String, MachineDiff> result = new TreeMap<>(NaturalOrder.INSTANCE);
    for (Map.Entry<String, MachineSpec> entry : bundle.machines().entrySet()) {
      String modelId = machineMap.getOrDefault(entry.getKey(), entry.getKey());
      unseen.remove(modelId);
      MachineState running = model.machines().get(modelId);
      if (running == null) {
        result.put(modelId, MachineDiff.missingFrom(DiffSide.MODEL));
        continue;
      }
      MachineSpec wanted = entry.getValue();
      String bundleSeries =
          firstNonEmpty(
              Bases.series(wanted.base(), wanted.series()),
              Bases.series(bundle.defaultBase(), bundle.series()));
      MachineDiff diff =
          new MachineDiff(
              null,
              includeAnnotations
                  ? annotations(wanted.annotations(), running.annotations())
                  : Map.of(),
              diff(bundleSeries, Bases.series(running.base(), running.series())));
      if (!diff.isEmpty()) {
        result.put(modelId, diff);
      }
    }
    for (String id : unseen) {
      result.put(id, MachineDiff.missingFrom(DiffSide.BUNDLE));
    }
    return result;
  }

  /** Bundle machines mapped as the planner maps them: recorded, else inferred. */
  private Map<String, String> machineMap() {
    Map<String, String> known = new HashMap<>();
    model
        .bundleMachines()
        .forEach(
            (bundleMachine, machine) -> {
              if (model.machines().containsKey(machine)) {
                known.put(bundleMachine, machine);
              }
            });
    ModelIndex index = new ModelIndex(model, known);
    Map<String, List<Placement>> placements = new HashMap<>();
    bundle.applications().forEach((name, app) -> placements.put(name, app.to()));
    MachineInference.infer(index, bundle, placements);
    return index.machineMap();
  }

  // ---- relations ---------------------------------------------------------------------------

  private RelationsDiff relations() {
    List<RelationState> wanted = new ArrayList<>();
    for (RelationSpec relation : bundle.relations()) {
      wanted.add(new RelationState(relation.first(), relation.second()));
    }
    Map<String, List<RelationState>> wantedByPair = byPair(wanted);
    Map<String, List<RelationState>> runningByPair = byPair(model.relations());
    Set<RelationState> bundleAdditions = new TreeSet<>(RELATION_ORDER);
    for (RelationState relation : wanted) {
      if (!joined(runningByPair, relation)) {
        bundleAdditions.add(relation);
      }
    }
    Set<RelationState> modelAdditions = new TreeSet<>(RELATION_ORDER);
    for (RelationState relation : model.relations()) {
      if (!joined(wantedByPair, relation)) {
        modelAdditions.add(relation);
      }
    }
    return new RelationsDiff(pairs(bundleAdditions), pairs(modelAdditions));
  }

  private static final Comparator<RelationState> RELATION_ORDER =
      Comparator.comparing((RelationState r) -> r.first().application())
          .thenComparing(r -> orEmpty(r.first().endpoint()))
          .thenComparing(r -> r.second().application())
          .thenComparing(r -> orEmpty(r.second().endpoint()));

  private static Map<String, List<RelationState>> byPair(List<RelationState> relations) {
    Map<String, List<RelationState>> result = new HashMap<>();
    for (RelationState relation : relations) {
      result
          .computeIfAbsent(
              pairKey(relation.first().application(), relation.second().application()),
              key -> new ArrayList<>())
          .add(relation);
    }
    return result;
  }

  private static boolean joined(Map<String, List<RelationState>> index, RelationState relation) {
    for (RelationState other :
        index.getOrDefault(
            pairKey(relation.first().application(), relation.second().application()), List.of())) {
      if (other.joins(relation.first(), relation.second())) {
        return true;
      }
    }
    return false;
  }

  private static String pairKey(String a, String b) {
    return a.compareTo(b) <= 0 ? a + '\u0000' + b : b + '\u0000' + a;
  }

  private static List<List<String>> pairs(Set<RelationState> relations) {
    List<List<String>> result = new ArrayList<>(relations.size());
    for (RelationState relation : relations) {
      result.add(List.of(text(relation.first()), text(relation.second())));
    }
    return result;
  }

  private static String text(EndpointRef ref) {
    return ref.toString();
  }

  // ---- helpers -----------------------------------------------------------------------------

  private static <T> ValueDiff<T> diff(T bundleValue, T modelValue) {
    return Objects.equals(bundleValue, modelValue)
        ? null
        : new ValueDiff<>(bundleValue, modelValue);
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }

  private static String firstNonEmpty(String a, String b) {
    return a.isEmpty() ? b : a;
  }

  // ---- YAML --------------------------------------------------------------------------------

  /** The diff as Juju's diff-bundle prints it. */
  public static String toYaml(Parts parts) {
    Map<String, Object> document = new LinkedHashMap<>();
    if (!parts.applications().isEmpty()) {
      Map<String, Object> applications = new LinkedHashMap<>();
      parts.applications().forEach((name, diff) -> applications.put(name, yaml(diff)));
      document.put("applications", applications);
    }
    if (!parts.machines().isEmpty()) {
      Map<String, Object> machines = new LinkedHashMap<>();
      parts.machines().forEach((id, diff) -> machines.put(id, yaml(diff)));
      document.put("machines", machines);
    }
    if (!parts.relations().isEmpty()) {
      Map<String, Object> relations = new LinkedHashMap<>();
      if (!parts.relations().bundleAdditions().isEmpty()) {
        relations.put("bundle-additions", parts.relations().bundleAdditions());
      }
      if (!parts.relations().modelAdditions().isEmpty()) {
        relations.put("model-additions", parts.relations().modelAdditions());
      }
      document.put("relations", relations);
    }
    return YamlWriter.write(document);
  }

  private static Map<String, Object> yaml(ApplicationDiff diff) {
    Map<String, Object> node = new LinkedHashMap<>();
    if (diff.missing() != null) {
      node.put("missing", diff.missing().yaml());
    }
    put(node, "charm", diff.charm());
    put(node, "series", diff.series());
    put(node, "channel", diff.channel());
    put(node, "revision", diff.revision());
    put(node, "num_units", diff.numUnits());
    put(node, "scale", diff.scale());
    put(node, "expose", diff.expose());
    if (!diff.exposedEndpoints().isEmpty()) {
      Map<String, Object> endpoints = new LinkedHashMap<>();
      diff.exposedEndpoints()
          .forEach(
              (endpoint, rule) -> {
                Map<String, Object> sides = new LinkedHashMap<>();
                sides.put("bundle", yaml(rule.bundle()));
                sides.put("model", yaml(rule.model()));
                endpoints.put(endpoint, sides);
              });
      node.put("exposed_endpoints", endpoints);
    }
    putAll(node, "options", diff.options());
    putAll(node, "annotations", diff.annotations());
    put(node, "constraints", diff.constraints());
    return node;
  }

  private static Object yaml(ExposedEndpoint rule) {
    if (rule == null) {
      return null;
    }
    Map<String, Object> node = new LinkedHashMap<>();
    if (!rule.exposeToSpaces().isEmpty()) {
      node.put("expose_to_spaces", rule.exposeToSpaces());
    }
    if (!rule.exposeToCidrs().isEmpty()) {
      node.put("expose_to_cidrs", rule.exposeToCidrs());
    }
    return node;
  }

  private static Map<String, Object> yaml(MachineDiff diff) {
    Map<String, Object> node = new LinkedHashMap<>();
    if (diff.missing() != null) {
      node.put("missing", diff.missing().yaml());
    }
    putAll(node, "annotations", diff.annotations());
    put(node, "series", diff.series());
    return node;
  }

  private static void put(Map<String, Object> node, String key, ValueDiff<?> diff) {
    if (diff != null) {
      Map<String, Object> sides = new LinkedHashMap<>();
      sides.put("bundle", diff.bundle());
      sides.put("model", diff.model());
      node.put(key, sides);
    }
  }

  private static void putAll(
      Map<String, Object> node, String key, Map<String, ? extends ValueDiff<?>> diffs) {
    if (!diffs.isEmpty()) {
      Map<String, Object> values = new LinkedHashMap<>();
      diffs.forEach(
          (name, diff) -> {
            Map<String, Object> sides = new LinkedHashMap<>();
            sides.put("bundle", diff.bundle());
            sides.put("model", diff.model());
            values.put(name, sides);
          });
      node.put(key, values);
    }
  }
}
