package dev.bosun.charm.relation;

import java.util.Map;

/**
 * Maps a record to the string databag on the wire and back, validating both ways.
 *
 * <p>{@link #of(Class)} maps a Java record by its components: each component is one key, named by
 * {@link Wire#value()} or else by the component name. {@code String} components are written raw;
 * numbers and booleans as their text; lists, maps and nested records as JSON (or raw with {@link
 * Wire#json()} {@code = false} for strings). A component of type {@code Optional<T>} may be absent;
 * every other component is required.
 *
 * @param <T> the record type
 */
public interface WireCodec<T> {

  /** Returns a codec for a record type. */
  static <T extends Record> WireCodec<T> of(Class<T> type) {
    return dev.bosun.charm.internal.RecordWireCodec.of(type);
  }

  /** Returns the record's type. */
  Class<T> type();

  /** Returns the databag keys this codec writes and reads. */
  java.util.Set<String> keys();

  /**
   * Encodes a record as databag entries (absent optionals are written as deletions, that is, empty
   * values).
   */
  Map<String, String> encode(T value);

  /**
   * Decodes a databag.
   *
   * @return the record; empty when a required key is missing (the other side has not published yet)
   * @throws WireFormatException when a present value does not parse, naming the key and the
   *     expected type
   */
  java.util.Optional<T> decode(Map<String, String> data);
}
