package dev.bosun.charm.internal;

import static java.util.Objects.requireNonNull;

import dev.bosun.charm.RelationData;
import dev.bosun.charm.RelationDataAccessException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One relation databag as a hook sees it: the committed content, the hook's pending writes on top
 * (an empty value deletes the key), and Juju's access rules, decided once when the bag is made
 * (leadership does not change during a hook).
 */
final class Databag implements RelationData {
  private final HookScope scope;
  private final int relationId;
  private final Map<String, String> committed;
  private final Map<String, String> pending;
  private final String readDenied;
  private final String writeDenied;

  /**
   * Creates a bag.
   *
   * @param committed the committed content (a live view is fine)
   * @param pending where writes go, or null for a bag this unit can never write
   * @param readDenied the message when this unit may not read the bag, or null
   * @param writeDenied the message when this unit may not write the bag, or null
   */
  Databag(
      HookScope scope,
      int relationId,
      Map<String, String> committed,
      Map<String, String> pending,
      String readDenied,
      String writeDenied) {
    this.scope = scope;
    this.relationId = relationId;
    this.committed = committed;
    this.pending = pending;
    this.readDenied = readDenied;
    this.writeDenied = writeDenied;
    if (writeDenied == null && pending == null) {
      throw new IllegalArgumentException("a writable bag needs a write buffer");
    }
  }

  @Override
  public Optional<String> get(String key) {
    requireNonNull(key, "key");
    checkRead();
    if (pending != null && pending.containsKey(key)) {
      String value = pending.get(key);
      return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
    return Optional.ofNullable(committed.get(key));
  }

  @Override
  public Map<String, String> asMap() {
    checkRead();
    Map<String, String> merged = new TreeMap<>(committed);
    if (pending != null) {
      pending.forEach(
          (key, value) -> {
            if (value.isEmpty()) {
              merged.remove(key);
            } else {
              merged.put(key, value);
            }
          });
    }
    return Collections.unmodifiableMap(merged);
  }

  @Override
  public void put(String key, String value) {
    requireNonNull(key, "key");
    requireNonNull(value, "value (use an empty string or remove(key) to delete a key)");
    checkWrite();
    if (key.isEmpty()) {
      throw new IllegalArgumentException("relation data keys must not be empty");
    }
    pending.put(key, value);
  }

  @Override
  public void putAll(Map<String, String> values) {
    checkWrite();
    values.forEach(this::put);
  }

  @Override
  public void remove(String key) {
    put(key, "");
  }

  @Override
  public boolean isWritable() {
    scope.ensureOpen();
    return writeDenied == null;
  }

  /**
   * Returns what the hook changed compared with the committed content: new or changed values, and
   * null for keys it deleted that were committed. Writing a value that is already committed is no
   * change.
   */
  Map<String, String> changes() {
    if (pending == null || pending.isEmpty()) {
      return Map.of();
    }
    Map<String, String> changes = new LinkedHashMap<>();
    pending.forEach(
        (key, value) -> {
          String before = committed.get(key);
          if (value.isEmpty()) {
            if (before != null) {
              changes.put(key, null);
            }
          } else if (!value.equals(before)) {
            changes.put(key, value);
          }
        });
    return changes.isEmpty() ? Map.of() : Collections.unmodifiableMap(changes);
  }

  private void checkRead() {
    scope.ensureOpen();
    if (readDenied != null) {
      throw new RelationDataAccessException(scope.unitName(), relationId, readDenied);
    }
  }

  private void checkWrite() {
    scope.ensureOpen();
    if (writeDenied != null) {
      throw new RelationDataAccessException(scope.unitName(), relationId, writeDenied);
    }
  }
}
