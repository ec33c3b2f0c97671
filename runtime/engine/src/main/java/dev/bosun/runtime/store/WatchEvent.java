package dev.bosun.runtime.store;

import static java.util.Objects.requireNonNull;

/**
 * One change a watch delivers.
 *
 * @param type put or delete
 * @param key the key
 * @param value the new value for a put; an empty array for a delete
 * @param revision the revision of the change
 */
public record WatchEvent(Type type, String key, byte[] value, long revision) {

  /** What happened to the key. */
  public enum Type {
    /** The key was created or modified. */
    PUT,
    /** The key was deleted, or its lease expired or was revoked. */
    DELETE
  }

  /** Checks the components. */
  public WatchEvent {
    requireNonNull(type, "type");
    requireNonNull(key, "key");
    requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return type + " " + key + "@" + revision;
  }
}
