package dev.bosun.interfaces.tls;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bosun.charm.relation.WireCodec;
import dev.bosun.charm.relation.WireFormatException;
import dev.bosun.interfaces.InvalidInterfaceDataException;
import dev.bosun.interfaces.internal.Json;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Maps {@link TlsRequirerData} to a requirer unit's databag.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>encoding</th><th>content</th></tr>
 *   <tr><td>{@code unit_name}</td><td>raw</td><td>{@code etcd_0} (required)</td></tr>
 *   <tr><td>{@code common_name}</td><td>raw</td><td>top-level request's CN</td></tr>
 *   <tr><td>{@code sans}</td><td>JSON list</td><td>top-level request's SANs</td></tr>
 *   <tr><td>{@code certificate_name}</td><td>raw</td><td>top-level request's name</td></tr>
 *   <tr><td>{@code csr}</td><td>raw PEM</td><td>top-level request's CSR (Bosun)</td></tr>
 *   <tr><td>{@code cert_requests}</td><td>JSON</td>
 *       <td>{@code {"<cn>": {"sans": [...], "csr": "<PEM>"}}}</td></tr>
 *   <tr><td>{@code client_cert_requests}</td><td>JSON</td><td>same shape</td></tr>
 * </table>
 *
 * <p>Absent parts are written as empty values (deletions). Decoding needs {@code unit_name}; a
 * request without a CSR (as an original, pre-Bosun requirer sends) is a {@link WireFormatException}
 * whose message says that Bosun signs CSRs only.
 */
public final class TlsRequirerCodec implements WireCodec<TlsRequirerData> {
  static final String UNIT_NAME = "unit_name";
  static final String COMMON_NAME = "common_name";
  static final String SANS = "sans";
  static final String CERTIFICATE_NAME = "certificate_name";
  static final String CSR = "csr";
  static final String CERT_REQUESTS = "cert_requests";
  static final String CLIENT_CERT_REQUESTS = "client_cert_requests";

  private static final Set<String> KEYS =
      java.util.Collections.unmodifiableSet(
          new LinkedHashSet<>(
              List.of(
                  UNIT_NAME,
                  COMMON_NAME,
                  SANS,
                  CERTIFICATE_NAME,
                  CSR,
                  CERT_REQUESTS,
                  CLIENT_CERT_REQUESTS)));

  static final TlsRequirerCodec INSTANCE = new TlsRequirerCodec();

  private TlsRequirerCodec() {}

  @Override
  public Class<TlsRequirerData> type() {
    return TlsRequirerData.class;
  }

  /** Returns every key this codec writes, in wire-table order. */
  @Override
  public Set<String> keys() {
    return KEYS;
  }

