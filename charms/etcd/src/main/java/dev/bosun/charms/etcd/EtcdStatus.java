package dev.bosun.charms.etcd;

/**
 * The exact status messages of the etcd charm; the original charm's words where it had them ({@code
 * Healthy with 3 known peers}, {@code Missing relation to certificate authority.}, {@code Waiting
 * for unit to complete registration.}, {@code UnHealthy with 2 known peers}).
 */
public final class EtcdStatus {
  /** Blocked: the unit has no {@code certificates} relation. */
  public static final String MISSING_CA = "Missing relation to certificate authority.";

  /** Waiting: the unit sent its certificate requests and waits for the signed certificates. */
  public static final String WAITING_FOR_CERTIFICATES =
      "Waiting for the certificate authority to sign this unit's certificates.";

  /** Waiting: a non-leader before the leader chose the initial members. */
  public static final String WAITING_FOR_BOOTSTRAP =
      "Waiting for the leader to bootstrap the cluster.";

  /** Waiting: the unit waits for the leader to add it as a member (one member joins at a time). */
  public static final String WAITING_FOR_REGISTRATION =
      "Waiting for unit to complete registration.";

  /** Waiting: the member was started; the unit's client certificate is still to come. */
  public static final String WAITING_FOR_CLIENT_CERTIFICATE =
      "Started etcd; waiting for the certificate authority to sign the client certificate.";

  /** Waiting: the member runs but does not serve yet (the cluster has no quorum yet). */
  public static final String WAITING_FOR_QUORUM =
      "Waiting for etcd to serve: the cluster has no quorum yet.";

  /**
   * Waiting: a member of the static bootstrap waits for the member that must start first (see
   * {@code EtcdCharm.firstToStart}).
   */
  public static String waitingForFirstMember(String member) {
    return "Waiting for member " + member + " to start first.";
  }

  /** Maintenance: etcd is being restarted (configuration or certificates changed). */
  public static final String RESTARTING = "Restarting etcd with the new configuration.";

  private EtcdStatus() {}

  /**
   * Active: {@code Healthy with N known peers} ({@code peer} for one), N the members in the member
   * list.
   */
  public static String healthy(int members) {
    return "Healthy with " + members + " known " + (members == 1 ? "peer" : "peers");
  }

  /** Blocked: the member runs but reports unhealthy. */
  public static String unhealthy(int members) {
    return "UnHealthy with " + members + " known " + (members == 1 ? "peer" : "peers");
  }

  /**
   * Blocked: etcd exits at start because it cannot listen ({@code error}: etcd's own words, such as
   * {@code listen tcp 10.0.0.2:2380: bind: address already in use}); the supervisor keeps trying.
   */
  public static String cannotListen(String error, String log) {
    return "etcd cannot listen: "
        + error
        + "; stop what holds the address: etcd is restarted until it can listen (log: "
        + log
        + ")";
  }

  /** Blocked: the etcd binary is missing and Bosun may not install it. */
  public static String missingBinary(String installCommand) {
    return "etcd is not installed and Bosun may not install it: run \""
        + installCommand
        + "\" as root, or attach an etcd resource";
  }

  /** Blocked: the options are not valid. */
  public static String invalidConfiguration(InvalidSettingsException e) {
    return e.getMessage();
  }
}
