package dev.bosun.model.charm;

import static java.util.Objects.requireNonNull;

/**
 * A storage a charm declares in {@code metadata.yaml}.
 *
 * @param name the storage name
 * @param type {@code block} or {@code filesystem}
 * @param description what the storage is for, or an empty string
 * @param shared whether units share it
 * @param readOnly whether it is mounted read-only
 * @param countMin the minimum number of instances (from {@code multiple.range}; 1 by default)
 * @param countMax the maximum number of instances; -1 means unbounded
 * @param minimumSizeMib the minimum size in MiB, 0 when not given
 * @param location where a filesystem is mounted, or null
 */
public record StorageMeta(
    String name,
    String type,
    String description,
    boolean shared,
    boolean readOnly,
    int countMin,
    int countMax,
    long minimumSizeMib,
    String location) {

  /** Checks the components. */
  public StorageMeta {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    requireNonNull(description, "description");
  }
}
