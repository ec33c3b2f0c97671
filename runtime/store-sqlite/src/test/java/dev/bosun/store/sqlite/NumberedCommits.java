package dev.bosun.store.sqlite;

import dev.bosun.runtime.store.KeyValue;
import dev.bosun.runtime.store.Txn;
import dev.bosun.runtime.store.TxnResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The child process of {@link SqliteStoreKillIT}: commits numbered transactions on a store file as
 * fast as it can, forever, printing {@code ack <number> <revision>} for each one {@code commit}
 * acknowledged. Transaction {@code n} sets {@code seq} to {@code n} (if it is still at the revision
 * of {@code n - 1}), sets every {@code agree/*} key to the same value, and adds {@code log/<n>}.
 */
final class NumberedCommits {
  /** How many keys each transaction sets to the same value. */
  static final int AGREEING_KEYS = 4;

  private NumberedCommits() {}

  /** Builds transaction {@code n}, which expects {@code seq} at {@code seqRevision}. */
  static Txn txn(long n, long seqRevision) {
    Txn.Builder txn = Txn.builder().ifModRevision("seq", seqRevision).put("seq", Long.toString(n));
    String document = document(n);
    for (int k = 0; k < AGREEING_KEYS; k++) {
      txn.put("agree/" + k, document);
    }
    return txn.put(logKey(n), Long.toString(n)).build();
  }

  /** The value every {@code agree/*} key holds after transaction {@code n}: ~200 bytes of JSON. */
  static String document(long n) {
    return "{\"txn\":"
        + n
        + ",\"unit\":\"etcd/0\",\"status\":\"active\",\"message\":\"ready\","
        + "\"workload-version\":\"3.5.21\",\"addresses\":[\"127.77.0.1\"],"
        + "\"relations\":{\"cluster\":[\"etcd/1\",\"etcd/2\"]},\"padding\":\"................\"}";
  }

  static String logKey(long n) {
    return String.format("log/%09d", n);
  }

  /** Commits until killed. Arguments: the store file. */
  public static void main(String[] args) {
    PrintStream out = System.out;
    SqliteStore store = SqliteStore.open(Path.of(args[0]));
    Optional<KeyValue> seq = store.get("seq");
    long last = seq.map(kv -> Long.parseLong(kv.valueAsString())).orElse(0L);
    long seqRevision = seq.map(KeyValue::modRevision).orElse(0L);
    out.println("ready " + last);
    out.flush();
    while (true) {
      long n = last + 1;
      TxnResult result = store.commit(txn(n, seqRevision));
      if (!result.succeeded()) {
        System.err.println("transaction " + n + " lost its comparison: someone else wrote seq");
        System.exit(3);
      }
      out.println("ack " + n + " " + result.revision());
      out.flush();
      last = n;
      seqRevision = result.revision();
    }
  }
}
