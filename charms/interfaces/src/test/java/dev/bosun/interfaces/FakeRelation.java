package dev.bosun.interfaces;

import dev.bosun.charm.Relation;
import dev.bosun.charm.RelationData;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** An in-memory relation for tests: remote unit bags, a local bag, application bags. */
public final class FakeRelation implements Relation {
  private final String interfaceName;
  private final Map<String, Bag> units = new TreeMap<>();
  private final Bag local = new Bag(true);
  private final Bag application = new Bag(true);
  private final Bag remoteApplication = new Bag(false);

  public FakeRelation(String interfaceName) {
    this.interfaceName = interfaceName;
  }

  /** Adds (or replaces) a remote unit with its bag. */
  public FakeRelation unit(String name, Map<String, String> data) {
    Bag bag = new Bag(false);
    bag.values.putAll(data);
    units.put(name, bag);
    return this;
  }

  /** Returns the remote units' bags as maps. */
  public Map<String, Map<String, String>> unitMaps() {
    Map<String, Map<String, String>> maps = new TreeMap<>();
    units.forEach((name, bag) -> maps.put(name, bag.asMap()));
    return maps;
  }

  /** Sets the remote application's bag. */
  public FakeRelation remoteApplication(Map<String, String> data) {
    remoteApplication.values.putAll(data);
    return this;
  }

  @Override
  public int id() {
    return 7;
  }

  @Override
  public String endpoint() {
    return "test";
  }

  @Override
  public String interfaceName() {
    return interfaceName;
  }

  @Override
  public String remoteApplication() {
    return "remote";
  }

  @Override
  public boolean isPeer() {
    return false;
  }

  @Override
  public Set<String> units() {
    return new TreeSet<>(units.keySet());
  }

  @Override
  public RelationData unitData(String unit) {
    Bag bag = units.get(unit);
    if (bag == null) {
      throw new java.util.NoSuchElementException(unit);
    }
    return bag;
  }

  @Override
  public RelationData localUnitData() {
    return local;
  }

  @Override
  public RelationData applicationData() {
    return application;
  }

  @Override
  public RelationData remoteApplicationData() {
    return remoteApplication;
  }

  /** A bag: Juju semantics, an empty value deletes the key. */
  static final class Bag implements RelationData {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final boolean writable;

    Bag(boolean writable) {
      this.writable = writable;
    }

    @Override
    public Optional<String> get(String key) {
      return Optional.ofNullable(values.get(key));
    }

    @Override
    public Map<String, String> asMap() {
      return Map.copyOf(values);
    }

    @Override
    public void put(String key, String value) {
      if (!writable) {
        throw new IllegalStateException("read-only bag");
      }
      if (value == null || value.isEmpty()) {
        values.remove(key);
      } else {
        values.put(key, value);
      }
    }

    @Override
    public void putAll(Map<String, String> entries) {
      entries.forEach(this::put);
    }

    @Override
    public void remove(String key) {
      values.remove(key);
    }

    @Override
    public boolean isWritable() {
      return writable;
    }
  }
}
