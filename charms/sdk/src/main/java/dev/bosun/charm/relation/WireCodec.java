package dev.bosun.charm.relation;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps a record to the string databag on the wire and back, validating both ways.
 *
 * <p>{@link #of(Class)} maps a Java record by its components, one key each, named by {@link
 * Wire#value()} or else by the component name. One rule decides the text of a value:
 *
 * <ul>
 *   <li>{@code String} components, and enums (by constant name), are written raw; {@link
 *       Wire#json()} {@code = true} JSON-encodes them instead ({@code "flannel"});
 *   <li>every other type is written as JSON with Jackson: numbers and booleans as their plain text
 *       ({@code 2379}, {@code true}), {@code List}, {@code Set} (sorted when its elements are
 *       comparable), {@code Map} (entries sorted by key) and nested records as JSON arrays and
 *       objects. Reading a boolean also accepts Python's {@code True} and {@code False}.
 * </ul>
 *
 * <p>Supported component types: {@code String}, enums, {@code boolean}, {@code int}, {@code long},
 * {@code float}, {@code double} (and their boxes), {@code BigInteger}, {@code BigDecimal}, {@code
 * List}, {@code Set}, {@code Map} and records, each also as {@code Optional<T>}. An {@code
 * Optional} component may be absent: {@code Optional.empty()} is written as a deletion (an empty
 * value, as {@code relation-set k=}); so is {@code Optional.of("")} of a raw string, which reads
 * back as empty. Every other component is required: encoding a null, or an empty raw string (which
 * Juju would take as a deletion), is an error. Inside JSON values Jackson's default mapping applies
 * (nested records by component name; no {@code Optional} there).
 *
 * <pre>{@code
 * public record EtcdConnection(
 *     @Wire("connection_string") String connectionString,
 *     @Wire("client_ca") String clientCa,
 *     Optional<String> version) {}
 *
 * WireCodec<EtcdConnection> codec = WireCodec.of(EtcdConnection.class);
 * codec.decode(Map.of("connection_string", "https://10.0.0.1:2379", "client_ca", pem));
 * // Optional[EtcdConnection[connectionString=https://10.0.0.1:2379, clientCa=..., version=Optional.empty]]
 * }</pre>
 *
 * @param <T> the record type
 */
public interface WireCodec<T> {

  /**
   * Returns the codec for a record type; codecs are cached per class.
   *
   * @throws IllegalArgumentException when the type is not a record, two components map to one key,
   *     or a component's type is not supported, naming the component
   */
  static <T extends Record> WireCodec<T> of(Class<T> type) {
    return dev.bosun.charm.internal.RecordWireCodec.of(type);
  }

  /** Returns the record's type. */
  Class<T> type();

  /** Returns the databag keys this codec writes and reads, in component order. */
  Set<String> keys();

  /**
   * Encodes a record as databag entries, one per key (absent optionals are written as deletions,
   * that is, empty values).
   *
   * @throws IllegalArgumentException when a required component is null or an empty raw string
   */
  Map<String, String> encode(T value);

  /**
   * Decodes a databag; keys the codec does not know are ignored.
   *
   * @return the record; empty when a required key is missing or empty (the other side has not
   *     published yet)
   * @throws WireFormatException when a present value does not parse, naming the key and the
   *     expected type, or when the record's constructor rejects the values
   */
  Optional<T> decode(Map<String, String> data);
}
