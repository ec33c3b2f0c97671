package dev.bosun.charms.etcd;

import static java.util.Objects.requireNonNull;

import dev.bosun.interfaces.etcd.EtcdUrls;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of one etcd member: what the original charm put in {@code etcd.conf.yml}, as
 * flags. TLS with client-certificate authentication on client and peer links, the v2 API off, logs
 * to standard error (the service's log file). {@code strict-reconfig-check} is off: the charm's
 * leader makes the same quorum checks itself without etcd's 5 s wait after each change.
 *
 * @param binary the etcd program
 * @param memberName the member name, {@code etcd0}
 * @param dataDirectory the data directory (absolute)
 * @param address the machine's address: where the member listens and what it advertises
 * @param tls the certificate files
 * @param initialCluster {@code --initial-cluster}: {@code etcd0=https://...:2380,...}
 * @param existing whether the member joins an existing cluster ({@code --initial-cluster-state
 *     existing}) rather than bootstrapping a new one
 * @param token {@code --initial-cluster-token}
 */
public record EtcdFlags(
    String binary,
    String memberName,
    String dataDirectory,
    String address,
    TlsFiles tls,
    String initialCluster,
    boolean existing,
    String token) {

  /**
   * The certificate files of a member.
   *
   * @param ca the CA certificate
   * @param certificate the member's certificate (server and client authentication)
   * @param key the member's private key (mode 0600)
   */
  public record TlsFiles(String ca, String certificate, String key) {
    /** Checks the components. */
    public TlsFiles {
      requireNonNull(ca, "ca");
      requireNonNull(certificate, "certificate");
      requireNonNull(key, "key");
    }
  }

  /** Checks the components. */
  public EtcdFlags {
    requireNonNull(binary, "binary");
    requireNonNull(memberName, "memberName");
    requireNonNull(dataDirectory, "dataDirectory");
    requireNonNull(address, "address");
    requireNonNull(tls, "tls");
    requireNonNull(initialCluster, "initialCluster");
    requireNonNull(token, "token");
  }

  /** Returns the client URL the member advertises: {@code https://<address>:<port>}. */
  public static String clientUrl(String address, EtcdSettings settings) {
    return EtcdUrls.https(address, settings.port());
  }

  /** Returns the peer URL the member advertises: {@code https://<address>:<management port>}. */
  public static String peerUrl(String address, EtcdSettings settings) {
    return EtcdUrls.https(address, settings.managementPort());
  }

  /**
   * Returns the command: the binary and its flags, in a fixed order (the same inputs give the same
   * command, so an unchanged member is not restarted).
   *
   * <p>Each unit listens on its machine's own address only, also with {@code
   * bind_to_all_interfaces}: on the local substrate every machine is a loopback address of one
   * host, and {@code 0.0.0.0} would make the second member's bind fail. {@code
   * bind_with_insecure_http} adds {@code http://<address>:4001} for the same reason (the original
   * used {@code 127.0.0.1:4001}).
   */
  public List<String> command(EtcdSettings settings) {
    String clientUrl = clientUrl(address, settings);
    String peerUrl = peerUrl(address, settings);
    String listenClient = clientUrl;
    if (settings.insecureHttp()) {
      listenClient +=
          "," + EtcdUrls.https(address, EtcdSettings.INSECURE_HTTP_PORT).replace("https", "http");
    }
    List<String> command = new ArrayList<>();
    command.add(binary);
    add(command, "--name", memberName);
    add(command, "--data-dir", dataDirectory);
    add(command, "--listen-client-urls", listenClient);
    add(command, "--advertise-client-urls", clientUrl);
    add(command, "--listen-peer-urls", peerUrl);
    add(command, "--initial-advertise-peer-urls", peerUrl);
    add(command, "--initial-cluster", initialCluster);
    add(command, "--initial-cluster-state", existing ? "existing" : "new");
    add(command, "--initial-cluster-token", token);
    add(command, "--cert-file", tls.certificate());
    add(command, "--key-file", tls.key());
    add(command, "--trusted-ca-file", tls.ca());
    command.add("--client-cert-auth=true");
    add(command, "--peer-cert-file", tls.certificate());
    add(command, "--peer-key-file", tls.key());
    add(command, "--peer-trusted-ca-file", tls.ca());
    command.add("--peer-client-cert-auth=true");
    add(command, "--cipher-suites", String.join(",", settings.cipherSuites()));
    add(command, "--heartbeat-interval", Integer.toString(settings.heartbeatIntervalMillis()));
    add(command, "--election-timeout", Integer.toString(settings.electionTimeoutMillis()));
    add(command, "--snapshot-count", Long.toString(settings.snapshotCount()));
    // The leader checks quorum itself before every membership change (MembershipPlan.keepsQuorum,
    // every member healthy before a join); etcd's own check waits 5 s after each change.
    command.add("--strict-reconfig-check=false");
    command.add("--enable-v2=false");
    add(command, "--max-snapshots", "5");
    add(command, "--max-wals", "5");
    add(command, "--logger", "zap");
    add(command, "--log-outputs", "stderr");
    return List.copyOf(command);
  }

  private static void add(List<String> command, String flag, String value) {
    command.add(flag);
    command.add(value);
  }
}
