package dev.bosun.store.sqlite;

import dev.bosun.runtime.store.LeaseNotFoundException;
import dev.bosun.runtime.store.Txn;
import dev.bosun.runtime.store.TxnResult;
import java.sql.SQLException;

/**
 * A {@link Txn}: its comparisons are evaluated against the state left by the operations before it
 * in the batch; if they hold and its leases are alive, its writes take the next revision.
 */
final class CommitOp extends WriteOp<TxnResult> {
  private final Txn txn;

  CommitOp(Txn txn) {
    this.txn = txn;
  }

  @Override
  TxnResult apply(WriteTransaction batch) throws SQLException {
    for (Txn.Compare compare : txn.compares()) {
      if (batch.modRevision(Keys.encode(compare.key())) != compare.modRevision()) {
        return new TxnResult(false, batch.revision());
      }
    }
    if (txn.isReadOnly()) {
      return new TxnResult(true, batch.revision());
    }
    for (Txn.Put put : txn.puts()) {
      if (put.lease() != 0 && !batch.leaseIsAlive(put.lease())) {
        throw new LeaseNotFoundException(put.lease());
      }
    }
    long at = batch.revision() + 1;
    boolean changed = !txn.puts().isEmpty();
    for (Txn.Put put : txn.puts()) {
      batch.put(Keys.encode(put.key()), put.value(), put.lease(), at);
    }
    for (String key : txn.deletes()) {
      changed |= batch.delete(Keys.encode(key), at);
    }
    if (!changed) {
      return new TxnResult(true, batch.revision());
    }
    batch.advanceTo(at);
    return new TxnResult(true, at);
  }
}
