package dev.bosun.interfaces.etcd;

/** Builds the URLs etcd advertises, bracketing IPv6 addresses as URLs require. */
public final class EtcdUrls {
  private EtcdUrls() {}

  /**
   * Returns {@code https://<address>:<port>}, with an IPv6 address in brackets ({@code
   * https://[fd00::1]:2379}).
   *
   * @throws IllegalArgumentException when the port is outside 1..65535 or the address is empty
   */
  public static String https(String address, int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is outside 1..65535");
    }
    if (address == null || address.isEmpty()) {
      throw new IllegalArgumentException("the address must not be empty");
    }
    String host =
        address.indexOf(':') >= 0 && !address.startsWith("[") ? "[" + address + "]" : address;
    return "https://" + host + ":" + port;
  }
}
