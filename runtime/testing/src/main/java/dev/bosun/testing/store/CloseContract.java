package dev.bosun.testing.store;

import static dev.bosun.testing.store.Commits.put;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bosun.runtime.store.Store;
import dev.bosun.runtime.store.StoreException;
import dev.bosun.runtime.store.Txn;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A closed store refuses every call with a {@link StoreException}; closing twice is harmless. */
public interface CloseContract extends StoreFixture {

  @Test
  default void aClosedStoreRefusesEveryCall() {
    Store store = store();
    put(store, "a", "1");
    long lease = store.grantLease(contractClock().timeToLive());
    store.close();
    assertThatThrownBy(() -> store.get("a")).isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> store.range("")).isInstanceOf(StoreException.class);
    assertThatThrownBy(store::revision).isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> store.commit(Txn.builder().put("b", "2").build()))
        .isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> store.watch("", 1, (revision, events) -> {}))
        .isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> store.grantLease(Duration.ofSeconds(1)))
        .isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> store.keepAlive(lease)).isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> store.revokeLease(lease)).isInstanceOf(StoreException.class);
  }

  @Test
  default void closingTwiceDoesNothing() {
    Store store = store();
    store.close();
    store.close();
    assertThatThrownBy(() -> store.get("a")).isInstanceOf(StoreException.class);
  }
}
