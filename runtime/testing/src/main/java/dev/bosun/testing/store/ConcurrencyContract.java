package dev.bosun.testing.store;

import static dev.bosun.testing.store.Commits.put;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bosun.runtime.store.KeyValue;
import dev.bosun.runtime.store.Store;
import dev.bosun.runtime.store.Txn;
import dev.bosun.runtime.store.TxnResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Several writers at once — threads sharing a client, and two clients of one store (as two
 * processes sharing a model) — lose no update and take one revision per successful commit; a
 * client's watches and leases see the other client's writes.
 */
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

  @Test
  default void twoClientsOfOneStoreWritingAtOnceLoseNoUpdate() throws Exception {
    Store first = store();
    Optional<Store> second = secondClient();
    assumeTrue(second.isPresent(), "the backend has no second client");
    put(first, "counter", "0");
    int incrementsEach = 40;
    List<Long> revisions = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger next = new AtomicInteger();
    Store[] clients = {first, second.get()};
    runConcurrently(
        4,
        () -> {
          Store client = clients[next.getAndIncrement() % 2];
          for (int i = 0; i < incrementsEach; i++) {
            while (true) {
              KeyValue current = client.get("counter").orElseThrow();
              long value = Long.parseLong(current.valueAsString()) + 1;
              TxnResult result =
                  client.commit(
                      Txn.builder()
                          .ifModRevision("counter", current.modRevision())
                          .put("counter", Long.toString(value))
                          .build());
              if (result.succeeded()) {
                revisions.add(result.revision());
                break;
              }
            }
          }
        });
    int total = 4 * incrementsEach;
    for (Store client : clients) {
      assertThat(client.get("counter").orElseThrow().valueAsString())
          .isEqualTo(Integer.toString(total));
      assertThat(client.revision()).isEqualTo(total + 1);
    }
    assertThat(revisions)
        .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(2, total + 1).boxed().toList());
  }

  @Test
  default void aWatchOnOneClientSeesEveryCommitOfTheOtherInOrder() {
    Store first = store();
    Optional<Store> second = secondClient();
    assumeTrue(second.isPresent(), "the backend has no second client");
    List<String> delivered = Collections.synchronizedList(new ArrayList<>());
    first.watch(
        "k",
        first.revision() + 1,
        (revision, events) -> delivered.add(revision + ": " + events.size() + " changes"));
    List<String> committed = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      long revision = put(second.get(), "k/a", Integer.toString(i), "k/b", Integer.toString(i));
      committed.add(revision + ": 2 changes");
    }
    contractClock()
        .await("the watch sees the other client's commits", () -> delivered.size() >= 20);
    assertThat(delivered).containsExactlyElementsOf(committed);
    assertThat(first.get("k/b").orElseThrow().valueAsString()).isEqualTo("19");
  }

  @Test
  default void aLeaseGrantedByOneClientHoldsTheKeysTheOtherPutsOnIt() {
    Store first = store();
    Optional<Store> second = secondClient();
    assumeTrue(second.isPresent(), "the backend has no second client");
    long lease = first.grantLease(contractClock().timeToLive());
    second.get().commit(Txn.builder().put("leader", "u/0".getBytes(UTF_8), lease).build());
    assertThat(first.get("leader").orElseThrow().lease()).isEqualTo(lease);
    second.get().revokeLease(lease);
    contractClock().await("the key goes with the lease", () -> first.get("leader").isEmpty());
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
