package dev.bosun.charm;

import java.util.Set;

/**
 * The ports the unit opens on its machine (Juju's {@code open-port}/{@code close-port}). Changes
 * take effect when the hook commits; they are shown in status.
 */
public interface Ports {

  /** Opens a TCP port; throws as {@link #open(int, String)} does. */
  void open(int port);

  /**
   * Opens a port with a protocol: {@code tcp} or {@code udp}, in any case.
   *
   * @throws IllegalArgumentException for a port outside [1, 65535] or another protocol, with Juju's
   *     message
   */
  void open(int port, String protocol);

  /** Closes a TCP port. */
  void close(int port);

  /** Closes a port with a protocol; throws as {@link #open(int, String)} does. */
  void close(int port, String protocol);

  /** Returns the open ports as {@code 2379/tcp}, including this hook's pending changes. */
  Set<String> opened();
}
