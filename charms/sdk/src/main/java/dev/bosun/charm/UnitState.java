package dev.bosun.charm;

import java.util.Map;
import java.util.Optional;

/**
 * The unit's persistent key-value state (Juju's {@code state-get}, {@code state-set}, {@code
 * state-delete}): survives restarts, is committed with the hook and discarded if it fails. Keys are
 * at most 256 bytes and values at most 65,536 bytes in UTF-8.
 */
public interface UnitState {

  /** Returns the value of a key. */
  Optional<String> get(String key);

  /**
   * Sets a key (an empty value is stored as such, as {@code state-set k=} does).
   *
   * @throws IllegalArgumentException when the key is empty, or the key or value is too long ({@code
   *     max allowed key length (256) exceeded}, {@code max allowed value length (65536) exceeded})
   */
  void set(String key, String value);

  /** Deletes a key; deleting an absent key does nothing. */
  void delete(String key);

  /** Returns every key and value, including the hook's pending changes. */
  Map<String, String> asMap();
}
