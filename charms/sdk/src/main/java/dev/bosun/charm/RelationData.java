package dev.bosun.charm;

import java.util.Map;
import java.util.Optional;

/**
 * A relation databag: string keys to string values. Reads see the hook's pending writes; writes are
 * committed with the hook. Setting a key to an empty string deletes it, as {@code relation-set k=}
 * does.
 */
public interface RelationData {

  /**
   * Returns a value.
   *
   * @throws RelationDataAccessException when this unit may not read this bag
   */
  Optional<String> get(String key);

  /**
   * Returns every key and value.
   *
   * @throws RelationDataAccessException when this unit may not read this bag
   */
  Map<String, String> asMap();

  /**
   * Sets a value; an empty value deletes the key.
   *
   * @throws RelationDataAccessException when this unit may not write this bag
   */
  void put(String key, String value);

  /** Puts every entry; throws as {@link #put} does. */
  void putAll(Map<String, String> values);

  /** Deletes a key; throws as {@link #put} does. */
  void remove(String key);

  /** Whether this unit may write this bag. */
  boolean isWritable();
}
