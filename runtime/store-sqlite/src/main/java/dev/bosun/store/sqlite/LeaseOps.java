package dev.bosun.store.sqlite;

import dev.bosun.runtime.store.LeaseNotFoundException;
import java.sql.SQLException;

/** The lease operations a group commit runs. */
final class LeaseOps {
  private LeaseOps() {}

  /** Grants a lease; the result is its id. */
  static final class Grant extends WriteOp<Long> {
    private final long ttlMillis;

    Grant(long ttlMillis) {
      this.ttlMillis = ttlMillis;
    }

    @Override
    Long apply(WriteTransaction batch) throws SQLException {
      return batch.grantLease(ttlMillis);
    }
  }

  /**
   * Restarts a lease's time to live. Fails with {@link LeaseNotFoundException} when the lease does
   * not exist or its deadline has passed (the reaper deletes it).
   */
  static final class KeepAlive extends WriteOp<Void> {
    private final long lease;

    KeepAlive(long lease) {
      this.lease = lease;
    }

    @Override
    Void apply(WriteTransaction batch) throws SQLException {
      if (!batch.leaseIsAlive(lease)) {
        throw new LeaseNotFoundException(lease);
      }
      batch.renewLease(lease);
      return null;
    }
  }

  /** Revokes a lease, deleting its keys at one new revision; an unknown lease is ignored. */
  static final class Revoke extends WriteOp<Void> {
    private final long lease;

    Revoke(long lease) {
      this.lease = lease;
    }

    @Override
    Void apply(WriteTransaction batch) throws SQLException {
      if (batch.deadline(lease) != Queries.NO_DEADLINE) {
        batch.endLease(lease);
      }
      return null;
    }
  }

  /**
   * Ends every lease whose deadline has passed, each deleting its keys at a revision of its own;
   * the result is the earliest deadline left, or {@link Queries#NO_DEADLINE}.
   */
  static final class Reap extends WriteOp<Long> {
    @Override
    Long apply(WriteTransaction batch) throws SQLException {
      for (long lease : batch.expiredLeases()) {
        batch.endLease(lease);
      }
      return batch.earliestDeadline();
    }
  }
}
