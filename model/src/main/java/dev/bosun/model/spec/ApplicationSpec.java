package dev.bosun.model.spec;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An application a model asks for: which charm, how many units, where they go, and how the charm is
 * configured. Every key of a bundle's application entry has a component here.
 *
 * <p>Build one with {@link #builder(String)}:
 *
 * <pre>{@code
 * ApplicationSpec etcd = ApplicationSpec.builder("etcd")
 *     .charm("etcd")
 *     .units(3)
 *     .option("port", 2379)
 *     .constraints("cores=2 mem=8G")
 *     .build();
 * }</pre>
 *
 * <p>Option values are held as {@link String}, {@link Long}, {@link Double} or {@link Boolean}
 * (other numbers are normalised to {@code Long} or {@code Double}). Maps are sorted by key, so two
 * specs with the same content are equal however they were built.
 *
 * @param name the application name
 * @param charm the charm reference: a name, a store URL or a local path
 * @param channel the charm channel, or null
 * @param revision the charm revision, or null
 * @param series the series, or null
 * @param base the base such as {@code ubuntu@22.04}, or null
 * @param numUnits the number of units (0 for a subordinate)
 * @param to the placement directives, in order
 * @param options the configuration values, by option name
 * @param constraints the constraints for the application's machines
 * @param expose whether the application is exposed
 * @param exposedEndpoints per-endpoint expose rules (overlay-only in bundles)
 * @param annotations free-form annotations
 * @param bindings endpoint to space bindings; the key {@code ""} is the default space
 * @param resources resource revisions or paths, by resource name
 * @param storage storage directives, by storage name
 * @param devices device directives, by device name, as written
 * @param trust whether the application is trusted with cloud credentials
 */
public record ApplicationSpec(
    String name,
    String charm,
    String channel,
    Integer revision,
    String series,
    String base,
    int numUnits,
    List<Placement> to,
    Map<String, Object> options,
    Constraints constraints,
    boolean expose,
    Map<String, ExposedEndpoint> exposedEndpoints,
    Map<String, String> annotations,
    Map<String, String> bindings,
    Map<String, ResourceRef> resources,
    Map<String, StorageDirective> storage,
    Map<String, String> devices,
    boolean trust) {

  /** Checks the components and makes sorted, immutable copies of the collections. */
  public ApplicationSpec {
    requireNonNull(name, "name");
    requireNonNull(charm, "charm");
    requireNonNull(constraints, "constraints");
    to = List.copyOf(to);
    options = normalisedOptions(options);
    exposedEndpoints = sorted(exposedEndpoints);
    annotations = sorted(annotations);
    bindings = sorted(bindings);
    resources = sorted(resources);
    storage = sorted(storage);
    devices = sorted(devices);
  }

  /** Returns a builder for an application of the given name; the charm defaults to the name. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Returns a builder that starts from this application's values. */
  public Builder toBuilder() {
    Builder builder = new Builder(name);
    builder.charm = charm;
    builder.channel = channel;
    builder.revision = revision;
    builder.series = series;
    builder.base = base;
    builder.numUnits = numUnits;
    builder.to.addAll(to);
    builder.options.putAll(options);
    builder.constraints = constraints;
    builder.expose = expose;
    builder.exposedEndpoints.putAll(exposedEndpoints);
    builder.annotations.putAll(annotations);
    builder.bindings.putAll(bindings);
    builder.resources.putAll(resources);
    builder.storage.putAll(storage);
    builder.devices.putAll(devices);
    builder.trust = trust;
    return builder;
  }

  /**
   * Normalises an option value to {@link String}, {@link Long}, {@link Double} or {@link Boolean}.
   *
   * @throws IllegalArgumentException when the value is of another type or out of range
   */
  public static Object normaliseOptionValue(Object value) {
    if (value instanceof String
        || value instanceof Long
        || value instanceof Double
        || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float f) {
      return Double.valueOf(f.toString());
    }
    if (value instanceof BigInteger big && big.bitLength() < 64) {
      return big.longValue();
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.doubleValue();
    }
    throw new IllegalArgumentException(
        "option values are strings, integers, floats or booleans, got "
            + (value == null ? "null" : value.getClass().getSimpleName() + " " + value));
  }

  private static Map<String, Object> normalisedOptions(Map<String, Object> options) {
    Map<String, Object> copy = new TreeMap<>();
    options.forEach((key, value) -> copy.put(key, normaliseOptionValue(value)));
    return Collections.unmodifiableMap(copy);
  }

  private static <V> Map<String, V> sorted(Map<String, V> map) {
    return Collections.unmodifiableMap(new TreeMap<>(map));
  }

  /**
   * Builds an {@link ApplicationSpec}; starts with one unit of the charm named like the
   * application.
   */
  public static final class Builder {
    private final String name;
    private String charm;
    private String channel;
    private Integer revision;
    private String series;
    private String base;
    private int numUnits = 1;
    private final List<Placement> to = new ArrayList<>();
    private final Map<String, Object> options = new TreeMap<>();
    private Constraints constraints = Constraints.NONE;
    private boolean expose;
    private final Map<String, ExposedEndpoint> exposedEndpoints = new TreeMap<>();
    private final Map<String, String> annotations = new TreeMap<>();
    private final Map<String, String> bindings = new TreeMap<>();
    private final Map<String, ResourceRef> resources = new TreeMap<>();
    private final Map<String, StorageDirective> storage = new TreeMap<>();
    private final Map<String, String> devices = new TreeMap<>();
    private boolean trust;

    private Builder(String name) {
      this.name = requireNonNull(name, "name");
      this.charm = name;
    }

    /** Sets the charm reference (default: the application name). */
    public Builder charm(String charm) {
      this.charm = requireNonNull(charm, "charm");
      return this;
    }

    /** Sets the charm channel. */
    public Builder channel(String channel) {
      this.channel = channel;
      return this;
    }

    /** Sets the charm revision. */
    public Builder revision(Integer revision) {
      this.revision = revision;
      return this;
    }

    /** Sets the series. */
    public Builder series(String series) {
      this.series = series;
      return this;
    }

    /** Sets the base, for example {@code ubuntu@22.04}. */
    public Builder base(String base) {
      this.base = base;
      return this;
    }

    /** Sets the number of units (default 1; use 0 for a subordinate). */
    public Builder units(int numUnits) {
      this.numUnits = numUnits;
      return this;
    }

    /**
     * Adds placement directives, for example {@code to("0", "lxd:1", "etcd/0")}.
     *
     * @throws PlacementException when a directive does not parse
     */
    public Builder to(String... directives) {
      for (String directive : directives) {
        to.add(Placement.parse(directive));
      }
      return this;
    }

    /** Adds parsed placement directives. */
    public Builder to(List<Placement> placements) {
      to.addAll(placements);
      return this;
    }

    /**
     * Sets a configuration value.
     *
     * @throws IllegalArgumentException when the value is not a string, number or boolean
     */
    public Builder option(String key, Object value) {
      options.put(requireNonNull(key, "key"), normaliseOptionValue(value));
      return this;
    }

    /** Sets configuration values. */
    public Builder options(Map<String, ?> values) {
      values.forEach(this::option);
      return this;
    }

    /**
     * Sets the constraints from Juju's constraint language.
     *
     * @throws ConstraintsException when the text does not parse
     */
    public Builder constraints(String text) {
      this.constraints = Constraints.parse(text);
      return this;
    }

    /** Sets the constraints. */
    public Builder constraints(Constraints constraints) {
      this.constraints = requireNonNull(constraints, "constraints");
      return this;
    }

    /** Sets whether the application is exposed. */
    public Builder expose(boolean expose) {
      this.expose = expose;
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

    /** Binds an endpoint ({@code ""} for the default) to a space. */
    public Builder binding(String endpoint, String space) {
      bindings.put(endpoint, space);
      return this;
    }

    /** Sets a resource revision or path. */
    public Builder resource(String resourceName, ResourceRef ref) {
      resources.put(resourceName, ref);
      return this;
    }

    /**
     * Sets a storage directive such as {@code ebs,10G,1}.
     *
     * @throws dev.bosun.model.BosunException when the directive does not parse
     */
    public Builder storage(String storageName, String directive) {
      storage.put(storageName, StorageDirective.parse(directive));
      return this;
    }

    /** Sets a parsed storage directive. */
    public Builder storage(String storageName, StorageDirective directive) {
      storage.put(storageName, directive);
      return this;
    }

    /** Sets a device directive, as written. */
    public Builder device(String deviceName, String directive) {
      devices.put(deviceName, directive);
      return this;
    }

    /** Sets whether the application is trusted with cloud credentials. */
    public Builder trust(boolean trust) {
      this.trust = trust;
      return this;
    }

    /** Returns the application. Model-level checks happen in {@link ModelSpec.Builder#build()}. */
    public ApplicationSpec build() {
      return new ApplicationSpec(
          name,
          charm,
          channel,
          revision,
          series,
          base,
          numUnits,
          to,
          options,
          constraints,
          expose,
          exposedEndpoints,
          annotations,
          bindings,
          resources,
          storage,
          devices,
          trust);
    }
  }
}
