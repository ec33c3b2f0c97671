package dev.bosun.testing;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One relation of the unit under test, as a {@link State} holds it: the endpoint, the application
 * at the other end, the remote units in the relation with their databags, and the databags of the
 * remote application, of this unit and of this unit's application. Interface and role come from the
 * charm's metadata.
 *
 * <pre>{@code
 * RelationState db = RelationState.builder("db", "kube-apiserver")
 *     .remoteUnit("kube-apiserver/0", Map.of("hostname", "10.0.0.5"))
 *     .remoteApplicationData(Map.of("version", "1.29"))
 *     .build();
 * RelationState cluster = RelationState.peerBuilder("cluster")
 *     .remoteUnit("etcd/1", Map.of("peer-url", "https://10.0.0.6:2380"))
 *     .build();
 * }</pre>
 *
 * <p>A relation gets a fresh id, unique in the JVM, unless one is given with {@link Builder#id};
 * events built from it ({@link Events#relationJoined}) carry that id.
 *
 * @param id the relation id
 * @param endpoint the unit's endpoint
 * @param remoteApplication the application at the other end; null for a peer relation (the unit's
 *     own application)
 * @param peer whether this is a relation on a peer endpoint
 * @param remoteUnits the remote units in the relation (for a peer relation, the other units of the
 *     application) with their bags, sorted by name
 * @param remoteApplicationData the remote application's bag (always empty for a peer relation)
 * @param localUnitData this unit's bag
 * @param localApplicationData the bag of this unit's application
 */
public record RelationState(
    int id,
    String endpoint,
    String remoteApplication,
    boolean peer,
    Map<String, Map<String, String>> remoteUnits,
    Map<String, String> remoteApplicationData,
    Map<String, String> localUnitData,
    Map<String, String> localApplicationData) {

  private static final AtomicInteger NEXT_ID = new AtomicInteger(1);

  /**
   * Checks and copies the components.
   *
   * @throws IllegalArgumentException when a provider/requirer relation has no remote application,
   *     or a peer relation has one or a remote application bag
   */
  public RelationState {
    requireNonNull(endpoint, "endpoint");
    if (peer && remoteApplication != null) {
      throw new IllegalArgumentException(
          "peer relation " + endpoint + " has no remote application other than the unit's own");
    }
    if (!peer && remoteApplication == null) {
      throw new IllegalArgumentException("relation " + endpoint + " needs a remote application");
    }
    Map<String, Map<String, String>> units = new TreeMap<>();
    remoteUnits.forEach((unit, data) -> units.put(unit, copy(data)));
    remoteUnits = Collections.unmodifiableMap(units);
    remoteApplicationData = copy(remoteApplicationData);
    localUnitData = copy(localUnitData);
    localApplicationData = copy(localApplicationData);
    if (peer && !remoteApplicationData.isEmpty()) {
      throw new IllegalArgumentException(
          "peer relation "
              + endpoint
              + " has no remote application bag; put the data in localApplicationData");
    }
  }

  /**
   * Starts a relation on a provider or requirer endpoint.
   *
   * @param endpoint the unit's endpoint, as in {@code metadata.yaml}
   * @param remoteApplication the application at the other end
   */
  public static Builder builder(String endpoint, String remoteApplication) {
    return new Builder(endpoint, requireNonNull(remoteApplication, "remoteApplication"), false);
  }

  /**
   * Starts a relation on a peer endpoint: the remote units are the other units of the unit's
   * application.
   */
  public static Builder peerBuilder(String endpoint) {
    return new Builder(endpoint, null, true);
  }

  /** Returns a builder that starts from this relation, id included. */
  public Builder toBuilder() {
    Builder builder = new Builder(endpoint, remoteApplication, peer);
    builder.id = id;
    builder.remoteUnits.putAll(remoteUnits);
    builder.remoteApplicationData.putAll(remoteApplicationData);
    builder.localUnitData.putAll(localUnitData);
    builder.localApplicationData.putAll(localApplicationData);
    return builder;
  }

  /**
   * Returns a remote unit's bag.
   *
   * @throws java.util.NoSuchElementException when the unit is not in the relation
   */
  public Map<String, String> remoteUnitData(String unit) {
    Map<String, String> data = remoteUnits.get(unit);
    if (data == null) {
      throw new java.util.NoSuchElementException(
          "unit "
              + unit
              + " is not in relation "
              + describe()
              + "; its units are "
              + remoteUnits.keySet());
    }
    return data;
  }

  /** Returns the relation as Juju names it in messages: {@code db:3}. */
  public String describe() {
    return endpoint + ":" + id;
  }

  private static Map<String, String> copy(Map<String, String> data) {
    Map<String, String> copy = new TreeMap<>();
    data.forEach(
        (key, value) ->
            copy.put(requireNonNull(key, "databag key"), requireNonNull(value, "value of " + key)));
    return Collections.unmodifiableMap(copy);
  }

  /** Builds a {@link RelationState}. Not thread-safe. */
  public static final class Builder {
    private final String endpoint;
    private final String remoteApplication;
    private final boolean peer;
    private Integer id;
    private final Map<String, Map<String, String>> remoteUnits = new LinkedHashMap<>();
    private final Map<String, String> remoteApplicationData = new LinkedHashMap<>();
    private final Map<String, String> localUnitData = new LinkedHashMap<>();
    private final Map<String, String> localApplicationData = new LinkedHashMap<>();

    private Builder(String endpoint, String remoteApplication, boolean peer) {
      this.endpoint = requireNonNull(endpoint, "endpoint");
      this.remoteApplication = remoteApplication;
      this.peer = peer;
    }

    /** Sets the relation id (default: a fresh id, unique in the JVM). */
    public Builder id(int relationId) {
      if (relationId < 0) {
        throw new IllegalArgumentException("relation ids are 0 or more, not " + relationId);
      }
      this.id = relationId;
      return this;
    }

    /** Adds a remote unit in the relation, with its bag. */
    public Builder remoteUnit(String unit, Map<String, String> data) {
      remoteUnits.put(requireNonNull(unit, "unit"), Map.copyOf(data));
      return this;
    }

    /** Adds remote units in the relation, with empty bags. */
    public Builder remoteUnits(String... units) {
      for (String unit : units) {
        remoteUnit(unit, Map.of());
      }
      return this;
    }

    /** Removes a remote unit (for example after it departed). */
    public Builder withoutRemoteUnit(String unit) {
      remoteUnits.remove(unit);
      return this;
    }

    /** Sets entries of the remote application's bag. */
    public Builder remoteApplicationData(Map<String, String> data) {
      remoteApplicationData.putAll(data);
      return this;
    }

    /** Sets entries of this unit's bag. */
    public Builder localUnitData(Map<String, String> data) {
      localUnitData.putAll(data);
      return this;
    }

    /** Sets entries of the bag of this unit's application. */
    public Builder localApplicationData(Map<String, String> data) {
      localApplicationData.putAll(data);
      return this;
    }

    /**
     * Returns the relation.
     *
     * @throws IllegalArgumentException as the record's constructor does
     */
    public RelationState build() {
      int relationId = id != null ? id : NEXT_ID.getAndIncrement();
      return new RelationState(
          relationId,
          endpoint,
          remoteApplication,
          peer,
          remoteUnits,
          remoteApplicationData,
          localUnitData,
          localApplicationData);
    }
  }
}
