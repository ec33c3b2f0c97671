package dev.bosun.charm.internal;

import static java.util.Objects.requireNonNull;

import dev.bosun.charm.UnitState;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The unit's persistent state with the hook's writes buffered on top, and Juju's limits ({@code
 * core/quota}: keys up to 256 bytes, values up to 64 KiB, in UTF-8).
 */
final class BufferedUnitState implements UnitState {
  /** Juju's {@code quota.MaxCharmStateKeySize}. */
  static final int MAX_KEY_BYTES = 256;

  /** Juju's {@code quota.MaxCharmStateValueSize}. */
  static final int MAX_VALUE_BYTES = 64 * 1024;

  private final HookScope scope;
  private final Map<String, String> committed;
  private final Map<String, String> pending = new LinkedHashMap<>();

  BufferedUnitState(HookScope scope, Map<String, String> committed) {
    this.scope = scope;
    this.committed = committed;
  }

  @Override
  public Optional<String> get(String key) {
    requireNonNull(key, "key");
    scope.ensureOpen();
    if (pending.containsKey(key)) {
      return Optional.ofNullable(pending.get(key));
    }
    return Optional.ofNullable(committed.get(key));
  }

  @Override
  public void set(String key, String value) {
    requireNonNull(key, "key");
    requireNonNull(value, "value (use delete(key) to delete a key)");
    scope.ensureOpen();
    if (key.isEmpty()) {
      throw new IllegalArgumentException("state keys must not be empty");
    }
    int keyBytes = utf8Length(key, MAX_KEY_BYTES);
    if (keyBytes > MAX_KEY_BYTES) {
      throw new IllegalArgumentException(
          "cannot set state key \""
              + abbreviate(key)
              + "\": max allowed key length ("
              + MAX_KEY_BYTES
              + ") exceeded");
    }
    int valueBytes = utf8Length(value, MAX_VALUE_BYTES);
    if (valueBytes > MAX_VALUE_BYTES) {
      throw new IllegalArgumentException(
          "cannot set state key \""
              + abbreviate(key)
              + "\": max allowed value length ("
              + MAX_VALUE_BYTES
              + ") exceeded");
    }
    pending.put(key, value);
  }

  @Override
  public void delete(String key) {
    requireNonNull(key, "key");
    scope.ensureOpen();
    pending.put(key, null);
  }

  @Override
  public Map<String, String> asMap() {
    scope.ensureOpen();
    Map<String, String> merged = new TreeMap<>(committed);
    pending.forEach(
        (key, value) -> {
          if (value == null) {
            merged.remove(key);
          } else {
            merged.put(key, value);
          }
        });
    return Collections.unmodifiableMap(merged);
  }

  /** Returns the changes against the committed state: values, and null for deleted keys. */
  Map<String, String> changes() {
    if (pending.isEmpty()) {
      return Map.of();
    }
    Map<String, String> changes = new LinkedHashMap<>();
    pending.forEach(
        (key, value) -> {
          String before = committed.get(key);
          if (value == null) {
            if (before != null) {
              changes.put(key, null);
            }
          } else if (!value.equals(before)) {
            changes.put(key, value);
          }
        });
    return changes.isEmpty() ? Map.of() : Collections.unmodifiableMap(changes);
  }

  /**
   * Returns the UTF-8 length of a string, stopping early once it is past {@code limit} (a value can
   * be far larger than the limit).
   */
  static int utf8Length(CharSequence text, int limit) {
    int bytes = 0;
    for (int i = 0; i < text.length() && bytes <= limit; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  private static String abbreviate(String key) {
    return key.length() <= 40 ? key : key.substring(0, 40) + "...";
  }
}
