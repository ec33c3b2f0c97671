package dev.bosun.model.plan;

import static java.util.Objects.requireNonNull;

import dev.bosun.model.spec.ApplicationSpec;
import dev.bosun.model.spec.Constraints;
import dev.bosun.model.spec.ExposedEndpoint;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * An application that runs in the model, as the planner needs to know it.
 *
 * <pre>{@code
 * ApplicationState etcd = ApplicationState.builder("etcd")
 *     .charm("etcd")
 *     .option("port", 2379)
 *     .unit("etcd/0", "0")
 *     .unit("etcd/1", "1")
 *     .build();
 * }</pre>
 *
 * @param name the application name
 * @param charm the charm reference the application was deployed from, as a bundle writes it
 * @param revision the charm revision, or null when not known
 * @param channel the charm channel, or null when none (local charms have none)
 * @param base the base (for example {@code ubuntu@22.04}), or null when not known
 * @param series the series (for example {@code jammy}), or null when not known
 * @param options the configuration values set on the application (not the charm's defaults), held
 *     as {@link ApplicationSpec#normaliseOptionValue normalised} values
 * @param constraints the application's constraints
 * @param exposed whether the application is exposed
 * @param exposedEndpoints per-endpoint expose rules ({@code ""} for all endpoints)
 * @param annotations the application's annotations
 * @param trust whether the application is trusted with cloud credentials
 * @param subordinate whether the charm is a subordinate, or null when not known
 * @param units the units, by name (in unit-number order), each mapped to the id of the machine it
 *     runs on, or to null when it has none (Kubernetes units, units not yet assigned)
 */
public record ApplicationState(
    String name,
    String charm,
    Integer revision,
    String channel,
    String base,
    String series,
    Map<String, Object> options,
    Constraints constraints,
    boolean exposed,
    Map<String, ExposedEndpoint> exposedEndpoints,
    Map<String, String> annotations,
    boolean trust,
    Boolean subordinate,
    Map<String, String> units) {

  /** Orders unit names by application, then numerically by unit number. */
  public static final Comparator<String> UNIT_ORDER =
      Comparator.comparing((String unit) -> unit.substring(0, Math.max(0, unit.indexOf('/'))))
          .thenComparingLong(ApplicationState::unitNumber)
          .thenComparing(Comparator.naturalOrder());

  /**
   * Checks the components and makes sorted, immutable copies of the collections.
   *
   * @throws IllegalArgumentException when a unit name is not {@code <name>/<number>}
   */
  public ApplicationState {
    requireNonNull(name, "name");
    requireNonNull(charm, "charm");
    constraints = constraints == null ? Constraints.NONE : constraints;
    Map<String, Object> optionCopy = new TreeMap<>();
    options.forEach(
        (key, value) -> optionCopy.put(key, ApplicationSpec.normaliseOptionValue(value)));
    options = Collections.unmodifiableMap(optionCopy);
    exposedEndpoints = Collections.unmodifiableMap(new TreeMap<>(exposedEndpoints));
    annotations = Collections.unmodifiableMap(new TreeMap<>(annotations));
    TreeMap<String, String> unitCopy = new TreeMap<>(UNIT_ORDER);
    units.forEach(
        (unit, machine) -> {
          if (!unit.startsWith(name + "/") || unitNumber(unit) < 0) {
            throw new IllegalArgumentException(
                "unit " + unit + " is not a unit of application " + name);
          }
          unitCopy.put(unit, machine);
        });
    units = Collections.unmodifiableMap(unitCopy);
  }

  /** Returns a builder for an application of the given name; the charm defaults to the name. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Returns a builder that starts from this application's values. */
  public Builder toBuilder() {
    Builder builder = new Builder(name);
    builder.charm = charm;
    builder.revision = revision;
    builder.channel = channel;
    builder.base = base;
    builder.series = series;
    builder.options.putAll(options);
    builder.constraints = constraints;
    builder.exposed = exposed;
    builder.exposedEndpoints.putAll(exposedEndpoints);
    builder.annotations.putAll(annotations);
    builder.trust = trust;
    builder.subordinate = subordinate;
    builder.units.putAll(units);
    return builder;
  }

  /** Returns the number of a unit name ({@code 3} for {@code etcd/3}), or -1 when it has none. */
  public static long unitNumber(String unit) {
    int slash = unit.lastIndexOf('/');
    if (slash < 0 || slash == unit.length() - 1) {
      return -1;
    }
    String digits = unit.substring(slash + 1);
    if (!digits.chars().allMatch(c -> c >= '0' && c <= '9') || digits.length() > 18) {
      return -1;
    }
    return Long.parseLong(digits);
  }

  /** Whether the charm is known to be a subordinate. */
  public boolean isSubordinate() {
    return Boolean.TRUE.equals(subordinate);
  }

  /** Builds an {@link ApplicationState}. */
  public static final class Builder {
    private final String name;
    private String charm;
    private Integer revision;
    private String channel;
    private String base;
    private String series;
    private final Map<String, Object> options = new TreeMap<>();
    private Constraints constraints = Constraints.NONE;
    private boolean exposed;
    private final Map<String, ExposedEndpoint> exposedEndpoints = new TreeMap<>();
    private final Map<String, String> annotations = new TreeMap<>();
    private boolean trust;
    private Boolean subordinate;
    private final Map<String, String> units = new TreeMap<>(UNIT_ORDER);

    private Builder(String name) {
      this.name = requireNonNull(name, "name");
      this.charm = name;
    }

    /** Sets the charm reference (default: the application name). */
    public Builder charm(String value) {
      this.charm = requireNonNull(value, "charm");
      return this;
    }

    /** Sets the charm revision, or null when not known. */
    public Builder revision(Integer value) {
      this.revision = value;
      return this;
    }

    /** Sets the charm channel. */
    public Builder channel(String value) {
      this.channel = value;
      return this;
    }

    /** Sets the base. */
    public Builder base(String value) {
      this.base = value;
      return this;
    }

    /** Sets the series. */
    public Builder series(String value) {
      this.series = value;
      return this;
    }

    /**
     * Sets a configuration value.
     *
     * @throws IllegalArgumentException when the value is not a string, number or boolean
     */
    public Builder option(String key, Object value) {
      options.put(requireNonNull(key, "key"), ApplicationSpec.normaliseOptionValue(value));
      return this;
    }

    /** Sets configuration values. */
    public Builder options(Map<String, ?> values) {
      values.forEach(this::option);
      return this;
    }

    /** Sets the constraints. */
    public Builder constraints(Constraints value) {
      this.constraints = requireNonNull(value, "constraints");
      return this;
    }

    /**
     * Sets the constraints from Juju's constraint language.
     *
     * @throws dev.bosun.model.spec.ConstraintsException when the text does not parse
     */
    public Builder constraints(String text) {
      return constraints(Constraints.parse(text));
    }

    /** Sets whether the application is exposed. */
    public Builder exposed(boolean value) {
      this.exposed = value;
      return this;
    }

    /** Replaces every per-endpoint expose rule. */
    public Builder exposedEndpoints(Map<String, ExposedEndpoint> rules) {
      exposedEndpoints.clear();
      exposedEndpoints.putAll(rules);
      return this;
    }

    /** Sets the expose rule of an endpoint ({@code ""} for all endpoints). */
    public Builder exposedEndpoint(String endpoint, ExposedEndpoint rule) {
      exposedEndpoints.put(endpoint, rule);
      return this;
    }

    /** Sets an annotation. */
    public Builder annotation(String key, String value) {
      annotations.put(key, value);
      return this;
    }

    /** Sets annotations. */
    public Builder annotations(Map<String, String> values) {
      annotations.putAll(values);
      return this;
    }

    /** Sets whether the application is trusted. */
    public Builder trust(boolean value) {
      this.trust = value;
      return this;
    }

    /** Sets whether the charm is a subordinate (null: not known). */
    public Builder subordinate(Boolean value) {
      this.subordinate = value;
      return this;
    }

    /** Adds a unit on a machine (null: no machine). */
    public Builder unit(String unit, String machine) {
      units.put(requireNonNull(unit, "unit"), machine);
      return this;
    }

    /** Removes a unit. */
    public Builder removeUnit(String unit) {
      units.remove(unit);
      return this;
    }

    /**
     * Returns the application.
     *
     * @throws IllegalArgumentException when a unit name does not belong to the application
     */
    public ApplicationState build() {
      return new ApplicationState(
          name,
          charm,
          revision,
          channel,
          base,
          series,
          options,
          constraints,
          exposed,
          exposedEndpoints,
          annotations,
          trust,
          subordinate,
          units);
    }
  }
}
