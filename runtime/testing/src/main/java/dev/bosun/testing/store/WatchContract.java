package dev.bosun.testing.store;

import static dev.bosun.testing.store.Commits.delete;
import static dev.bosun.testing.store.Commits.put;
import static dev.bosun.testing.store.Commits.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bosun.runtime.store.CompactedException;
import dev.bosun.runtime.store.KeyValue;
import dev.bosun.runtime.store.Store;
import dev.bosun.runtime.store.Txn;
import dev.bosun.runtime.store.Watch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Watches: commit order, one batch per revision, prefix filtering, replay from a past revision,
 * changes from now on, cancelling, compaction, and listeners called outside transactions.
 */
public interface WatchContract extends StoreFixture {

  @Test
  default void aWatchDeliversEveryChangeInCommitOrderOneBatchPerRevision() {
    Store store = store();
    EventRecorder events = new EventRecorder();
    store.watch("", 1, events);
    put(store, "b", "1", "a", "1");
    put(store, "a", "2");
    store.commit(Txn.builder().put("c", "3").delete("b").build());
    delete(store, "a");
    events.awaitRevision(4, contractClock().awaitTimeout());
    assertThat(events.lines())
        .containsExactly(
            "1 PUT a=1", "1 PUT b=1", "2 PUT a=2", "3 DELETE b", "3 PUT c=3", "4 DELETE a");
    assertThat(events.revisions()).containsExactly(1L, 2L, 3L, 4L);
    assertThat(events.breaches()).isEmpty();
  }

  @Test
  default void aWatchDeliversOnlyTheKeysUnderItsPrefix() {
    Store store = store();
    EventRecorder events = new EventRecorder();
    store.watch("u/", 1, events);
    put(store, "u/a", "1", "x", "1");
    put(store, "x", "2");
    put(store, "u", "3", "u0", "3");
    put(store, "u/b", "4", "v/u/c", "4");
    events.awaitRevision(4, contractClock().awaitTimeout());
    assertThat(events.lines()).containsExactly("1 PUT u/a=1", "4 PUT u/b=4");
    assertThat(events.revisions()).containsExactly(1L, 4L);
    assertThat(events.breaches()).isEmpty();
  }

  @Test
  default void aWatchFromAPastRevisionReplaysTheHistoryThenContinues() {
    Store store = store();
    put(store, "k", "1");
    put(store, "k", "2");
    put(store, "other", "x");
    put(store, "k", "3");
    EventRecorder events = new EventRecorder();
    store.watch("k", 2, events);
    put(store, "k", "5");
    events.awaitRevision(5, contractClock().awaitTimeout());
    assertThat(events.lines()).containsExactly("2 PUT k=2", "4 PUT k=3", "5 PUT k=5");
    assertThat(events.breaches()).isEmpty();
  }

  @Test
  default void aWatchFromTheNextRevisionDeliversOnlyLaterChanges() {
    Store store = store();
    put(store, "k", "1");
    put(store, "k", "2");
    EventRecorder events = new EventRecorder();
    store.watch("k", store.revision() + 1, events);
    put(store, "k", "3");
    events.awaitRevision(3, contractClock().awaitTimeout());
    assertThat(events.lines()).containsExactly("3 PUT k=3");
  }

  @Test
  default void severalWatchesEachReceiveEveryMatchingChange() {
    Store store = store();
    EventRecorder all = new EventRecorder();
    EventRecorder units = new EventRecorder();
    store.watch("", 1, all);
    store.watch("unit/", 1, units);
    put(store, "unit/a", "1", "app/a", "1");
    put(store, "app/a", "2");
    put(store, "unit/a", "3");
    all.awaitRevision(3, contractClock().awaitTimeout());
    units.awaitRevision(3, contractClock().awaitTimeout());
    assertThat(all.revisions()).containsExactly(1L, 2L, 3L);
    assertThat(units.lines()).containsExactly("1 PUT unit/a=1", "3 PUT unit/a=3");
  }

  @Test
  default void aCancelledWatchReceivesNothingMore() {
    Store store = store();
    EventRecorder cancelled = new EventRecorder();
    EventRecorder witness = new EventRecorder();
    Watch watch = store.watch("", 1, cancelled);
    store.watch("", 1, witness);
    put(store, "a", "1");
    cancelled.awaitRevision(1, contractClock().awaitTimeout());
    watch.cancel();
    watch.cancel();
    put(store, "a", "2");
    put(store, "a", "3");
    witness.awaitRevision(3, contractClock().awaitTimeout());
    assertThat(cancelled.revisions()).containsExactly(1L);
  }

