package dev.bosun.testing.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bosun.runtime.store.KeyValue;
import dev.bosun.runtime.store.Range;
import dev.bosun.runtime.store.Store;
import dev.bosun.runtime.store.Txn;
import dev.bosun.runtime.store.WatchEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Large values (over 1 MiB, under etcd's default request limit of 1.5 MiB) and many keys (10,000 in
 * one range, written 100 per transaction, within etcd's default of 128 operations per txn).
 */
public interface LargeDataContract extends StoreFixture {

  /** The size of the large values: 1 MiB and a little more. */
  int LARGE_VALUE_BYTES = 1024 * 1024 + 17;

  /** How many keys the many-keys test writes. */
  int MANY_KEYS = 10_000;

  @Test
  default void valuesOfMoreThanOneMebibyteRoundTripThroughReadsAndWatches() {
    Store store = store();
    byte[] large = new byte[LARGE_VALUE_BYTES];
    new Random(20260101).nextBytes(large);
    List<byte[]> delivered = new ArrayList<>();
    store.watch(
        "big",
        1,
        (revision, events) -> {
          synchronized (delivered) {
            events.stream().map(WatchEvent::value).forEach(delivered::add);
          }
        });
    store.commit(Txn.builder().put("big", large.clone()).build());
    assertThat(store.get("big").orElseThrow().value()).isEqualTo(large);
    assertThat(store.range("big").entries())
        .singleElement()
        .extracting(KeyValue::value)
        .isEqualTo(large);
    contractClock()
        .await(
            "the watch receives the large value",
            () -> {
              synchronized (delivered) {
                return !delivered.isEmpty();
              }
            });
    synchronized (delivered) {
      assertThat(delivered).singleElement().isEqualTo(large);
    }
  }

  @Test
  default void tenThousandKeysComeBackInOneRange() {
    Store store = store();
    int perTxn = 100;
    for (int first = 0; first < MANY_KEYS; first += perTxn) {
      Txn.Builder txn = Txn.builder();
      for (int i = first; i < first + perTxn; i++) {
        txn.put(key(i), "{\"unit\":" + i + "}");
      }
      store.commit(txn.build());
    }
    store.commit(Txn.builder().put("manyx", "outside").put("man", "outside").build());

    Range range = store.range("many/");
    assertThat(range.revision()).isEqualTo(MANY_KEYS / perTxn + 1);
    assertThat(range.entries()).hasSize(MANY_KEYS);
    for (int i = 0; i < MANY_KEYS; i++) {
      KeyValue entry = range.entries().get(i);
      assertThat(entry.key()).isEqualTo(key(i));
      assertThat(new String(entry.value(), StandardCharsets.UTF_8))
          .isEqualTo("{\"unit\":" + i + "}");
      assertThat(entry.modRevision()).isEqualTo(i / perTxn + 1);
    }
  }

  private static String key(int i) {
    return String.format("many/%05d", i);
  }
}
