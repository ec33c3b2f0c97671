package dev.bosun.model.charm;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a charm declares about itself: identity, endpoints, resources, storage, configuration
 * options and actions — the content of {@code metadata.yaml}, {@code config.yaml} and {@code
 * actions.yaml}.
 *
 * <p>Read one from a charm directory with {@link CharmMetaReader}, or build one in Java with {@link
 * #builder(String)}:
 *
 * <pre>{@code
 * CharmMeta etcd = CharmMeta.builder("etcd")
 *     .provides(Endpoint.of("db", Role.PROVIDER, "etcd"))
 *     .requires(Endpoint.of("certificates", Role.REQUIRER, "tls-certificates"))
 *     .peers(Endpoint.of("cluster", Role.PEER, "etcd"))
 *     .build();
 * }</pre>
 *
 * @param name the charm name
 * @param summary one line about the charm
 * @param description a longer description
 * @param subordinate whether units of the charm attach to principal units
 * @param provides the provider endpoints, by name, in declaration order
 * @param requires the requirer endpoints, by name, in declaration order
 * @param peers the peer endpoints, by name, in declaration order
 * @param extraBindings names of extra bindings
 * @param resources the resources, by name
 * @param storage the storage, by name
 * @param series the series the charm declares (metadata v1), possibly empty
 * @param tags the tags, then the categories not already among them
 * @param config the configuration options
 * @param actions the actions, by name
 */
public record CharmMeta(
    String name,
    String summary,
    String description,
    boolean subordinate,
    Map<String, Endpoint> provides,
    Map<String, Endpoint> requires,
    Map<String, Endpoint> peers,
    Set<String> extraBindings,
    Map<String, ResourceMeta> resources,
    Map<String, StorageMeta> storage,
    List<String> series,
    List<String> tags,
    ConfigSchema config,
    Map<String, ActionSpec> actions) {

  /** Checks the components and makes defensive, order-preserving copies. */
  public CharmMeta {
    requireNonNull(name, "name");
    requireNonNull(summary, "summary");
    requireNonNull(description, "description");
    provides = ordered(provides);
    requires = ordered(requires);
    peers = ordered(peers);
    extraBindings = Set.copyOf(extraBindings);
    resources = ordered(resources);
    storage = ordered(storage);
    series = List.copyOf(series);
    tags = List.copyOf(tags);
    requireNonNull(config, "config");
    actions = ordered(actions);
  }

  /** Returns a builder for a charm of the given name with no endpoints, options or actions. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * Returns every declared endpoint (provides, then requires, then peers), without the implicit
   * {@code juju-info}.
   */
  public List<Endpoint> endpoints() {
    List<Endpoint> all = new ArrayList<>(provides.size() + requires.size() + peers.size());
    all.addAll(provides.values());
    all.addAll(requires.values());
    all.addAll(peers.values());
    return all;
  }

  /**
   * Returns the named endpoint, including the implicit {@code juju-info} provider when the charm
   * does not declare an endpoint of that name.
   */
  public Optional<Endpoint> endpoint(String endpointName) {
    Endpoint found = provides.get(endpointName);
    if (found == null) {
      found = requires.get(endpointName);
    }
    if (found == null) {
      found = peers.get(endpointName);
    }
    if (found == null && Endpoint.JUJU_INFO.equals(endpointName)) {
      found = Endpoint.IMPLICIT_JUJU_INFO;
    }
    return Optional.ofNullable(found);
  }

  /**
   * Returns the endpoints a relation may use, as Juju's {@code Meta.CombinedRelations} plus the
   * implicit {@code juju-info} provider: declared endpoints first, then {@code juju-info} if no
   * declared endpoint has that name.
   */
  public List<Endpoint> endpointsWithImplicit() {
    List<Endpoint> all = endpoints();
    if (!provides.containsKey(Endpoint.JUJU_INFO)
        && !requires.containsKey(Endpoint.JUJU_INFO)
        && !peers.containsKey(Endpoint.JUJU_INFO)) {
      all.add(Endpoint.IMPLICIT_JUJU_INFO);
    }
    return all;
  }

  private static <V> Map<String, V> ordered(Map<String, V> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** Builds a {@link CharmMeta} in Java; every collection starts empty. */
  public static final class Builder {
    private final String name;
    private String summary = "";
    private String description = "";
    private boolean subordinate;
    private final Map<String, Endpoint> provides = new LinkedHashMap<>();
    private final Map<String, Endpoint> requires = new LinkedHashMap<>();
    private final Map<String, Endpoint> peers = new LinkedHashMap<>();
    private final Map<String, ResourceMeta> resources = new LinkedHashMap<>();
    private final Map<String, ActionSpec> actions = new LinkedHashMap<>();
    private ConfigSchema config = ConfigSchema.EMPTY;

    private Builder(String name) {
      this.name = requireNonNull(name, "name");
    }

    /** Sets the one-line summary. */
    public Builder summary(String summary) {
      this.summary = requireNonNull(summary, "summary");
      return this;
    }

    /** Sets the description. */
    public Builder description(String description) {
      this.description = requireNonNull(description, "description");
      return this;
    }

    /** Marks the charm subordinate. */
    public Builder subordinate(boolean subordinate) {
      this.subordinate = subordinate;
      return this;
    }

    /** Adds provider endpoints. */
    public Builder provides(Endpoint... endpoints) {
      return add(provides, Role.PROVIDER, endpoints);
    }

    /** Adds requirer endpoints. */
    public Builder requires(Endpoint... endpoints) {
      return add(requires, Role.REQUIRER, endpoints);
    }

    /** Adds peer endpoints. */
    public Builder peers(Endpoint... endpoints) {
      return add(peers, Role.PEER, endpoints);
    }

    /** Adds a resource. */
    public Builder resource(ResourceMeta resource) {
      resources.put(resource.name(), resource);
      return this;
    }

    /** Sets the configuration options. */
    public Builder config(ConfigSchema config) {
      this.config = requireNonNull(config, "config");
      return this;
    }

    /** Adds an action. */
    public Builder action(ActionSpec action) {
      actions.put(action.name(), action);
      return this;
    }

    /** Returns the charm metadata. */
    public CharmMeta build() {
      return new CharmMeta(
          name,
          summary,
          description,
          subordinate,
          provides,
          requires,
          peers,
          Set.of(),
          resources,
          Map.of(),
          List.of(),
          List.of(),
          config,
          actions);
    }

    private Builder add(Map<String, Endpoint> into, Role role, Endpoint... endpoints) {
      for (Endpoint endpoint : endpoints) {
        if (endpoint.role() != role) {
          throw new IllegalArgumentException(
              "endpoint " + endpoint.name() + " has role " + endpoint.role() + ", not " + role);
        }
        into.put(endpoint.name(), endpoint);
      }
      return this;
    }
  }
}
