package dev.bosun.testing.store;

import static dev.bosun.testing.store.Commits.put;
import static dev.bosun.testing.store.Commits.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bosun.runtime.store.LeaseNotFoundException;
import dev.bosun.runtime.store.Store;
import dev.bosun.runtime.store.Txn;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Leases: granting, keys put with a lease, keep-alive, expiry on the store's time (deletes in their
 * own revision, delivered to watches), revocation and unknown leases.
 *
 * <p>Times are fractions of {@link ContractClock#timeToLive()}, so the same tests run on a manual
 * clock and, with margins of at least 40% of the time to live, on the wall clock.
 */
public interface LeaseContract extends StoreFixture {

  @Test
  default void grantedLeasesHaveDistinctIdsOtherThanZero() {
    Store store = store();
    Duration ttl = contractClock().timeToLive();
    Set<Long> ids = Set.of(store.grantLease(ttl), store.grantLease(ttl), store.grantLease(ttl));
    assertThat(ids).hasSize(3).doesNotContain(0L);
  }

  @Test
  default void aLeaseLivesAtLeastOneMillisecond() {
    Store store = store();
    assertThatThrownBy(() -> store.grantLease(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  default void aKeyPutWithALeaseCarriesItsId() {
    Store store = store();
    long lease = store.grantLease(contractClock().timeToLive());
    store.commit(Txn.builder().put("leader", bytes("a/0"), lease).put("plain", "x").build());
    assertThat(store.get("leader").orElseThrow().lease()).isEqualTo(lease);
    assertThat(store.get("plain").orElseThrow().lease()).isZero();
  }

  @Test
  default void keysOnAnExpiredLeaseVanishInOneRevisionOfTheirOwnAndWatchesSeeIt() {
    Store store = store();
    ContractClock clock = contractClock();
    Duration ttl = clock.timeToLive();
    long lease = store.grantLease(ttl);
    store.commit(
        Txn.builder()
            .put("leader/a", bytes("a/0"), lease)
            .put("leader/b", bytes("b/0"), lease)
            .put("other", "x")
            .build());
    long before = store.revision();
    EventRecorder events = new EventRecorder();
    store.watch("", before + 1, events);

    clock.advance(ttl.dividedBy(2));
    assertThat(store.get("leader/a")).isPresent();
    clock.advance(ttl);
    clock.await("the lease's keys vanish", () -> store.get("leader/a").isEmpty());
    assertThat(store.get("leader/b")).isEmpty();
    assertThat(value(store, "other")).isEqualTo("x");
    assertThat(store.revision()).isEqualTo(before + 1);
    events.awaitRevision(before + 1, clock.awaitTimeout());
    assertThat(events.lines())
        .containsExactly((before + 1) + " DELETE leader/a", (before + 1) + " DELETE leader/b");
    assertThat(events.breaches()).isEmpty();
  }

  @Test
  default void anExpiredLeaseIsNotFound() {
    Store store = store();
    ContractClock clock = contractClock();
    long lease = store.grantLease(clock.timeToLive());
    clock.advance(clock.timeToLive().multipliedBy(2));
    clock.await(
        "the lease expires",
        () -> {
          try {
            store.keepAlive(lease);
            return false;
          } catch (LeaseNotFoundException expired) {
            return expired.leaseId() == lease;
          }
        });
    assertThatThrownBy(() -> store.commit(Txn.builder().put("k", bytes("v"), lease).build()))
        .isInstanceOf(LeaseNotFoundException.class);
    assertThat(store.get("k")).isEmpty();
  }

  @Test
  default void aLeaseWithoutKeysExpiresWithoutANewRevision() {
    Store store = store();
    ContractClock clock = contractClock();
    put(store, "a", "1");
    long lease = store.grantLease(clock.timeToLive());
    clock.advance(clock.timeToLive().multipliedBy(2));
    clock.await("the lease expires", () -> !isAlive(store, lease));
    assertThat(store.revision()).isEqualTo(1);
  }

  @Test
  default void keepAliveRestartsTheTimeToLive() {
    Store store = store();
    ContractClock clock = contractClock();
    Duration ttl = clock.timeToLive();
    long lease = store.grantLease(ttl);
    store.commit(Txn.builder().put("leader", bytes("a/0"), lease).build());
    for (int i = 0; i < 4; i++) {
      clock.advance(ttl.multipliedBy(2).dividedBy(5));
      store.keepAlive(lease);
    }
    assertThat(store.get("leader")).isPresent();
    clock.advance(ttl.plusMillis(1));
    clock.await("the lease's key vanishes", () -> store.get("leader").isEmpty());
  }

  @Test
  default void leasesThatExpireTogetherDeleteTheirKeysInARevisionEach() {
    Store store = store();
    ContractClock clock = contractClock();
    long first = store.grantLease(clock.timeToLive());
    long second = store.grantLease(clock.timeToLive());
    store.commit(
        Txn.builder().put("first", bytes("1"), first).put("second", bytes("2"), second).build());
    EventRecorder events = new EventRecorder();
    store.watch("", 2, events);
    clock.advance(clock.timeToLive().multipliedBy(2));
    events.awaitRevision(3, clock.awaitTimeout());
    assertThat(events.lines()).containsExactlyInAnyOrder("2 DELETE first", "3 DELETE second");
    assertThat(events.revisions()).containsExactly(2L, 3L);
  }

  @Test
  default void revokingALeaseDeletesItsKeysAtOnceInOneRevision() {
    Store store = store();
    long lease = store.grantLease(contractClock().timeToLive());
    store.commit(
        Txn.builder()
            .put("a", bytes("1"), lease)
            .put("b", bytes("2"), lease)
            .put("c", "3")
            .build());
    EventRecorder events = new EventRecorder();
    store.watch("", 2, events);
    store.revokeLease(lease);
    assertThat(store.get("a")).isEmpty();
    assertThat(store.get("b")).isEmpty();
    assertThat(value(store, "c")).isEqualTo("3");
    assertThat(store.revision()).isEqualTo(2);
    events.awaitRevision(2, contractClock().awaitTimeout());
    assertThat(events.lines()).containsExactly("2 DELETE a", "2 DELETE b");
    assertThatThrownBy(() -> store.keepAlive(lease)).isInstanceOf(LeaseNotFoundException.class);

    store.revokeLease(lease);
    store.revokeLease(lease + 1000);
    assertThat(store.revision()).isEqualTo(2);
  }

  @Test
  default void aPutWithAnUnknownLeaseFailsAndAppliesNothing() {
    Store store = store();
    long unknown = 424_242;
    assertThatThrownBy(
            () ->
                store.commit(
                    Txn.builder().put("a", "1").put("b", bytes("2"), unknown).delete("c").build()))
        .isInstanceOf(LeaseNotFoundException.class)
        .satisfies(e -> assertThat(((LeaseNotFoundException) e).leaseId()).isEqualTo(unknown));
    assertThat(store.revision()).isZero();
    assertThat(store.get("a")).isEmpty();

    long revoked = store.grantLease(contractClock().timeToLive());
    store.revokeLease(revoked);
    assertThatThrownBy(() -> store.commit(Txn.builder().put("a", bytes("1"), revoked).build()))
        .isInstanceOf(LeaseNotFoundException.class);
    assertThat(store.revision()).isZero();
  }

  @Test
  default void keepAliveOfAnUnknownLeaseFails() {
    Store store = store();
    assertThatThrownBy(() -> store.keepAlive(777))
        .isInstanceOf(LeaseNotFoundException.class)
        .hasMessageContaining("777");
  }

  @Test
  default void aKeyPutAgainWithoutTheLeaseOutlivesIt() {
    Store store = store();
    ContractClock clock = contractClock();
    long lease = store.grantLease(clock.timeToLive());
    store.commit(Txn.builder().put("a", bytes("1"), lease).put("b", bytes("1"), lease).build());
    put(store, "a", "2");
    assertThat(store.get("a").orElseThrow().lease()).isZero();
    clock.advance(clock.timeToLive().multipliedBy(2));
    clock.await("the leased key vanishes", () -> store.get("b").isEmpty());
    assertThat(value(store, "a")).isEqualTo("2");
  }

  private static boolean isAlive(Store store, long lease) {
    try {
      store.keepAlive(lease);
      return true;
    } catch (LeaseNotFoundException expired) {
      return false;
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
