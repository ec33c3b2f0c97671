package dev.bosun.runtime.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bosun.runtime.store.InMemoryStore;
import dev.bosun.runtime.store.KeyValue;
import dev.bosun.runtime.store.StoreException;
import dev.bosun.runtime.store.Txn;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CommitQueueTest {
  private final InMemoryStore store = new InMemoryStore();
  private final CommitQueue queue = new CommitQueue(store);
  private final Object agent = "agent of worker/0";
  private final Object other = "agent of worker/1";

  private static Txn put(String key, String value) {
    return Txn.builder().put(key, value).build();
  }

  private String stored(String key) {
    return store.get(key).map(KeyValue::valueAsString).orElse(null);
  }

  private String inFlight(String key) {
    byte[] value = queue.inFlight(key);
    return value == null ? null : new String(value, StandardCharsets.UTF_8);
  }

  @Test
  void holdsAHooksResultsUntilTheOwnersNextCommitJoinsThem() {
    Engine.Pending results =
        queue.queue(
            Txn.builder().put("agent", "idle").put("log", "hook 1 done").build(), agent, true);
    assertThat(store.revision()).isZero();
    Engine.Pending next =
        queue.queue(
            Txn.builder().put("agent", "running hook 2").put("history", "executing").build(),
            agent,
            false);

    assertThat(store.revision()).isEqualTo(1);
    assertThat(stored("agent")).isEqualTo("running hook 2");
    assertThat(stored("log")).isEqualTo("hook 1 done");
    assertThat(stored("history")).isEqualTo("executing");
    assertThat(store.get("log").orElseThrow().modRevision()).isEqualTo(1);
    results.await();
    next.await();
  }

  @Test
  void anotherAgentsCommitHandsTheHeldOneOverFirst() {
    queue.queue(put("a", "1"), agent, true);
    queue.queue(put("b", "1"), other, false);
    queue.queue(put("a", "2"), agent, false);

    assertThat(store.get("a").orElseThrow().createRevision()).isEqualTo(1);
    assertThat(store.get("b").orElseThrow().modRevision()).isEqualTo(2);
    assertThat(store.get("a").orElseThrow().modRevision()).isEqualTo(3);
  }

  @Test
  void aDirectWriteHandsTheHeldCommitOverFirst() {
    queue.queue(put("a", "1"), agent, true);
    queue.commit(put("b", "1"));

    assertThat(store.get("a").orElseThrow().modRevision()).isEqualTo(1);
    assertThat(store.get("b").orElseThrow().modRevision()).isEqualTo(2);

    long lease = store.grantLease(Duration.ofMinutes(1));
    store.commit(
        Txn.builder().put("leader", "worker/0".getBytes(StandardCharsets.UTF_8), lease).build());
    queue.queue(put("a", "2"), agent, true);
    queue.revokeLease(lease);

    assertThat(store.get("a").orElseThrow().modRevision()).isEqualTo(4);
    assertThat(store.get("leader")).isEmpty();
    assertThat(store.revision()).isEqualTo(5);
  }

  @Test
  void commitsWithComparisonsNeverJoin() {
    queue.queue(Txn.builder().ifAbsent("leader").put("a", "1").build(), agent, true);
    queue.queue(put("b", "1"), agent, true);
    queue.queue(put("c", "1"), agent, false);

    assertThat(store.get("a").orElseThrow().modRevision()).isEqualTo(1);
    assertThat(store.get("b").orElseThrow().modRevision()).isEqualTo(2);
    assertThat(store.get("c").orElseThrow().modRevision()).isEqualTo(2);
  }

  @Test
  void awaitingOrForgettingAHeldCommitCommitsIt() {
    Engine.Pending awaited = queue.queue(put("a", "1"), agent, true);
    awaited.await();
    assertThat(stored("a")).isEqualTo("1");

    Engine.Pending forgotten = queue.queue(put("b", "1"), other, true);
    forgotten.forget();
    assertThat(stored("b")).isEqualTo("1");
    assertThat(inFlight("b")).isNull();
  }

  @Test
  void queuedValuesAreReadableUntilDurableAndTheLastWriteWins() {
    Engine.Pending first = queue.queue(put("a", "1"), agent, true);
    assertThat(inFlight("a")).isEqualTo("1");
    queue.queue(Txn.builder().delete("a").build(), agent, true);
    assertThat(CommitQueue.isDeleted(queue.inFlight("a"))).isTrue();
    Engine.Pending last = queue.queue(put("a", "3"), agent, true);
    assertThat(inFlight("a")).isEqualTo("3");
    assertThat(store.revision()).isZero();

    last.await();
    assertThat(store.revision()).isEqualTo(1);
    assertThat(stored("a")).isEqualTo("3");
    assertThat(inFlight("a")).isNull();
    first.await();
  }

  @Test
  void aFailedConditionFailsTheAwaitAndLeavesTheStoreAlone() {
    store.commit(put("leader", "worker/1"));
    Engine.Pending guarded =
        queue.queue(Txn.builder().ifAbsent("leader").put("a", "1").build(), agent, false);

    assertThatThrownBy(guarded::await)
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("another writer changed the model");
    assertThat(stored("a")).isNull();
    assertThat(inFlight("a")).isNull();
    assertThat(store.revision()).isEqualTo(1);
  }
}
