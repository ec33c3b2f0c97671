package dev.bosun.testing;

import static java.util.Objects.requireNonNull;

import dev.bosun.charm.Status;
import dev.bosun.charm.StatusState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one unit sees of the model when a hook starts, and what it has committed when the hook ends:
 * the input and the output of {@link CharmContext#run}. Immutable; build one with {@link
 * #builder()}, derive one with {@link #toBuilder()}.
 *
 * <pre>{@code
 * State state = State.builder()
 *     .leader(true)
 *     .config("port", 8080)
 *     .relation(RelationState.peerBuilder("cluster").remoteUnits("hello/1").build())
 *     .unitState("cluster-id", "c0ffee")
 *     .build();
 * }</pre>
 *
 * @param leader whether the unit leads its application
 * @param config the configuration values the operator set, by option (the charm's defaults apply to
 *     the others; a null value means unset)
 * @param relations the unit's relations, in id order
 * @param unitState the unit's persistent key-value state ({@code ctx.state()})
 * @param unitStatus the unit's workload status
 * @param applicationStatus the application's status as the leader last set it
 * @param openedPorts the ports the unit opened, as {@code 8080/tcp}, sorted
 * @param resources the files supplied for charm resources, by resource name
 */
public record State(
    boolean leader,
    Map<String, Object> config,
    List<RelationState> relations,
    Map<String, String> unitState,
    Status unitStatus,
    Status applicationStatus,
    Set<String> openedPorts,
    Map<String, Path> resources) {

  /** The status of a unit or application nobody has set: {@code unknown} with no message. */
  public static final Status UNKNOWN = new Status(StatusState.UNKNOWN, "");

  private static final State EMPTY = builder().build();

  /**
   * Checks and copies the components.
   *
   * @throws IllegalArgumentException when two relations have one id
   */
  public State {
    config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
    Map<Integer, RelationState> byId = new TreeMap<>();
    for (RelationState relation : relations) {
      if (byId.put(relation.id(), relation) != null) {
        throw new IllegalArgumentException("two relations have id " + relation.id());
      }
    }
    relations = List.copyOf(byId.values());
    unitState = Collections.unmodifiableMap(new TreeMap<>(unitState));
    requireNonNull(unitStatus, "unitStatus");
    requireNonNull(applicationStatus, "applicationStatus");
    openedPorts = Collections.unmodifiableSet(new TreeSet<>(openedPorts));
    resources = Map.copyOf(resources);
  }

  /** Returns a state with nothing in it: not the leader, no relations, default configuration. */
  public static State empty() {
    return EMPTY;
  }

  /** Returns a builder of an empty state. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder that starts from this state. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.leader = leader;
    builder.config.putAll(config);
    relations.forEach(relation -> builder.relations.put(relation.id(), relation));
    builder.unitState.putAll(unitState);
    builder.unitStatus = unitStatus;
    builder.applicationStatus = applicationStatus;
    builder.openedPorts.addAll(openedPorts);
    builder.resources.putAll(resources);
    return builder;
  }

  /**
   * Returns the relation with an id.
   *
   * @throws NoSuchElementException when the state has no such relation
   */
  public RelationState relation(int id) {
    for (RelationState relation : relations) {
      if (relation.id() == id) {
        return relation;
      }
    }
    throw new NoSuchElementException(
        "the state has no relation " + id + "; its relations are " + describeRelations());
  }

  /**
   * Returns the one relation on an endpoint.
   *
   * @throws NoSuchElementException when the state has no relation on the endpoint
   * @throws IllegalArgumentException when it has several (use {@link #relations(String)})
   */
  public RelationState relation(String endpoint) {
    List<RelationState> found = relations(endpoint);
    if (found.isEmpty()) {
      throw new NoSuchElementException(
          "the state has no relation on endpoint "
              + endpoint
              + "; its relations are "
              + describeRelations());
    }
    if (found.size() > 1) {
      throw new IllegalArgumentException(
          "the state has "
              + found.size()
              + " relations on endpoint "
              + endpoint
              + ": "
              + found.stream().map(RelationState::describe).toList()
              + "; use relations(endpoint) or relation(id)");
    }
    return found.get(0);
  }

  /** Returns the relations on an endpoint, in id order. */
  public List<RelationState> relations(String endpoint) {
    List<RelationState> found = new ArrayList<>(1);
    for (RelationState relation : relations) {
      if (relation.endpoint().equals(endpoint)) {
        found.add(relation);
      }
    }
    return found;
  }

  private List<String> describeRelations() {
    return relations.stream().map(RelationState::describe).toList();
  }

  /** Builds a {@link State}. Not thread-safe. */
  public static final class Builder {
    private boolean leader;
    private final Map<String, Object> config = new LinkedHashMap<>();
    private final Map<Integer, RelationState> relations = new LinkedHashMap<>();
    private final Map<String, String> unitState = new LinkedHashMap<>();
    private Status unitStatus = UNKNOWN;
    private Status applicationStatus = UNKNOWN;
    private final Set<String> openedPorts = new TreeSet<>();
    private final Map<String, Path> resources = new LinkedHashMap<>();

    private Builder() {}

    /** Sets whether the unit leads its application (default: no). */
    public Builder leader(boolean isLeader) {
      this.leader = isLeader;
      return this;
    }

    /**
     * Sets a configuration value as the operator would ({@code juju config}): a value of the
     * option's type, or text parsed as Juju parses it; null unsets it.
     */
    public Builder config(String option, Object value) {
      config.put(requireNonNull(option, "option"), value);
      return this;
    }

    /** Sets configuration values, as {@link #config(String, Object)} does. */
    public Builder config(Map<String, ?> values) {
      values.forEach(this::config);
      return this;
    }

    /** Adds a relation, replacing any relation with the same id. */
    public Builder relation(RelationState relation) {
      relations.put(relation.id(), relation);
      return this;
    }

    /** Removes the relation with an id. */
    public Builder withoutRelation(int id) {
      relations.remove(id);
      return this;
    }

    /** Sets a key of the unit's persistent state. */
    public Builder unitState(String key, String value) {
      unitState.put(requireNonNull(key, "key"), requireNonNull(value, "value"));
      return this;
    }

    /** Sets keys of the unit's persistent state. */
    public Builder unitState(Map<String, String> values) {
      values.forEach(this::unitState);
      return this;
    }

    /** Sets the unit's workload status (default: unknown). */
    public Builder unitStatus(Status status) {
      this.unitStatus = requireNonNull(status, "status");
      return this;
    }

    /** Sets the application's status (default: unknown). */
    public Builder applicationStatus(Status status) {
      this.applicationStatus = requireNonNull(status, "status");
      return this;
    }

    /** Adds an opened TCP port. */
    public Builder openedPort(int port) {
      return openedPort(port, "tcp");
    }

    /** Adds an opened port with a protocol, {@code tcp} or {@code udp}. */
    public Builder openedPort(int port, String protocol) {
      openedPorts.add(port + "/" + protocol.toLowerCase(java.util.Locale.ROOT));
      return this;
    }

    /** Supplies the file of a charm resource. */
    public Builder resource(String name, Path file) {
      resources.put(requireNonNull(name, "name"), requireNonNull(file, "file"));
      return this;
    }

    /**
     * Returns the state.
     *
     * @throws IllegalArgumentException as the record's constructor does
     */
    public State build() {
      return new State(
          leader,
          config,
          List.copyOf(relations.values()),
          unitState,
          unitStatus,
          applicationStatus,
          openedPorts,
          resources);
    }
  }
}
