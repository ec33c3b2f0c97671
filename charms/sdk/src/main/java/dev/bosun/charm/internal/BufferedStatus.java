package dev.bosun.charm.internal;

import static java.util.Objects.requireNonNull;

import dev.bosun.charm.Status;
import dev.bosun.charm.StatusControl;

/** The unit's and application's workload status, with the hook's changes buffered. */
final class BufferedStatus implements StatusControl {
  private final HookScope scope;
  private final Status committed;
  private final boolean leader;
  private Status unit;
  private Status application;

  BufferedStatus(HookScope scope, Status committed, boolean leader) {
    this.scope = scope;
    this.committed = committed;
    this.leader = leader;
  }

  @Override
  public Status unit() {
    scope.ensureOpen();
    return unit != null ? unit : committed;
  }

  @Override
  public void unit(Status status) {
    requireNonNull(status, "status");
    scope.ensureOpen();
    checkSettable(status);
    unit = status;
  }

  @Override
  public void application(Status status) {
    requireNonNull(status, "status");
    scope.ensureOpen();
    checkSettable(status);
    if (!leader) {
      throw new IllegalStateException("this unit is not the leader");
    }
    application = status;
  }

  /** Returns the new unit status, or null when the hook set none or set the committed one. */
  Status unitChange() {
    return unit == null || unit.equals(committed) ? null : unit;
  }

  /** Returns the application status the leader set, or null. */
  Status applicationChange() {
    return application;
  }

  /** Juju's {@code status-set}: {@code invalid status "error", expected one of [...]}. */
  private static void checkSettable(Status status) {
    if (!status.state().isSettableByCharm()) {
      throw new IllegalArgumentException(
          "invalid status \""
              + status.state()
              + "\", expected one of [maintenance blocked waiting active]");
    }
  }
}