  @Test
  default void aWatchFromACompactedRevisionFailsAndTheOldestRevisionCanBeWatched() {
    Store store = storeWithHistoryLimit(3);
    for (int i = 1; i <= 10; i++) {
      put(store, "k", Integer.toString(i));
    }
    assertThatThrownBy(() -> store.watch("k", 1, (revision, events) -> {}))
        .isInstanceOf(CompactedException.class)
        .hasMessageContaining("required revision 1 has been compacted")
        .satisfies(
            e -> {
              CompactedException compacted = (CompactedException) e;
              assertThat(compacted.requestedRevision()).isEqualTo(1);
              assertThat(compacted.oldestRevision()).isBetween(2L, 8L);
            });
    long oldest = catchOldestRevision(store);
    EventRecorder fromOldest = new EventRecorder();
    store.watch("k", oldest, fromOldest);
    EventRecorder lastThree = new EventRecorder();
    store.watch("k", 8, lastThree);
    fromOldest.awaitRevision(10, contractClock().awaitTimeout());
    lastThree.awaitRevision(10, contractClock().awaitTimeout());
    assertThat(fromOldest.revisions())
        .containsExactlyElementsOf(LongStream.rangeClosed(oldest, 10).boxed().toList());
    assertThat(lastThree.lines()).containsExactly("8 PUT k=8", "9 PUT k=9", "10 PUT k=10");
  }

  @Test
  default void aWatchMustStartAtRevisionOneOrLater() {
    Store store = store();
    assertThatThrownBy(() -> store.watch("", 0, (revision, events) -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * A listener is never called inside a transaction: while it runs, another thread reads the
   * batch's writes and commits without waiting for the listener.
   */
  @Test
  default void listenersAreCalledAfterTheTransactionWithTheStoreFree() throws Exception {
    Store store = store();
    ExecutorService other = Executors.newSingleThreadExecutor();
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    try {
      store.watch(
          "k/",
          1,
          (revision, events) -> {
            try {
              KeyValue read =
                  CompletableFuture.supplyAsync(() -> store.get("k/a").orElseThrow(), other)
                      .get(contractClock().awaitTimeout().toMillis(), TimeUnit.MILLISECONDS);
              boolean wrote =
                  CompletableFuture.supplyAsync(
                          () ->
                              store
                                  .commit(Txn.builder().put("side/" + revision, "x").build())
                                  .succeeded(),
                          other)
                      .get(contractClock().awaitTimeout().toMillis(), TimeUnit.MILLISECONDS);
              seen.add(revision + " read k/a@" + read.modRevision() + " wrote " + wrote);
            } catch (Exception e) {
              seen.add(revision + " " + e);
            }
          });
      put(store, "k/a", "1", "k/b", "1");
      contractClock().await("the listener runs", () -> !seen.isEmpty());
      assertThat(seen).containsExactly("1 read k/a@1 wrote true");
      assertThat(value(store, "side/1")).isEqualTo("x");
    } finally {
      other.shutdownNow();
    }
  }

  @Test
  default void aListenerMayCommitOnItsOwnThread() {
    Store store = store();
    store.watch(
        "ping/",
        1,
        (revision, events) -> {
          for (var event : events) {
            String pong = "pong/" + event.key().substring("ping/".length());
            store.commit(Txn.builder().ifAbsent(pong).put(pong, "ok").build());
          }
        });
    put(store, "ping/1", "x");
    put(store, "ping/2", "x");
    contractClock()
        .await("the listener answers both pings", () -> store.range("pong/").entries().size() == 2);
    assertThat(store.range("pong/").entries())
        .extracting(KeyValue::key)
        .containsExactly("pong/1", "pong/2");
  }

  @Test
  default void batchesOfOneWatchAreDeliveredOneAtATimeInRevisionOrder() throws Exception {
    Store store = store();
    EventRecorder events = new EventRecorder();
    store.watch("", 1, events);
    int threads = 4;
    int commitsEach = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<CompletableFuture<Void>> writers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String key = "w/" + t;
        writers.add(
            CompletableFuture.runAsync(
                () -> {
                  for (int i = 0; i < commitsEach; i++) {
                    put(store, key, Integer.toString(i));
                  }
                },
                pool));
      }
      CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get();
    } finally {
      pool.shutdownNow();
    }
    long last = threads * commitsEach;
    events.awaitRevision(last, contractClock().awaitTimeout());
    assertThat(events.breaches()).isEmpty();
    assertThat(events.revisions())
        .containsExactlyElementsOf(LongStream.rangeClosed(1, last).boxed().toList());
  }

  private static long catchOldestRevision(Store store) {
    try {
      store.watch("k", 1, (revision, events) -> {});
    } catch (CompactedException e) {
      return e.oldestRevision();
    }
    throw new AssertionError("a watch from a compacted revision did not fail");
  }
}
