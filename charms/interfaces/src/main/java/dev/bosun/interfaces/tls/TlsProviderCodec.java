package dev.bosun.interfaces.tls;

import static dev.bosun.interfaces.tls.TlsRequirerCodec.present;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bosun.charm.relation.WireCodec;
import dev.bosun.charm.relation.WireFormatException;
import dev.bosun.interfaces.InvalidInterfaceDataException;
import dev.bosun.interfaces.internal.Json;
import dev.bosun.interfaces.internal.PemText;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Maps {@link TlsProviderData} to a provider unit's databag, including the keys named after the
 * requesting units.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>encoding</th><th>content</th></tr>
 *   <tr><td>{@code ca}</td><td>raw PEM</td><td>CA certificate (required)</td></tr>
 *   <tr><td>{@code chain}</td><td>raw PEM</td><td>chain of trust</td></tr>
 *   <tr><td>{@code <unit_name>.server.cert}</td><td>raw PEM</td>
 *       <td>the unit's top-level server certificate</td></tr>
 *   <tr><td>{@code <unit_name>.processed_requests}</td><td>JSON</td>
 *       <td>{@code {"<cn>": {"cert": "<PEM>"}}}</td></tr>
 *   <tr><td>{@code <unit_name>.processed_client_requests}</td><td>JSON</td><td>same shape</td></tr>
 * </table>
 *
 * <p>{@link #keys()} lists the fixed keys only; the codec also owns every key ending in {@code
 * .server.cert}, {@code .processed_requests} or {@code .processed_client_requests}. Because a plain
 * {@link #encode} cannot know which units' keys to delete, a provider publishes with {@link
 * #encodeReplacing} (or {@link TlsCertificates#publish}), which empties the keys of units that no
 * longer have certificates, and the secret-bearing keys an original provider may have left ({@code
 * client.key}, {@code <unit_name>.server.key}).
 *
 * <p>Decoding ignores the original interface's secret-bearing keys and the {@code key} field inside
 * processed entries: they never reach a record.
 */
public final class TlsProviderCodec implements WireCodec<TlsProviderData> {
  static final String CA = "ca";
  static final String CHAIN = "chain";
  static final String SERVER_CERT_SUFFIX = ".server.cert";
  static final String PROCESSED_SUFFIX = ".processed_requests";
  static final String PROCESSED_CLIENT_SUFFIX = ".processed_client_requests";
  static final String CERT = "cert";

  /** Keys of the original interface that carried private keys; Bosun only ever empties them. */
  static final String LEGACY_CLIENT_KEY = "client.key";

  static final String LEGACY_CLIENT_CERT = "client.cert";
  static final String LEGACY_SERVER_KEY_SUFFIX = ".server.key";

  private static final Set<String> KEYS = Set.of(CA, CHAIN);

  static final TlsProviderCodec INSTANCE = new TlsProviderCodec();

  private TlsProviderCodec() {}

  @Override
  public Class<TlsProviderData> type() {
    return TlsProviderData.class;
  }

  /**
   * Returns the fixed keys, {@code ca} and {@code chain}; the unit-named keys depend on the record.
   */
  @Override
  public Set<String> keys() {
    return KEYS;
  }

  /**
   * Encodes the record: {@code ca}, {@code chain} (empty when absent) and the three keys of every
   * unit in {@link TlsProviderData#issued()} (empty when that unit has none of a kind).
   */
  @Override
  public Map<String, String> encode(TlsProviderData value) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put(CA, value.ca());
    data.put(CHAIN, value.chain().orElse(""));
    value
        .issued()
        .forEach(
            (unit, certificates) -> {
              data.put(unit + SERVER_CERT_SUFFIX, certificates.serverCertificate().orElse(""));
              data.put(unit + PROCESSED_SUFFIX, processedJson(certificates.serverCertificates()));
              data.put(
                  unit + PROCESSED_CLIENT_SUFFIX, processedJson(certificates.clientCertificates()));
            });
    return data;
  }

  /**
   * Encodes the record as {@link #encode} does, plus an empty value (a deletion) for every key of
   * the previous databag that this codec owns and the record no longer has: the keys of units that
   * departed or lost their certificates, and the private-key keys of the original interface.
   *
   * @param value the record to publish
   * @param previous the databag as it is now (this unit's bag on the relation)
   */
  public Map<String, String> encodeReplacing(TlsProviderData value, Map<String, String> previous) {
    Map<String, String> data = encode(value);
    for (String key : previous.keySet()) {
      if (!data.containsKey(key)
          && (owns(key) || isLegacySecret(key) || key.equals(LEGACY_CLIENT_CERT))) {
        data.put(key, "");
      }
    }
    return data;
  }

  /** Whether this codec writes the key (fixed or unit-named). */
  static boolean owns(String key) {
    return KEYS.contains(key) || unitOf(key) != null;
  }

  static boolean isLegacySecret(String key) {
    return key.equals(LEGACY_CLIENT_KEY) || key.endsWith(LEGACY_SERVER_KEY_SUFFIX);
  }

  private static String unitOf(String key) {
    for (String suffix : List.of(SERVER_CERT_SUFFIX, PROCESSED_SUFFIX, PROCESSED_CLIENT_SUFFIX)) {
      if (key.endsWith(suffix) && key.length() > suffix.length()) {
        return key.substring(0, key.length() - suffix.length());
      }
    }
    return null;
  }

  private static String processedJson(Map<String, String> certificates) {
    if (certificates.isEmpty()) {
      return "";
    }
    Map<String, Object> json = new TreeMap<>();
    certificates.forEach((cn, pem) -> json.put(cn, Map.of(CERT, pem)));
    return Json.write(json);
  }

  /**
   * Decodes a provider unit's databag.
   *
   * @return empty when {@code ca} is missing or empty (the CA is not ready)
   * @throws WireFormatException naming the key when a value does not parse or is not valid (a
   *     private key where a certificate belongs is refused, and its content is not repeated)
   */
  @Override
  public Optional<TlsProviderData> decode(Map<String, String> data) {
    String ca = present(data, CA);
    if (ca == null) {
      return Optional.empty();
    }
    Map<String, String> topLevel = new TreeMap<>();
    Map<String, Map<String, String>> server = new TreeMap<>();
    Map<String, Map<String, String>> client = new TreeMap<>();
    for (Map.Entry<String, String> entry : new TreeMap<>(data).entrySet()) {
      String key = entry.getKey();
      String value = entry.getValue();
      String unit = unitOf(key);
      if (unit == null || value == null || value.isEmpty()) {
        continue;
      }
      checked(key, () -> TlsValues.wireUnitName(key, unit));
      if (key.endsWith(SERVER_CERT_SUFFIX)) {
        topLevel.put(unit, checked(key, () -> PemText.requireCertificates(key, value)));
      } else if (key.endsWith(PROCESSED_SUFFIX)) {
        server.put(unit, processed(key, value));
      } else {
        client.put(unit, processed(key, value));
      }
    }
    java.util.Set<String> units = new java.util.TreeSet<>(topLevel.keySet());
    units.addAll(server.keySet());
    units.addAll(client.keySet());
    Map<String, IssuedCertificates> issued = new TreeMap<>();
    for (String unit : units) {
      String key = unit + SERVER_CERT_SUFFIX;
      issued.put(
          unit,
          checked(
              key,
              () ->
                  new IssuedCertificates(
                      Optional.ofNullable(topLevel.get(unit)),
                      server.getOrDefault(unit, Map.of()),
                      client.getOrDefault(unit, Map.of()))));
    }
    Optional<String> chain = Optional.ofNullable(present(data, CHAIN));
    return Optional.of(checked(CA, () -> new TlsProviderData(ca, chain, issued)));
  }

  private static Map<String, String> processed(String key, String value) {
    Map<String, String> certificates = new TreeMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = Json.fields(key, Json.read(key, value));
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode cert = field.getValue().get(CERT);
      if (cert == null || !cert.isTextual() || cert.asText().isEmpty()) {
        throw new WireFormatException(
            key,
            "relation data key \""
                + key
                + "\": the entry for \""
                + field.getKey()
                + "\" must be a JSON object with a \"cert\" string",
            null);
      }
      // The original interface also sent "key" here: it is deliberately never read.
      String cn = field.getKey();
      checked(key, () -> TlsValues.commonName(key, cn));
      certificates.put(
          cn, checked(key, () -> PemText.requireCertificates(key + "[" + cn + "]", cert.asText())));
    }
    return certificates;
  }

  private static <T> T checked(String key, java.util.function.Supplier<T> construct) {
    try {
      return construct.get();
    } catch (InvalidInterfaceDataException e) {
      throw new WireFormatException(key, TlsRequirerCodec.wireMessage(key, e), e);
    }
  }
}
