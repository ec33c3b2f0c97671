package dev.bosun.runtime.store;

import java.util.List;

/**
 * The keys under a prefix as of one revision.
 *
 * @param entries the keys and values, sorted by key
 * @param revision the store's revision the range was read at
 */
public record Range(List<KeyValue> entries, long revision) {

  /** Copies the entries. */
  public Range {
    entries = List.copyOf(entries);
  }
}
