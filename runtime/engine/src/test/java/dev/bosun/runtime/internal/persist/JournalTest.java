package dev.bosun.runtime.internal.persist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bosun.runtime.store.KeyValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JournalTest {

  @ParameterizedTest
  @ValueSource(ints = {Journal.CHUNK, Journal.CHUNK_WHEN_UNRECORDED})
  void appendsEntriesToChunksAndKeepsAtLeastTheLimit(int chunk) {
    TreeMap<String, byte[]> store = new TreeMap<>();
    int limit = 40;
    for (long seq = 0; seq < 200; seq++) {
      String key = Journal.chunkKey("p/", seq, chunk);
      byte[] entry =
          ("{\"type\":\"t\",\"s\":\"" + seq + "\",\"m\":\"\",\"t\":0}")
              .getBytes(StandardCharsets.UTF_8);
      store.put(key, Journal.append(seq % chunk == 0 ? null : store.get(key), entry));
      String obsolete = Journal.obsoleteChunk("p/", seq, limit, chunk);
      if (obsolete != null) {
        store.remove(obsolete);
      }
    }
    List<KeyValue> chunks = new ArrayList<>();
    store.forEach((key, value) -> chunks.add(new KeyValue(key, value, 1, 1, 1, 0)));

    List<Documents.HistoryEntry> entries =
        Journal.read(chunks, Documents.HistoryEntry.class, limit);

    assertThat(entries).hasSize(limit);
    assertThat(entries.get(0).s()).isEqualTo("160");
    assertThat(entries.get(limit - 1).s()).isEqualTo("199");
    assertThat(store.size()).isLessThanOrEqualTo((limit + chunk - 1) / chunk + 1);
    assertThat(Journal.read(chunks, Documents.HistoryEntry.class, 1000).size())
        .isGreaterThanOrEqualTo(limit);
  }
}
