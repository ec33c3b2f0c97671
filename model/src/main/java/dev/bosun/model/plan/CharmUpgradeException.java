package dev.bosun.model.plan;

import dev.bosun.model.internal.plan.GoStrings;

/**
 * Thrown when an existing application would need a charm upgrade Juju refuses: across channels,
 * from an unknown channel (both allowed with {@link PlanOptions#force()}), or to an older revision.
 */
public final class CharmUpgradeException extends PlanException {
  private static final long serialVersionUID = 1L;

  /** Why the upgrade is refused. */
  public enum Reason {
    /** The requested channel differs from the deployed one. */
    CHANNEL_CHANGE,
    /** The deployed application's channel is not known. */
    UNKNOWN_CHANNEL,
    /** The requested revision is older than the deployed one. */
    DOWNGRADE
  }

  private final String application;
  private final Reason reason;
  private final String existingChannel;
  private final String requestedChannel;
  private final int existingRevision;
  private final int requestedRevision;

  private CharmUpgradeException(
      String message,
      String application,
      Reason reason,
      String existingChannel,
      String requestedChannel,
      int existingRevision,
      int requestedRevision) {
    super(message);
    this.application = application;
    this.reason = reason;
    this.existingChannel = existingChannel;
    this.requestedChannel = requestedChannel;
    this.existingRevision = existingRevision;
    this.requestedRevision = requestedRevision;
  }

  /**
   * {@code application "etcd": upgrades not supported across channels (existing: "stable",
   * requested: "edge"); use --force to override}; {@code resolved} instead of {@code requested}
   * when the bundle names no channel.
   */
  public static CharmUpgradeException acrossChannels(
      String application, String existing, String requested, boolean requestedExplicitly) {
    return new CharmUpgradeException(
        "application "
            + GoStrings.quote(application)
            + ": upgrades not supported across channels (existing: "
            + GoStrings.quote(existing)
            + ", "
            + (requestedExplicitly ? "requested" : "resolved")
            + ": "
            + GoStrings.quote(requested)
            + "); use --force to override",
        application,
        Reason.CHANNEL_CHANGE,
        existing,
        requested,
        -1,
        -1);
  }

  /**
   * {@code upgrades not supported when the channel for "etcd" is unknown; use --force to override}.
   */
  public static CharmUpgradeException unknownChannel(String application, String requested) {
    return new CharmUpgradeException(
        "upgrades not supported when the channel for "
            + GoStrings.quote(application)
            + " is unknown; use --force to override",
        application,
        Reason.UNKNOWN_CHANNEL,
        "",
        requested,
        -1,
        -1);
  }

  /**
   * {@code application "etcd": downgrades are not currently supported: deployed revision 7 is newer
   * than requested revision 5}.
   */
  public static CharmUpgradeException downgrade(String application, int existing, int requested) {
    return new CharmUpgradeException(
        "application "
            + GoStrings.quote(application)
            + ": downgrades are not currently supported: deployed revision "
            + existing
            + " is newer than requested revision "
            + requested,
        application,
        Reason.DOWNGRADE,
        null,
        null,
        existing,
        requested);
  }

  /** Returns the application whose upgrade is refused. */
  public String application() {
    return application;
  }

  /** Returns why the upgrade is refused. */
  public Reason reason() {
    return reason;
  }

  /** Returns the deployed channel, for channel refusals; else null. */
  public String existingChannel() {
    return existingChannel;
  }

  /** Returns the requested (or resolved) channel, for channel refusals; else null. */
  public String requestedChannel() {
    return requestedChannel;
  }

  /** Returns the deployed revision, for a downgrade; else -1. */
  public int existingRevision() {
    return existingRevision;
  }

  /** Returns the requested revision, for a downgrade; else -1. */
  public int requestedRevision() {
    return requestedRevision;
  }
}