  /** Encodes the record; every key is written, absent parts as empty values. */
  @Override
  public Map<String, String> encode(TlsRequirerData value) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put(UNIT_NAME, value.unitName());
    Optional<TopLevelRequest> top = value.topLevel();
    data.put(COMMON_NAME, top.map(TopLevelRequest::commonName).orElse(""));
    data.put(SANS, top.map(t -> Json.write(t.sans())).orElse(""));
    data.put(CERTIFICATE_NAME, top.flatMap(TopLevelRequest::certificateName).orElse(""));
    data.put(CSR, top.map(TopLevelRequest::csr).orElse(""));
    data.put(CERT_REQUESTS, requestsJson(value.serverRequests()));
    data.put(CLIENT_CERT_REQUESTS, requestsJson(value.clientRequests()));
    return data;
  }

  private static String requestsJson(Map<String, CertificateRequestEntry> requests) {
    if (requests.isEmpty()) {
      return "";
    }
    Map<String, Object> json = new TreeMap<>();
    requests.forEach(
        (cn, entry) -> {
          Map<String, Object> fields = new TreeMap<>();
          fields.put(SANS, entry.sans());
          fields.put(CSR, entry.csr());
          json.put(cn, fields);
        });
    return Json.write(json);
  }

  /**
   * Decodes a requirer unit's databag.
   *
   * @return empty when {@code unit_name} is missing or empty (the unit has not published yet)
   * @throws WireFormatException naming the key when a value does not parse or is not valid,
   *     including a request without a CSR
   */
  @Override
  public Optional<TlsRequirerData> decode(Map<String, String> data) {
    String unitName = present(data, UNIT_NAME);
    if (unitName == null) {
      return Optional.empty();
    }
    checked(UNIT_NAME, () -> TlsValues.wireUnitName(UNIT_NAME, unitName));
    Optional<TopLevelRequest> topLevel = Optional.empty();
    String commonName = present(data, COMMON_NAME);
    if (commonName != null) {
      String csr = present(data, CSR);
      if (csr == null) {
        throw missingCsr(CSR, "the top-level request for common name \"" + commonName + "\"");
      }
      String sansText = present(data, SANS);
      List<String> sans =
          sansText == null ? List.of() : Json.stringList(SANS, Json.read(SANS, sansText));
      Optional<String> certificateName = Optional.ofNullable(present(data, CERTIFICATE_NAME));
      topLevel =
          Optional.of(
              checked(
                  COMMON_NAME, () -> new TopLevelRequest(commonName, sans, certificateName, csr)));
    }
    Map<String, CertificateRequestEntry> server = requests(data, CERT_REQUESTS);
    Map<String, CertificateRequestEntry> client = requests(data, CLIENT_CERT_REQUESTS);
    Optional<TopLevelRequest> top = topLevel;
    return Optional.of(
        checked(UNIT_NAME, () -> new TlsRequirerData(unitName, top, server, client)));
  }

  private static Map<String, CertificateRequestEntry> requests(
      Map<String, String> data, String key) {
    String text = present(data, key);
    Map<String, CertificateRequestEntry> requests = new TreeMap<>();
    if (text == null) {
      return requests;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = Json.fields(key, Json.read(key, text));
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String cn = field.getKey();
      JsonNode entry = field.getValue();
      if (!entry.isObject()) {
        throw new WireFormatException(
            key,
            "relation data key \""
                + key
                + "\": the request for \""
                + cn
                + "\" must be a JSON object",
            null);
      }
      JsonNode csr = entry.get(CSR);
      if (csr == null || csr.isNull() || (csr.isTextual() && csr.asText().isEmpty())) {
        throw missingCsr(key, "the request for common name \"" + cn + "\"");
      }
      if (!csr.isTextual()) {
        throw new WireFormatException(
            key,
            "relation data key \"" + key + "\": \"csr\" of \"" + cn + "\" must be a JSON string",
            null);
      }
      List<String> sans = Json.stringList(key, entry.get(SANS));
      requests.put(cn, checked(key, () -> new CertificateRequestEntry(sans, csr.asText())));
    }
    return requests;
  }

  private static WireFormatException missingCsr(String key, String what) {
    return new WireFormatException(
        key,
        "relation data key \""
            + key
            + "\": "
            + what
            + " has no \"csr\". Bosun's tls-certificates provider signs certificate signing"
            + " requests only and never generates or sends private keys: the requirer must"
            + " generate its own key and send a PEM CSR (see docs/interfaces.md)",
        null);
  }

  static String wireMessage(String key, InvalidInterfaceDataException e) {
    return "relation data key \""
        + key
        + "\": "
        + (e.field().equals(key) ? "" : e.field() + ": ")
        + e.problem();
  }

  static String present(Map<String, String> data, String key) {
    String value = data.get(key);
    return value == null || value.isEmpty() ? null : value;
  }

  static <T> T checked(String key, java.util.function.Supplier<T> construct) {
    try {
      return construct.get();
    } catch (InvalidInterfaceDataException e) {
      String where = KEYS.contains(e.field()) ? e.field() : key;
      throw new WireFormatException(where, wireMessage(where, e), e);
    }
  }
}
