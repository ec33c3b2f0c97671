package dev.bosun.runtime.store;

/** Thrown when a lease expired, was revoked or never existed. */
public class LeaseNotFoundException extends StoreException {
  private static final long serialVersionUID = 1L;

  private final long leaseId;

  /** Creates the exception. */
  public LeaseNotFoundException(long leaseId) {
    super("lease " + leaseId + " not found: it expired, was revoked or never existed");
    this.leaseId = leaseId;
  }

  /** Returns the lease id. */
  public long leaseId() {
    return leaseId;
  }
}
