package dev.bosun.model.spec;

import static java.util.Objects.requireNonNull;

import dev.bosun.model.Problem;
import dev.bosun.model.SourceMap;
import dev.bosun.model.charm.CharmRepository;
import dev.bosun.model.validation.ModelValidator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The desired state of a model: applications, machines and relations. It is what a bundle says, and
 * what a Java application builds without YAML; the planner compares it with what runs.
 *
 * <pre>{@code
 * ModelSpec model = ModelSpec.builder()
 *     .application("easyrsa", app -> app.units(1))
 *     .application("etcd", app -> app.units(3).option("port", 2379))
 *     .relate("etcd:certificates", "easyrsa:client")
 *     .build();
 * }</pre>
 *
 * <p>Immutable; equal content gives equal specs whatever order it was built in, except for the
 * relation list, which keeps the order written.
 *
 * @param type {@code ""} for a machine model or {@code kubernetes}
 * @param series the default series, or null
 * @param defaultBase the default base (for example {@code ubuntu@22.04}), or null
 * @param description a description, or null
 * @param applications the applications, by name
 * @param machines the declared machines, by id, in numeric order
 * @param relations the relations, in the order written
 * @param saas consumed offers, by name (read, but not supported yet)
 */
public record ModelSpec(
    String type,
    String series,
    String defaultBase,
    String description,
    Map<String, ApplicationSpec> applications,
    Map<String, MachineSpec> machines,
    List<RelationSpec> relations,
    Map<String, SaasSpec> saas) {

  /** Orders machine ids numerically when they are numbers, then as text. */
  public static final Comparator<String> MACHINE_ORDER =
      Comparator.comparing((String id) -> !Names.isValidMachineId(id))
          .thenComparing(id -> Names.isValidMachineId(id) ? id.length() : 0)
          .thenComparing(Comparator.naturalOrder());

  /** An empty machine model. */
  public static final ModelSpec EMPTY =
      new ModelSpec("", null, null, null, Map.of(), Map.of(), List.of(), Map.of());

  /** Checks the components and makes sorted, immutable copies of the collections. */
  public ModelSpec {
    requireNonNull(type, "type");
    applications = Collections.unmodifiableMap(new TreeMap<>(applications));
    TreeMap<String, MachineSpec> sortedMachines = new TreeMap<>(MACHINE_ORDER);
    sortedMachines.putAll(machines);
    machines = Collections.unmodifiableMap(sortedMachines);
    relations = List.copyOf(relations);
    saas = Collections.unmodifiableMap(new TreeMap<>(saas));
  }

  /** Returns a builder for a machine model. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder that starts from this model's content. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.type = type;
    builder.series = series;
    builder.defaultBase = defaultBase;
    builder.description = description;
    builder.applications.putAll(applications);
    builder.machines.putAll(machines);
    builder.relations.addAll(relations);
    builder.saas.putAll(saas);
    return builder;
  }

  /** Whether this is a Kubernetes model ({@code bundle: kubernetes}). */
  public boolean isKubernetes() {
    return "kubernetes".equals(type);
  }

  /**
   * Checks the model against charm metadata: the structural checks of {@link Builder#build()} plus
   * every check that needs the charms (options, endpoints, relations, subordinates).
   *
   * @param charms where charm metadata comes from
   * @return every problem found: errors and warnings, without locations
   */
  public List<Problem> validate(CharmRepository charms) {
    return ModelValidator.validate(this, SourceMap.EMPTY, charms);
  }

  /** Builds a {@link ModelSpec}; {@link #build()} runs the structural checks. */
  public static final class Builder {
    private String type = "";
    private String series;
    private String defaultBase;
    private String description;
    private final Map<String, ApplicationSpec> applications = new LinkedHashMap<>();
    private final Map<String, MachineSpec> machines = new LinkedHashMap<>();
    private final List<RelationSpec> relations = new ArrayList<>();
    private final Map<String, SaasSpec> saas = new LinkedHashMap<>();

    private Builder() {}

    /** Sets the model type: {@code ""} (machines, the default) or {@code kubernetes}. */
    public Builder type(String type) {
      this.type = requireNonNull(type, "type");
      return this;
    }

    /** Sets the default series. */
    public Builder series(String series) {
      this.series = series;
      return this;
    }

    /** Sets the default base, for example {@code ubuntu@22.04}. */
    public Builder defaultBase(String defaultBase) {
      this.defaultBase = defaultBase;
      return this;
    }

    /** Sets the description. */
    public Builder description(String description) {
      this.description = description;
      return this;
    }

    /** Adds or replaces an application. */
    public Builder application(ApplicationSpec application) {
      applications.put(application.name(), application);
      return this;
    }

    /**
     * Adds or replaces an application configured by {@code configure}, which receives a builder
     * with one unit of the charm named like the application.
     */
    public Builder application(String name, Consumer<ApplicationSpec.Builder> configure) {
      ApplicationSpec.Builder builder =
          applications.containsKey(name)
              ? applications.get(name).toBuilder()
              : ApplicationSpec.builder(name);
      configure.accept(builder);
      return application(builder.build());
    }

    /** Removes an application and every relation that involves it. */
    public Builder removeApplication(String name) {
      applications.remove(name);
      relations.removeIf(relation -> relation.involves(name));
      return this;
    }

    /** Adds or replaces a machine. */
    public Builder machine(MachineSpec machine) {
      machines.put(machine.id(), machine);
      return this;
    }

    /** Adds a machine with no constraints. */
    public Builder machine(String id) {
      return machine(MachineSpec.of(id));
    }

    /**
     * Adds a machine with constraints in Juju's language.
     *
     * @throws ConstraintsException when the constraints do not parse
     */
    public Builder machine(String id, String constraints) {
      return machine(MachineSpec.of(id).withConstraints(Constraints.parse(constraints)));
    }

    /** Adds a relation between two sides, each {@code app} or {@code app:endpoint}. */
    public Builder relate(String first, String second) {
      return relation(RelationSpec.of(first, second));
    }

    /** Adds a relation. */
    public Builder relation(RelationSpec relation) {
      relations.add(requireNonNull(relation, "relation"));
      return this;
    }

    /** Adds a consumed offer (read, but not supported by the runtime yet). */
    public Builder saas(SaasSpec offer) {
      saas.put(offer.name(), offer);
      return this;
    }

    /**
     * Returns the model after the structural checks that need no charm metadata (names, placement,
     * machines, relations).
     *
     * @throws ModelSpecException listing every error when the model is not valid
     */
    public ModelSpec build() {
      ModelSpec spec = buildUnvalidated();
      List<Problem> problems = ModelValidator.validate(spec, SourceMap.EMPTY, CharmRepository.NONE);
      if (problems.stream().anyMatch(Problem::isError)) {
        throw new ModelSpecException(problems);
      }
      return spec;
    }

    /**
     * Returns the model without checking it. For readers that run {@link ModelValidator} with their
     * own {@link SourceMap}; everyone else should call {@link #build()}.
     */
    public ModelSpec buildUnvalidated() {
      return new ModelSpec(
          type, series, defaultBase, description, applications, machines, relations, saas);
    }
  }
}
