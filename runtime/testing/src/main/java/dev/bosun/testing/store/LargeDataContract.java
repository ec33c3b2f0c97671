package dev.bosun.testing.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
 * Large values (just over 1 MiB, under etcd's default request limit of 1.5 MiB; and values of 1, 2,
 * 4 and 8 MiB up to {@link #largestValueBytes()}) and many keys (10,000 in one range, written 100
 * per transaction, within etcd's default of 128 operations per txn).
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
  default void valuesFromOneToEightMebibytesReplaceEachOtherWholeAndWatchesSeeEach() {
    Store store = store();
    List<Integer> sizes = new ArrayList<>();
    for (int mebibytes = 1; mebibytes <= 8; mebibytes *= 2) {
      int size = mebibytes * 1024 * 1024 - 13;
      if (size <= largestValueBytes()) {
        sizes.add(size);
      }
    }
    assumeTrue(!sizes.isEmpty(), "the backend stores no value of a mebibyte");
    List<WatchEvent> delivered = new ArrayList<>();
    store.watch(
        "blob/",
        1,
        (revision, events) -> {
          synchronized (delivered) {
            delivered.addAll(events);
          }
        });
    Random random = new Random(20261206);
    List<byte[]> written = new ArrayList<>();
    for (int size : sizes) {
      byte[] value = new byte[size];
      random.nextBytes(value);
      written.add(value);
      // The large value and a small key beside it commit together.
      long revision =
          store
              .commit(
                  Txn.builder()
                      .put("blob/value", value.clone())
                      .put("blob/size", Integer.toString(size))
                      .build())
              .revision();
      KeyValue read = store.get("blob/value").orElseThrow();
      assertThat(read.value()).as("a value of %d bytes", size).isEqualTo(value);
      assertThat(read.modRevision()).isEqualTo(revision);
      assertThat(store.get("blob/size").orElseThrow().modRevision()).isEqualTo(revision);
    }
    contractClock()
        .await(
            "the watch receives every large value",
            () -> {
              synchronized (delivered) {
                return delivered.size() >= 2 * sizes.size();
              }
            });
    synchronized (delivered) {
      List<WatchEvent> values =
          delivered.stream().filter(event -> event.key().equals("blob/value")).toList();
      List<WatchEvent> sizesSeen =
          delivered.stream().filter(event -> event.key().equals("blob/size")).toList();
      assertThat(values).hasSameSizeAs(sizes).hasSameSizeAs(sizesSeen);
      for (int i = 0; i < sizes.size(); i++) {
        assertThat(values.get(i).value())
            .as("the watched value of %d bytes", sizes.get(i))
            .isEqualTo(written.get(i));
        assertThat(values.get(i).revision()).isEqualTo(sizesSeen.get(i).revision());
        assertThat(new String(sizesSeen.get(i).value(), StandardCharsets.UTF_8))
            .isEqualTo(Integer.toString(sizes.get(i)));
      }
    }
    store.commit(Txn.builder().delete("blob/value").build());
    assertThat(store.get("blob/value")).isEmpty();
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
