package dev.bosun.charm.fake;

import dev.bosun.charm.spi.RelationView;
import dev.bosun.model.charm.Role;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** A relation as a unit-test backend shows it: plain maps, built fluently. */
public final class FakeRelation implements RelationView {
  private final int id;
  private final String endpoint;
  private final String interfaceName;
  private final Role role;
  private final String remoteApplication;
  private final boolean broken;
  private final Set<String> remoteUnits;
  private final Map<String, Map<String, String>> unitData;
  private final Map<String, String> localUnitData;
  private final Map<String, String> localApplicationData;
  private final Map<String, String> remoteApplicationData;

  private FakeRelation(Builder b) {
    id = b.id;
    endpoint = b.endpoint;
    interfaceName = b.interfaceName;
    role = b.role;
    remoteApplication = b.remoteApplication;
    broken = b.broken;
    remoteUnits = Collections.unmodifiableSet(new TreeSet<>(b.remoteUnits));
    Map<String, Map<String, String>> units = new LinkedHashMap<>();
    b.unitData.forEach((unit, data) -> units.put(unit, Collections.unmodifiableMap(data)));
    unitData = Collections.unmodifiableMap(units);
    localUnitData = Collections.unmodifiableMap(new TreeMap<>(b.localUnitData));
    localApplicationData = Collections.unmodifiableMap(new TreeMap<>(b.localApplicationData));
    remoteApplicationData = Collections.unmodifiableMap(new TreeMap<>(b.remoteApplicationData));
  }

  /** Starts a provider/requirer or peer relation. */
  public static Builder builder(int id, String endpoint, Role role, String interfaceName) {
    return new Builder(id, endpoint, role, interfaceName);
  }

  @Override
  public int id() {
    return id;
  }

  @Override
  public String endpoint() {
    return endpoint;
  }

  @Override
  public String interfaceName() {
    return interfaceName;
  }

  @Override
  public Role role() {
    return role;
  }

  @Override
  public String remoteApplication() {
    return remoteApplication;
  }

  @Override
  public boolean isPeer() {
    return role == Role.PEER;
  }

  @Override
  public boolean isBroken() {
    return broken;
  }

  @Override
  public Set<String> remoteUnits() {
    return remoteUnits;
  }

  @Override
  public Optional<Map<String, String>> remoteUnitData(String unit) {
    return Optional.ofNullable(unitData.get(unit));
  }

  @Override
  public Map<String, String> localUnitData() {
    return localUnitData;
  }

  @Override
  public Map<String, String> localApplicationData() {
    return localApplicationData;
  }

  @Override
  public Map<String, String> remoteApplicationData() {
    return remoteApplicationData;
  }

  /** Builds a {@link FakeRelation}. */
  public static final class Builder {
    private final int id;
    private final String endpoint;
    private final Role role;
    private final String interfaceName;
    private String remoteApplication = "remote";
    private boolean broken;
    private final Set<String> remoteUnits = new TreeSet<>();
    private final Map<String, Map<String, String>> unitData = new LinkedHashMap<>();
    private final Map<String, String> localUnitData = new LinkedHashMap<>();
    private final Map<String, String> localApplicationData = new LinkedHashMap<>();
    private final Map<String, String> remoteApplicationData = new LinkedHashMap<>();

    private Builder(int id, String endpoint, Role role, String interfaceName) {
      this.id = id;
      this.endpoint = endpoint;
      this.role = role;
      this.interfaceName = interfaceName;
    }

    /** Sets the application at the other end. */
    public Builder remoteApplication(String application) {
      remoteApplication = application;
      return this;
    }

    /** Marks the relation as being broken. */
    public Builder broken() {
      broken = true;
      return this;
    }

    /** Adds a remote unit in scope with its bag. */
    public Builder unit(String unit, Map<String, String> data) {
      remoteUnits.add(unit);
      unitData.put(unit, new TreeMap<>(data));
      return this;
    }

    /** Adds a unit that departed: its bag stays readable, it is not in scope. */
    public Builder departed(String unit, Map<String, String> data) {
      unitData.put(unit, new TreeMap<>(data));
      return this;
    }

    /** Sets this unit's own bag. */
    public Builder localUnitData(Map<String, String> data) {
      localUnitData.putAll(data);
      return this;
    }

    /** Sets the bag of this unit's application. */
    public Builder localApplicationData(Map<String, String> data) {
      localApplicationData.putAll(data);
      return this;
    }

    /** Sets the remote application's bag. */
    public Builder remoteApplicationData(Map<String, String> data) {
      remoteApplicationData.putAll(data);
      return this;
    }

    /** Returns the relation. */
    public FakeRelation build() {
      return new FakeRelation(this);
    }
  }
}
