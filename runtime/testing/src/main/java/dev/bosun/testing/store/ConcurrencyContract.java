package dev.bosun.testing.store;

import static dev.bosun.testing.store.Commits.put;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bosun.runtime.store.KeyValue;
import dev.bosun.runtime.store.Store;
import dev.bosun.runtime.store.Txn;
import dev.bosun.runtime.store.TxnResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Several threads writing at once: no lost update, one revision per successful commit. */
public interface ConcurrencyContract extends StoreFixture {

  @Test
  default void concurrentCompareAndSetIncrementsLoseNoUpdate() throws Exception {
    Store store = store();
    put(store, "counter", "0");
    int threads = 4;
    int incrementsEach = 50;
    List<Long> revisions = Collections.synchronizedList(new ArrayList<>());
    runConcurrently(
        threads,
        () -> {
          for (int i = 0; i < incrementsEach; i++) {
            while (true) {
              KeyValue current = store.get("counter").orElseThrow();
              long next = Long.parseLong(current.valueAsString()) + 1;
              TxnResult result =
                  store.commit(
                      Txn.builder()
                          .ifModRevision("counter", current.modRevision())
                          .put("counter", Long.toString(next))
                          .build());
              if (result.succeeded()) {
                revisions.add(result.revision());
                break;
              }
            }
          }
        });
    int total = threads * incrementsEach;
    KeyValue counter = store.get("counter").orElseThrow();
    assertThat(counter.valueAsString()).isEqualTo(Integer.toString(total));
    assertThat(counter.version()).isEqualTo(total + 1);
    assertThat(store.revision()).isEqualTo(total + 1);
    assertThat(revisions)
        .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(2, total + 1).boxed().toList());
  }

  @Test
  default void concurrentWritersOfDifferentKeysAllLandAtDistinctRevisions() throws Exception {
    Store store = store();
    int threads = 8;
    int commitsEach = 25;
    List<Long> revisions = Collections.synchronizedList(new ArrayList<>());
    runConcurrently(
        threads,
        () -> {
          String thread = Thread.currentThread().getName();
          for (int i = 0; i < commitsEach; i++) {
            String key = "w/" + thread + "/" + i;
            revisions.add(
                store.commit(Txn.builder().ifAbsent(key).put(key, "x").build()).revision());
          }
        });
    int total = threads * commitsEach;
    assertThat(store.range("w/").entries()).hasSize(total);
    assertThat(revisions)
        .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
  }

  private static void runConcurrently(int threads, Runnable work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<CompletableFuture<Void>> all = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        all.add(CompletableFuture.runAsync(work, pool));
      }
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get();
    } finally {
      pool.shutdownNow();
    }
  }
}
