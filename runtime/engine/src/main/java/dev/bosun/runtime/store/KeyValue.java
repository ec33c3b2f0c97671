package dev.bosun.runtime.store;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;

/**
 * A key's value with its revisions.
 *
 * @param key the key
 * @param value the value; must not be modified
 * @param createRevision the revision that created the key (since it was last absent)
 * @param modRevision the revision that last modified it
 * @param version how many times it was put since it was created (1 after the first put)
 * @param lease the lease the key is attached to, or 0
 */
public record KeyValue(
    String key, byte[] value, long createRevision, long modRevision, long version, long lease) {

  /** Checks the components. */
  public KeyValue {
    requireNonNull(key, "key");
    requireNonNull(value, "value");
  }

  /** Returns the value decoded as UTF-8. */
  public String valueAsString() {
    return new String(value, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof KeyValue kv
        && key.equals(kv.key)
        && java.util.Arrays.equals(value, kv.value)
        && createRevision == kv.createRevision
        && modRevision == kv.modRevision
        && version == kv.version
        && lease == kv.lease;
  }

  @Override
  public int hashCode() {
    return key.hashCode() * 31 + Long.hashCode(modRevision);
  }

  @Override
  public String toString() {
    return key + "@" + modRevision + "=" + valueAsString();
  }
}
