package dev.bosun.interfaces.tls;

import static java.util.Objects.requireNonNull;

import dev.bosun.interfaces.InvalidInterfaceDataException;
import java.util.Comparator;

/**
 * Identifies one certificate request across a relation: the requesting unit (wire form, {@code
 * etcd_0}), the slot and the common name. A requester may ask for a server and a client certificate
 * with the same common name; they are different requests.
 *
 * @param unitName the requesting unit in wire form ({@code etcd_0})
 * @param type the slot the request came from
 * @param commonName the requested common name
 */
public record RequestKey(String unitName, CertificateType type, String commonName)
    implements Comparable<RequestKey> {

  private static final Comparator<RequestKey> ORDER =
      Comparator.comparing(RequestKey::unitName, dev.bosun.interfaces.internal.UnitNames.ORDER)
          .thenComparing(RequestKey::type)
          .thenComparing(RequestKey::commonName);

  /**
   * Checks the components.
   *
   * @throws InvalidInterfaceDataException when the unit name or common name is not valid
   */
  public RequestKey {
    TlsValues.wireUnitName("unitName", unitName);
    requireNonNull(type, "type");
    TlsValues.commonName("commonName", commonName);
  }

  /**
   * Returns a stable text form, {@code <unit>/<type id>/<common name>} (for example {@code
   * etcd_0/server/10.0.0.1}), for keeping a record of issued certificates; {@link #parse} reads it
   * back.
   */
  public String id() {
    return unitName + "/" + type.id() + "/" + commonName;
  }

  /**
   * Reads an {@link #id()}.
   *
   * @throws InvalidInterfaceDataException when the text is not an id
   */
  public static RequestKey parse(String id) {
    int first = id.indexOf('/');
    int second = first < 0 ? -1 : id.indexOf('/', first + 1);
    if (second < 0) {
      throw new InvalidInterfaceDataException(
          "id", "\"" + id + "\" is not a request id (<unit>/<type>/<common name>)");
    }
    CertificateType type;
    try {
      type = CertificateType.ofId(id.substring(first + 1, second));
    } catch (IllegalArgumentException e) {
      throw new InvalidInterfaceDataException("id", e.getMessage());
    }
    return new RequestKey(id.substring(0, first), type, id.substring(second + 1));
  }

  /** Orders by unit (by unit number), then type, then common name. */
  @Override
  public int compareTo(RequestKey other) {
    return ORDER.compare(this, other);
  }
}
