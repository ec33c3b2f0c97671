package dev.bosun.interfaces.etcd;

import dev.bosun.interfaces.InvalidInterfaceDataException;
import java.net.URI;
import java.net.URISyntaxException;

/** Checks of the values the etcd records carry. */
final class EtcdValues {
  private EtcdValues() {}

  /** Checks an etcd URL: {@code http} or {@code https}, a host, a port, nothing else. */
  static String url(String field, String value) {
    if (value == null || value.isEmpty()) {
      throw new InvalidInterfaceDataException(field, "a URL must not be empty");
    }
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw notAnEtcdUrl(field, value);
    }
    boolean schemeOk = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
    boolean pathOk = uri.getRawPath() == null || uri.getRawPath().isEmpty();
    if (!schemeOk
        || uri.getHost() == null
        || uri.getPort() < 0
        || !pathOk
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null
        || uri.getRawUserInfo() != null) {
      throw notAnEtcdUrl(field, value);
    }
    return value;
  }

  private static InvalidInterfaceDataException notAnEtcdUrl(String field, String value) {
    return new InvalidInterfaceDataException(
        field,
        "\""
            + value
            + "\" is not an etcd URL such as \"https://10.0.0.1:2379\" or"
            + " \"https://[fd00::1]:2379\" (scheme http or https, host, port, no path)");
  }

  /** Checks a host name or address: not empty, no spaces, commas, slashes or brackets. */
  static String address(String field, String value) {
    if (value == null || value.isEmpty() || !value.matches("[A-Za-z0-9.:%_-]+")) {
      throw new InvalidInterfaceDataException(
          field, "\"" + value + "\" is not a host name or IP address");
    }
    return value;
  }

  /**
   * Checks an etcd member name: used in {@code --initial-cluster name=url,...}, so no {@code =},
   * {@code ,} or spaces.
   */
  static String memberName(String field, String value) {
    if (value == null || !value.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new InvalidInterfaceDataException(
          field,
          "\""
              + value
              + "\" is not an etcd member name (letters, digits, '.', '_' and '-', such as"
              + " \"etcd0\")");
    }
    return value;
  }
}
