package dev.bosun.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bosun.runtime.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryStoreTest {
  private final ManualClock clock = new ManualClock();
  private final InMemoryStore store = new InMemoryStore(clock);

  @Test
  void anEmptyStoreIsAtRevisionZero() {
    assertThat(store.revision()).isZero();
    assertThat(store.get("a")).isEmpty();
    assertThat(store.range("").entries()).isEmpty();
  }

  @Test
  void aTransactionAppliesAllItsWritesAtOneNewRevision() {
    TxnResult result =
        store.commit(Txn.builder().put("a/1", "one").put("a/2", "two").put("b", "x").build());
    assertThat(result.succeeded()).isTrue();
    assertThat(result.revision()).isEqualTo(1);
    KeyValue one = store.get("a/1").orElseThrow();
    assertThat(one.valueAsString()).isEqualTo("one");
    assertThat(one.createRevision()).isEqualTo(1);
    assertThat(one.modRevision()).isEqualTo(1);
    assertThat(one.version()).isEqualTo(1);

    store.commit(Txn.builder().put("a/1", "uno").delete("b").build());
    KeyValue updated = store.get("a/1").orElseThrow();
    assertThat(updated.createRevision()).isEqualTo(1);
    assertThat(updated.modRevision()).isEqualTo(2);
    assertThat(updated.version()).isEqualTo(2);
    assertThat(store.get("b")).isEmpty();
    assertThat(store.revision()).isEqualTo(2);
  }

  @Test
  void rangeReturnsKeysUnderThePrefixSortedWithTheRevision() {
    store.commit(Txn.builder().put("u/b", "2").put("u/a", "1").put("v", "3").build());
    Range range = store.range("u/");
    assertThat(range.entries()).extracting(KeyValue::key).containsExactly("u/a", "u/b");
    assertThat(range.revision()).isEqualTo(1);
  }

  @Test
  void aFailedComparisonAppliesNothing() {
    store.commit(Txn.builder().put("a", "1").build());
    TxnResult stale =
        store.commit(Txn.builder().ifModRevision("a", 7).put("a", "2").put("c", "3").build());
    assertThat(stale.succeeded()).isFalse();
    assertThat(stale.revision()).isEqualTo(1);
    assertThat(store.get("a").orElseThrow().valueAsString()).isEqualTo("1");
    assertThat(store.get("c")).isEmpty();
    assertThat(store.revision()).isEqualTo(1);
  }

  @Test
  void comparesOnModificationRevisionAndAbsence() {
    assertThat(store.commit(Txn.builder().ifAbsent("a").put("a", "1").build()).succeeded())
        .isTrue();
    assertThat(store.commit(Txn.builder().ifAbsent("a").put("a", "2").build()).succeeded())
        .isFalse();
    assertThat(store.commit(Txn.builder().ifModRevision("a", 1).put("a", "3").build()).succeeded())
        .isTrue();
    assertThat(store.get("a").orElseThrow().valueAsString()).isEqualTo("3");
  }

  @Test
  void concurrentWritersConflictOnTheSameRevision() {
    store.commit(Txn.builder().put("counter", "0").build());
    long seen = store.get("counter").orElseThrow().modRevision();
    assertThat(
            store.commit(Txn.builder().ifModRevision("counter", seen).put("counter", "1").build()))
        .extracting(TxnResult::succeeded)
        .isEqualTo(true);
    assertThat(
            store.commit(Txn.builder().ifModRevision("counter", seen).put("counter", "1").build()))
        .extracting(TxnResult::succeeded)
        .isEqualTo(false);
  }

  @Test
  void refusesToWriteAKeyTwiceInOneTransaction() {
    assertThatThrownBy(() -> Txn.builder().put("a", "1").delete("a").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("written twice");
  }

  @Test
  void watchesDeliverChangesUnderThePrefixInRevisionOrder() {
    List<String> seen = new ArrayList<>();
    store.watch("u/", 1, (revision, events) -> events.forEach(e -> seen.add(revision + " " + e)));
    store.commit(Txn.builder().put("u/a", "1").put("x", "ignored").build());
    store.commit(Txn.builder().put("u/b", "2").put("u/a", "3").build());
    store.commit(Txn.builder().delete("u/a").build());
    store.commit(Txn.builder().delete("u/missing").build());
    assertThat(seen).containsExactly("1 PUT u/a@1", "2 PUT u/a@2", "2 PUT u/b@2", "3 DELETE u/a@3");
  }

  @Test
  void watchesFromAPastRevisionReplayTheHistoryFirst() {
    store.commit(Txn.builder().put("k", "1").build());
    store.commit(Txn.builder().put("k", "2").build());
    store.commit(Txn.builder().put("k", "3").build());
    List<Long> revisions = new ArrayList<>();
    store.watch("k", 2, (revision, events) -> revisions.add(revision));
    store.commit(Txn.builder().put("k", "4").build());
    assertThat(revisions).containsExactly(2L, 3L, 4L);
  }

  @Test
  void aWatchFromACompactedRevisionFailsClearly() {
    InMemoryStore small = new InMemoryStore(clock, 2);
    for (int i = 0; i < 5; i++) {
      small.commit(Txn.builder().put("k", "" + i).build());
    }
    assertThatThrownBy(() -> small.watch("k", 2, (r, e) -> {}))
        .isInstanceOf(CompactedException.class)
        .hasMessage(
            "required revision 2 has been compacted; the oldest revision that can be watched is 4")
        .satisfies(
            e -> {
              assertThat(((CompactedException) e).requestedRevision()).isEqualTo(2);
              assertThat(((CompactedException) e).oldestRevision()).isEqualTo(4);
            });
    List<Long> revisions = new ArrayList<>();
    small.watch("k", 4, (revision, events) -> revisions.add(revision));
    assertThat(revisions).containsExactly(4L, 5L);
  }

  @Test
  void cancelledWatchesReceiveNothingMore() {
    List<Long> revisions = new ArrayList<>();
    Watch watch = store.watch("", 1, (revision, events) -> revisions.add(revision));
    store.commit(Txn.builder().put("a", "1").build());
    watch.cancel();
    store.commit(Txn.builder().put("a", "2").build());
    assertThat(revisions).containsExactly(1L);
  }

  @Test
  void keysOnALeaseVanishWhenItExpiresOnTheClock() {
    long lease = store.grantLease(Duration.ofSeconds(60));
    store.commit(Txn.builder().put("leader", "a/0".getBytes(), lease).put("other", "x").build());
    assertThat(store.get("leader").orElseThrow().lease()).isEqualTo(lease);
    List<String> seen = new ArrayList<>();
    store.watch("", store.revision() + 1, (r, events) -> events.forEach(e -> seen.add(e + "")));

    clock.advance(Duration.ofSeconds(59));
    assertThat(store.get("leader")).isPresent();
    clock.advance(Duration.ofSeconds(1));
    assertThat(store.get("leader")).isEmpty();
    assertThat(store.get("other")).isPresent();
    assertThat(seen).containsExactly("DELETE leader@2");
    assertThatThrownBy(() -> store.keepAlive(lease))
        .isInstanceOf(LeaseNotFoundException.class)
        .hasMessageContaining("lease " + lease + " not found");
  }

  @Test
  void keepAliveRestartsTheTimeToLive() {
    long lease = store.grantLease(Duration.ofSeconds(60));
    store.commit(Txn.builder().put("leader", "a/0".getBytes(), lease).build());
    clock.advance(Duration.ofSeconds(50));
    store.keepAlive(lease);
    clock.advance(Duration.ofSeconds(50));
    assertThat(store.get("leader")).isPresent();
    clock.advance(Duration.ofSeconds(10));
    assertThat(store.get("leader")).isEmpty();
  }

  @Test
  void revokingALeaseDeletesItsKeysAtOnce() {
    long lease = store.grantLease(Duration.ofSeconds(60));
    store.commit(
        Txn.builder().put("a", "1".getBytes(), lease).put("b", "2".getBytes(), lease).build());
    long before = store.revision();
    store.revokeLease(lease);
    assertThat(store.get("a")).isEmpty();
    assertThat(store.get("b")).isEmpty();
    assertThat(store.revision()).isEqualTo(before + 1);
    store.revokeLease(lease);
    assertThat(store.revision()).isEqualTo(before + 1);
  }

  @Test
  void aPutWithAnUnknownLeaseAppliesNothing() {
    assertThatThrownBy(() -> store.commit(Txn.builder().put("a", "1".getBytes(), 99).build()))
        .isInstanceOf(LeaseNotFoundException.class);
    assertThat(store.revision()).isZero();
  }

  @Test
  void aKeyPutWithoutTheLeaseLeavesIt() {
    long lease = store.grantLease(Duration.ofSeconds(10));
    store.commit(Txn.builder().put("a", "1".getBytes(), lease).build());
    store.commit(Txn.builder().put("a", "2").build());
    clock.advance(Duration.ofSeconds(11));
    assertThat(store.get("a").orElseThrow().valueAsString()).isEqualTo("2");
  }

  @Test
  void aClosedStoreRefusesEverything() {
    store.close();
    assertThatThrownBy(() -> store.get("a")).isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> store.commit(Txn.builder().put("a", "1").build()))
        .isInstanceOf(StoreException.class)
        .hasMessage("the in-memory store is closed");
  }
}
