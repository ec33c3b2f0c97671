package dev.bosun.runtime.substrate.local;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A tiny service for tests: listens on {@code <address> <port>} and answers every connection with
 * the address it listens on and a newline.
 */
public final class PortHolder {
  private PortHolder() {}

  /** Runs the service. */
  public static void main(String[] args) throws IOException {
    try (ServerSocket server = new ServerSocket()) {
      server.bind(new InetSocketAddress(InetAddress.getByName(args[0]), Integer.parseInt(args[1])));
      while (true) {
        try (Socket client = server.accept();
            OutputStream out = client.getOutputStream()) {
          out.write((args[0] + "\n").getBytes(StandardCharsets.US_ASCII));
        }
      }
    }
  }
}
