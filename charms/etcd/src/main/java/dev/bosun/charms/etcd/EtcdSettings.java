package dev.bosun.charms.etcd;

import dev.bosun.charm.CharmConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The charm's options, checked together: the values etcd is started with.
 *
 * @param port the client port ({@code port})
 * @param managementPort the peer port ({@code management_port})
 * @param heartbeatIntervalMillis {@code heartbeat_interval}
 * @param electionTimeoutMillis {@code election_timeout}
 * @param snapshotCount {@code snapshot_count}, {@code auto} resolved to 100000
 * @param cipherSuites {@code tls_cipher_suites}, empty resolved to {@link #DEFAULT_CIPHER_SUITES}
 * @param bindToAllInterfaces {@code bind_to_all_interfaces}
 * @param insecureHttp {@code bind_with_insecure_http}
 */
public record EtcdSettings(
    int port,
    int managementPort,
    int heartbeatIntervalMillis,
    int electionTimeoutMillis,
    long snapshotCount,
    List<String> cipherSuites,
    boolean bindToAllInterfaces,
    boolean insecureHttp) {

  /**
   * What {@code snapshot_count: auto} means (the original charm's value for etcd 3.2 and later).
   */
  public static final long AUTO_SNAPSHOT_COUNT = 100_000;

  /** The port of {@code bind_with_insecure_http} (the original charm's). */
  public static final int INSECURE_HTTP_PORT = 4001;

  /**
   * The cipher suites used when {@code tls_cipher_suites} is empty: Mozilla's intermediate list of
   * ECDHE suites with AES-GCM or ChaCha20-Poly1305, as the original charm defaults to.
   */
  public static final List<String> DEFAULT_CIPHER_SUITES =
      List.of(
          "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
          "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
          "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305",
          "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305");

  /** The cipher suite names etcd 3.4 accepts (Go's crypto/tls names). */
  static final Set<String> KNOWN_CIPHER_SUITES =
      Set.of(
          "TLS_RSA_WITH_RC4_128_SHA",
          "TLS_RSA_WITH_3DES_EDE_CBC_SHA",
          "TLS_RSA_WITH_AES_128_CBC_SHA",
          "TLS_RSA_WITH_AES_256_CBC_SHA",
          "TLS_RSA_WITH_AES_128_CBC_SHA256",
          "TLS_RSA_WITH_AES_128_GCM_SHA256",
          "TLS_RSA_WITH_AES_256_GCM_SHA384",
          "TLS_ECDHE_ECDSA_WITH_RC4_128_SHA",
          "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
          "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
          "TLS_ECDHE_RSA_WITH_RC4_128_SHA",
          "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA",
          "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
          "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
          "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
          "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
          "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
          "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
          "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305",
          "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305");

  /** Copies the cipher suites. */
  public EtcdSettings {
    cipherSuites = List.copyOf(cipherSuites);
  }

  /**
   * Reads and checks the options.
   *
   * @throws InvalidSettingsException with every problem when an option is not valid
   */
  public static EtcdSettings fromConfig(CharmConfig config) {
    return of(
        config.integer("port"),
        config.integer("management_port"),
        config.integer("heartbeat_interval"),
        config.integer("election_timeout"),
        config.string("snapshot_count"),
        config.string("tls_cipher_suites"),
        config.bool("bind_to_all_interfaces"),
        config.bool("bind_with_insecure_http"));
  }

  /**
   * Checks option values as given.
   *
   * @throws InvalidSettingsException with every problem when a value is not valid
   */
  public static EtcdSettings of(
      long port,
      long managementPort,
      long heartbeat,
      long election,
      String snapshotCount,
      String cipherSuites,
      boolean bindToAllInterfaces,
      boolean insecureHttp) {
    List<String> problems = new ArrayList<>();
    checkPort(problems, "port", port);
    checkPort(problems, "management_port", managementPort);
    if (port == managementPort) {
      problems.add("option \"port\" and \"management_port\" must differ, both are " + port);
    }
    if (insecureHttp && (port == INSECURE_HTTP_PORT || managementPort == INSECURE_HTTP_PORT)) {
      problems.add(
          "bind_with_insecure_http listens on port "
              + INSECURE_HTTP_PORT
              + ", which \"port\" or \"management_port\" already uses");
    }
    if (heartbeat < 1 || heartbeat > 10_000) {
      problems.add("option \"heartbeat_interval\" must be 1..10000 ms, not " + heartbeat);
    }
    if (election < 1 || election > 50_000) {
      problems.add("option \"election_timeout\" must be 1..50000 ms, not " + election);
    } else if (heartbeat >= 1 && election < 5 * heartbeat) {
      problems.add(
          "option \"election_timeout\" ("
              + election
              + " ms) must be at least 5 times \"heartbeat_interval\" ("
              + heartbeat
              + " ms), as etcd requires");
    }
    long snapshots = AUTO_SNAPSHOT_COUNT;
    String count = snapshotCount == null ? "" : snapshotCount.strip();
    if (!count.equals("auto")) {
      try {
        snapshots = Long.parseLong(count);
        if (snapshots < 1) {
          problems.add(
              "option \"snapshot_count\" must be \"auto\" or a positive number, not " + count);
        }
      } catch (NumberFormatException e) {
        problems.add(
            "option \"snapshot_count\" must be \"auto\" or a positive number, not \""
                + count
                + "\"");
      }
    }
    List<String> suites = new ArrayList<>();
    String suiteText = cipherSuites == null ? "" : cipherSuites.strip();
    if (suiteText.isEmpty()) {
      suites.addAll(DEFAULT_CIPHER_SUITES);
    } else {
      for (String suite : Arrays.asList(suiteText.split(","))) {
        String name = suite.strip();
        if (name.isEmpty()) {
          continue;
        }
        if (!KNOWN_CIPHER_SUITES.contains(name)) {
          problems.add(
              "option \"tls_cipher_suites\": \""
                  + name
                  + "\" is not a cipher suite etcd knows, such as"
                  + " TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
        } else if (!suites.contains(name)) {
          suites.add(name);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidSettingsException(problems);
    }
    return new EtcdSettings(
        (int) port,
        (int) managementPort,
        (int) heartbeat,
        (int) election,
        snapshots,
        suites,
        bindToAllInterfaces,
        insecureHttp);
  }

  private static void checkPort(List<String> problems, String option, long value) {
    if (value < 1 || value > 65535) {
      problems.add("option \"" + option + "\" must be a port 1..65535, not " + value);
    }
  }
}
