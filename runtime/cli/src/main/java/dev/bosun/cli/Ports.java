package dev.bosun.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Open ports as {@code juju status} groups them: {@code 80,443/tcp 53/udp}. */
final class Ports {
  private Ports() {}

  static String group(List<String> ports) {
    Map<String, List<String>> byProtocol = new LinkedHashMap<>();
    for (String port : ports) {
      int slash = port.indexOf('/');
      String protocol = slash < 0 ? "tcp" : port.substring(slash + 1);
      String number = slash < 0 ? port : port.substring(0, slash);
      byProtocol.computeIfAbsent(protocol, p -> new ArrayList<>()).add(number);
    }
    List<String> groups = new ArrayList<>();
    byProtocol.forEach(
        (protocol, numbers) -> groups.add(String.join(",", numbers) + "/" + protocol));
    return String.join(" ", groups);
  }
}
