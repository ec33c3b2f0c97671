package dev.bosun.charm.internal;

import static java.util.Objects.requireNonNull;

import dev.bosun.charm.Ports;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The unit's open ports with the hook's opens and closes buffered; ports are written {@code
 * 2379/tcp}. Validation follows Juju's {@code open-port}: a port in [1, 65535], protocol {@code
 * tcp} or {@code udp} (case-insensitive).
 */
final class BufferedPorts implements Ports {
  private final HookScope scope;
  private final Set<String> committed;
  private Set<String> current;

  BufferedPorts(HookScope scope, Set<String> committed) {
    this.scope = scope;
    this.committed = committed;
  }

  @Override
  public void open(int port) {
    open(port, "tcp");
  }

  @Override
  public void open(int port, String protocol) {
    String key = portKey(port, protocol);
    mutable().add(key);
  }

  @Override
  public void close(int port) {
    close(port, "tcp");
  }

  @Override
  public void close(int port, String protocol) {
    String key = portKey(port, protocol);
    mutable().remove(key);
  }

  @Override
  public Set<String> opened() {
    scope.ensureOpen();
    return Collections.unmodifiableSet(current != null ? current : new TreeSet<>(committed));
  }

  /** Returns the ports the hook opened that were not open. */
  Set<String> openedChanges() {
    if (current == null) {
      return Set.of();
    }
    Set<String> opened = new TreeSet<>(current);
    opened.removeAll(committed);
    return Collections.unmodifiableSet(opened);
  }

  /** Returns the ports the hook closed that were open. */
  Set<String> closedChanges() {
    if (current == null) {
      return Set.of();
    }
    Set<String> closed = new TreeSet<>(committed);
    closed.removeAll(current);
    return Collections.unmodifiableSet(closed);
  }

  private Set<String> mutable() {
    if (current == null) {
      current = new TreeSet<>(committed);
    }
    return current;
  }

  private String portKey(int port, String protocol) {
    requireNonNull(protocol, "protocol");
    scope.ensureOpen();
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(
          "port must be in the range [1, 65535]; got \"" + port + "\"");
    }
    String normalized = protocol.toLowerCase(Locale.ROOT);
    if (!normalized.equals("tcp") && !normalized.equals("udp")) {
      throw new IllegalArgumentException(
          "protocol must be \"tcp\" or \"udp\"; got \"" + protocol + "\"");
    }
    return port + "/" + normalized;
  }
}
