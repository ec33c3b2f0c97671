package dev.bosun.testing.store;

import static dev.bosun.testing.store.Commits.delete;
import static dev.bosun.testing.store.Commits.put;
import static dev.bosun.testing.store.Commits.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bosun.runtime.store.KeyValue;
import dev.bosun.runtime.store.Store;
import dev.bosun.runtime.store.Txn;
import dev.bosun.runtime.store.TxnResult;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Transactions: all or nothing, compares on modification revisions, one revision per commit. */
public interface TransactionContract extends StoreFixture {

  @Test
  default void everyWriteOfATransactionCarriesOneNewRevision() {
    Store store = store();
    put(store, "gone", "x", "kept", "y");
    TxnResult result =
        store.commit(Txn.builder().put("a", "1").put("kept", "z").delete("gone").build());
    assertThat(result).isEqualTo(new TxnResult(true, 2));
    assertThat(store.revision()).isEqualTo(2);
    assertThat(store.get("a").orElseThrow().modRevision()).isEqualTo(2);
    assertThat(store.get("kept").orElseThrow().modRevision()).isEqualTo(2);
    assertThat(store.get("kept").orElseThrow().createRevision()).isEqualTo(1);
    assertThat(store.get("gone")).isEmpty();
  }

  @Test
  default void aFailedComparisonAppliesNothingAndTakesNoRevision() {
    Store store = store();
    put(store, "a", "1");
    put(store, "b", "2");
    TxnResult result =
        store.commit(
            Txn.builder()
                .ifModRevision("a", 1)
                .ifModRevision("b", 1)
                .put("a", "changed")
                .put("c", "new")
                .delete("b")
                .build());
    assertThat(result).isEqualTo(new TxnResult(false, 2));
    assertThat(store.revision()).isEqualTo(2);
    assertThat(value(store, "a")).isEqualTo("1");
    assertThat(value(store, "b")).isEqualTo("2");
    assertThat(store.get("c")).isEmpty();
    assertThat(store.get("a").orElseThrow().version()).isEqualTo(1);
  }

  @Test
  default void comparesHoldOnlyForTheCurrentModificationRevision() {
    Store store = store();
    put(store, "a", "1");
    assertThat(store.commit(Txn.builder().ifModRevision("a", 1).put("a", "2").build()))
        .isEqualTo(new TxnResult(true, 2));
    assertThat(store.commit(Txn.builder().ifModRevision("a", 1).put("a", "3").build()))
        .isEqualTo(new TxnResult(false, 2));
    assertThat(store.commit(Txn.builder().ifModRevision("a", 2).put("a", "4").build()))
        .isEqualTo(new TxnResult(true, 3));
    assertThat(value(store, "a")).isEqualTo("4");
  }

  @Test
  default void aComparisonWithZeroHoldsOnlyForAnAbsentKey() {
    Store store = store();
    assertThat(store.commit(Txn.builder().ifAbsent("a").put("a", "1").build()).succeeded())
        .isTrue();
    assertThat(store.commit(Txn.builder().ifAbsent("a").put("a", "2").build()).succeeded())
        .isFalse();
    assertThat(store.commit(Txn.builder().ifModRevision("never", 1).put("x", "1").build()))
        .isEqualTo(new TxnResult(false, 1));
    delete(store, "a");
    assertThat(store.commit(Txn.builder().ifAbsent("a").put("a", "3").build()).succeeded())
        .isTrue();
    assertThat(value(store, "a")).isEqualTo("3");
    assertThat(store.get("x")).isEmpty();
  }

  @Test
  default void aTransactionOfOnlyComparisonsReportsThemWithoutANewRevision() {
    Store store = store();
    put(store, "a", "1");
    assertThat(store.commit(Txn.builder().ifModRevision("a", 1).ifAbsent("b").build()))
        .isEqualTo(new TxnResult(true, 1));
    assertThat(store.commit(Txn.builder().ifAbsent("a").build()))
        .isEqualTo(new TxnResult(false, 1));
    assertThat(store.commit(Txn.builder().build())).isEqualTo(new TxnResult(true, 1));
    assertThat(store.revision()).isEqualTo(1);
  }

  @Test
  default void theResultCarriesTheRevisionOfTheWrites() {
    Store store = store();
    put(store, "a", "1");
    put(store, "b", "1");
    TxnResult result = store.commit(Txn.builder().ifModRevision("a", 1).put("c", "1").build());
    assertThat(result.succeeded()).isTrue();
    assertThat(result.revision())
        .isEqualTo(store.get("c").map(KeyValue::modRevision).orElseThrow())
        .isEqualTo(store.revision())
        .isEqualTo(3);
  }

  @Test
  default void aKeyWrittenTwiceIsRejectedBeforeItReachesTheStore() {
    Store store = store();
    assertThatThrownBy(() -> Txn.builder().put("a", "1").put("a", "2").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("written twice");
    assertThatThrownBy(() -> Txn.builder().put("a", "1").delete("a").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("written twice");
    assertThatThrownBy(() -> Txn.builder().delete("a").delete("a").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("written twice");
    assertThat(store.revision()).isZero();
  }

  @Test
  default void queuedTransactionsTakeEffectInQueueOrder() {
    Store store = store();
    long start = put(store, "seq", "0");
    int count = 20;
    List<Store.PendingCommit> pending = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      // Each one holds only if every one queued before it was applied, in order.
      pending.add(
          store.queue(
              Txn.builder()
                  .ifModRevision("seq", start + i - 1)
                  .put("seq", Integer.toString(i))
                  .put("log/" + i, "x")
                  .build()));
    }
    List<Long> revisions = new ArrayList<>();
    for (Store.PendingCommit each : pending) {
      TxnResult result = each.await();
      assertThat(result.succeeded()).as("queued transaction %s", revisions.size() + 1).isTrue();
      revisions.add(result.revision());
    }
    assertThat(revisions)
        .containsExactlyElementsOf(
            LongStream.rangeClosed(start + 1, start + count).boxed().toList());
    assertThat(value(store, "seq")).isEqualTo(Integer.toString(count));
    assertThat(store.range("log/").entries()).hasSize(count);
  }

  @Test
  default void aQueuedTransactionWhoseComparisonFailsAppliesNothing() {
    Store store = store();
    put(store, "a", "1");
    Store.PendingCommit stale =
        store.queue(Txn.builder().ifModRevision("a", 0).put("a", "2").put("b", "2").build());
    TxnResult result = stale.await();
    assertThat(result.succeeded()).isFalse();
    assertThat(result.revision()).isEqualTo(1);
    assertThat(value(store, "a")).isEqualTo("1");
    assertThat(store.get("b")).isEmpty();
  }
}
