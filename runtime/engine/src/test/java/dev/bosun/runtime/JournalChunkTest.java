package dev.bosun.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bosun.charm.CharmCatalog;
import dev.bosun.model.spec.ModelSpec;
import dev.bosun.runtime.store.InMemoryStore;
import dev.bosun.runtime.store.KeyValue;
import dev.bosun.runtime.store.Txn;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A unit's status history is stored in chunks of 8 entries in a new model, and in the chunks of 32
 * entries of the layout before in a model whose model document records no chunk size.
 */
class JournalChunkTest {

  @Test
  void aNewModelRecordsItsChunkSizeAndWritesEightEntriesPerChunk() {
    InMemoryStore store = new InMemoryStore();
    List<KeyValue> chunks = deployOneUnit(store);

    assertThat(store.get("m/meta").orElseThrow().valueAsString()).contains("\"journalChunk\":8");
    assertThat(chunks).hasSizeGreaterThan(1);
    assertThat(chunks).allSatisfy(chunk -> assertThat(entries(chunk)).isLessThanOrEqualTo(8));
  }

  @Test
  void aModelWithoutARecordedChunkSizeKeepsChunksOfThirtyTwo() {
    InMemoryStore store = new InMemoryStore();
    store.commit(
        Txn.builder()
            .put(
                "m/meta",
                "{\"schema\":1,\"name\":\"default\",\"sequences\":{},\"bundleMachines\":{}}")
            .build());
    List<KeyValue> chunks = deployOneUnit(store);

    // Fewer than 32 entries: one chunk, as the model's earlier layout had it.
    assertThat(chunks).hasSize(1);
    assertThat(entries(chunks.get(0))).isGreaterThan(8).isLessThanOrEqualTo(32);
  }

  private static List<KeyValue> deployOneUnit(InMemoryStore store) {
    CharmCatalog charms =
        CharmCatalog.builder().add(TestCharms.define(TestCharms.plainMeta(), new Script())).build();
    try (Runtime runtime = Runtime.builder().store(store).charms(charms).build()) {
      runtime.apply(ModelSpec.builder().application("plain", app -> app.units(1)).build());
      assertThat(runtime.awaitSettled(Duration.ofSeconds(30)).settled()).isTrue();
    }
    return store.range("m/history/plain/0/").entries();
  }

  /** Counts the entries of a chunk (a JSON array of flat objects). */
  private static int entries(KeyValue chunk) {
    return chunk.valueAsString().split("\\{", -1).length - 1;
  }
}
