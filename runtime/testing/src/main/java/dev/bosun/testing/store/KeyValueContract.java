package dev.bosun.testing.store;

import static dev.bosun.testing.store.Commits.delete;
import static dev.bosun.testing.store.Commits.put;
import static dev.bosun.testing.store.Commits.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bosun.runtime.store.KeyValue;
import dev.bosun.runtime.store.Range;
import dev.bosun.runtime.store.Store;
import dev.bosun.runtime.store.Txn;
import dev.bosun.runtime.store.TxnResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reads, revisions, create and modification revisions, versions, ranges and byte values. */
public interface KeyValueContract extends StoreFixture {

  @Test
  default void anEmptyStoreIsAtRevisionZeroWithNoKeys() {
    Store store = store();
    assertThat(store.revision()).isZero();
    assertThat(store.get("a")).isEmpty();
    Range range = store.range("");
    assertThat(range.entries()).isEmpty();
    assertThat(range.revision()).isZero();
  }

  @Test
  default void aPutCreatesTheKeyAtANewRevisionWithVersionOne() {
    Store store = store();
    TxnResult result = store.commit(Txn.builder().put("a", "1").build());
    assertThat(result).isEqualTo(new TxnResult(true, 1));
    assertThat(store.revision()).isEqualTo(1);
    assertThat(store.get("a"))
        .hasValue(new KeyValue("a", "1".getBytes(StandardCharsets.UTF_8), 1, 1, 1, 0));
  }

  @Test
  default void aLaterPutKeepsTheCreateRevisionAndCountsTheVersion() {
    Store store = store();
    put(store, "a", "1");
    put(store, "b", "x");
    long third = put(store, "a", "2");
    assertThat(third).isEqualTo(3);
    KeyValue a = store.get("a").orElseThrow();
    assertThat(a.valueAsString()).isEqualTo("2");
    assertThat(a.createRevision()).isEqualTo(1);
    assertThat(a.modRevision()).isEqualTo(3);
    assertThat(a.version()).isEqualTo(2);
    assertThat(store.get("b").orElseThrow().modRevision()).isEqualTo(2);
  }

  @Test
  default void aDeleteRemovesTheKeyAtANewRevisionAndARecreatedKeyStartsAfresh() {
    Store store = store();
    put(store, "a", "1");
    put(store, "a", "2");
    assertThat(delete(store, "a")).isEqualTo(3);
    assertThat(store.get("a")).isEmpty();
    assertThat(store.revision()).isEqualTo(3);

    put(store, "a", "3");
    KeyValue recreated = store.get("a").orElseThrow();
    assertThat(recreated.createRevision()).isEqualTo(4);
    assertThat(recreated.modRevision()).isEqualTo(4);
    assertThat(recreated.version()).isEqualTo(1);
  }

  /**
   * Deleting an absent key changes nothing, so it takes no revision (as in etcd); the result
   * reports the store's revision.
   */
  @Test
  default void deletingAnAbsentKeyChangesNothingAndTakesNoRevision() {
    Store store = store();
    put(store, "a", "1");
    TxnResult result = store.commit(Txn.builder().delete("missing").build());
    assertThat(result.succeeded()).isTrue();
    assertThat(result.revision()).isEqualTo(1);
    assertThat(store.revision()).isEqualTo(1);
    assertThat(store.range("").entries()).extracting(KeyValue::key).containsExactly("a");
    assertThat(store.get("a").orElseThrow().modRevision()).isEqualTo(1);
  }

  /** Keys sort by code point (their UTF-8 bytes), not by UTF-16 units: U+E000 before U+1F600. */
  @Test
  default void rangeSortsKeysByTheirUtf8Bytes() {
    Store store = store();
    put(store, "k/\uD83D\uDE00", "smiley", "k/\uE000", "private use", "k/z", "ascii");
    assertThat(store.range("k/").entries())
        .extracting(KeyValue::key)
        .containsExactly("k/z", "k/\uE000", "k/\uD83D\uDE00");
  }

  @Test
  default void rangeReturnsTheKeysUnderAPrefixSortedByKey() {
    Store store = store();
    put(store, "u/b", "1", "u0", "2", "u/a/x", "3", "v", "4", "u", "5", "u/a", "6", "t/u/a", "7");
    assertThat(store.range("u/").entries())
        .extracting(KeyValue::key)
        .containsExactly("u/a", "u/a/x", "u/b");
    assertThat(store.range("u").entries())
        .extracting(KeyValue::key)
        .containsExactly("u", "u/a", "u/a/x", "u/b", "u0");
    assertThat(store.range("").entries())
        .extracting(KeyValue::key)
        .containsExactly("t/u/a", "u", "u/a", "u/a/x", "u/b", "u0", "v");
    assertThat(store.range("w").entries()).isEmpty();
    assertThat(store.range("u/a/x/").entries()).isEmpty();
  }

  @Test
  default void rangeCarriesTheRevisionItWasReadAt() {
    Store store = store();
    put(store, "k/a", "1");
    put(store, "other", "2");
    Range range = store.range("k/");
    assertThat(range.revision()).isEqualTo(2);
    assertThat(range.entries()).singleElement().isEqualTo(store.get("k/a").orElseThrow());
    assertThat(store.range("none/").revision()).isEqualTo(2);
  }

  @Test
  default void valuesAreBytesOfAnyKind() {
    Store store = store();
    byte[] everyByte = new byte[256];
    for (int i = 0; i < everyByte.length; i++) {
      everyByte[i] = (byte) i;
    }
    List<byte[]> values =
        List.of(new byte[0], new byte[] {0}, new byte[] {(byte) 0xff, (byte) 0xfe, 0}, everyByte);
    Txn.Builder txn = Txn.builder();
    for (int i = 0; i < values.size(); i++) {
      txn.put("v/" + i, values.get(i).clone());
    }
    store.commit(txn.build());
    for (int i = 0; i < values.size(); i++) {
      assertThat(store.get("v/" + i).orElseThrow().value()).isEqualTo(values.get(i));
    }
    assertThat(store.range("v/").entries())
        .extracting(KeyValue::value)
        .containsExactlyElementsOf(values);
  }

  @Test
  default void keysMayHoldAnyUnicodeText() {
    Store store = store();
    put(store, "m/ünit/0", "a", "m/日本/1", "b", "m/日本/2", "c", "m/emoji/\uD83D\uDE80", "d");
    assertThat(value(store, "m/ünit/0")).isEqualTo("a");
    assertThat(value(store, "m/emoji/\uD83D\uDE80")).isEqualTo("d");
    assertThat(store.range("m/日本/").entries())
        .extracting(KeyValue::key)
        .containsExactly("m/日本/1", "m/日本/2");
    assertThat(store.range("m/emoji/").entries())
        .extracting(KeyValue::key)
        .containsExactly("m/emoji/\uD83D\uDE80");
  }
}
