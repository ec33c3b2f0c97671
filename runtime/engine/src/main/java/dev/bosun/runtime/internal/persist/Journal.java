package dev.bosun.runtime.internal.persist;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bosun.runtime.store.KeyValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An append-only per-unit journal (the status history, the hook log) stored in chunks: entry {@code
 * n} lives in the JSON array at key {@code prefix + n / chunk}, so a unit's entries take one key
 * per {@code chunk} entries rather than one each, and appending copies one chunk's bytes without
 * decoding it. Old chunks are deleted so that at least {@code limit} entries remain. The chunk size
 * is the model's ({@link #CHUNK} for new models, {@link #CHUNK_WHEN_UNRECORDED} for models that do
 * not record one): every append rewrites its chunk and copies it into the store's change log, so
 * small chunks write less per hook.
 */
public final class Journal {
  /** Entries per chunk of a new model. */
  public static final int CHUNK = 8;

  /** Entries per chunk of a model whose model document records no chunk size. */
  public static final int CHUNK_WHEN_UNRECORDED = 32;

  private Journal() {}

  /** Returns the key of the chunk of {@code chunk} entries that holds entry {@code seq}. */
  public static String chunkKey(String prefix, long seq, int chunk) {
    return prefix + Keys.sequence(seq / chunk);
  }

  /** Returns a chunk with the entry appended (a new chunk when {@code current} is null). */
  public static byte[] append(byte[] current, byte[] entry) {
    if (current == null || current.length < 2) {
      byte[] chunk = new byte[entry.length + 2];
      chunk[0] = '[';
      System.arraycopy(entry, 0, chunk, 1, entry.length);
      chunk[chunk.length - 1] = ']';
      return chunk;
    }
    byte[] chunk = new byte[current.length + entry.length + 1];
    System.arraycopy(current, 0, chunk, 0, current.length - 1);
    chunk[current.length - 1] = ',';
    System.arraycopy(entry, 0, chunk, current.length, entry.length);
    chunk[chunk.length - 1] = ']';
    return chunk;
  }

  /**
   * Returns the key of the chunk to delete when entry {@code seq} is appended to chunks of {@code
   * chunk} entries, or null: when a new chunk starts, the oldest chunk no longer needed to keep
   * {@code limit} entries.
   */
  public static String obsoleteChunk(String prefix, long seq, int limit, int chunk) {
    if (seq % chunk != 0) {
      return null;
    }
    long keep = (limit + chunk - 1) / chunk;
    long obsolete = seq / chunk - keep - 1;
    return obsolete < 0 ? null : prefix + Keys.sequence(obsolete);
  }

  /** Reads the entries of a journal's chunks (in key order), at most the last {@code limit}. */
  public static <T> List<T> read(List<KeyValue> chunks, Class<T> type, int limit) {
    List<T> entries = new ArrayList<>();
    for (KeyValue chunk : chunks) {
      try {
        JsonNode array = Json.mapper().readTree(chunk.value());
        for (JsonNode entry : array) {
          entries.add(Json.mapper().treeToValue(entry, type));
        }
      } catch (IOException e) {
        throw new dev.bosun.runtime.store.StoreException(
            "the store holds a corrupt journal chunk at "
                + chunk.key()
                + ": "
                + new String(chunk.value(), StandardCharsets.UTF_8),
            e);
      }
    }
    return entries.size() <= limit
        ? entries
        : entries.subList(entries.size() - limit, entries.size());
  }
}
