package dev.bosun.runtime.internal.persist;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.bosun.runtime.store.StoreException;
import java.io.IOException;

/** Encodes and decodes the JSON documents the runtime keeps in its store. */
public final class Json {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .build();

  private Json() {}

  /** Returns the document as JSON bytes. */
  public static byte[] encode(Object document) {
    byte[] fast = FastCodec.encode(document);
    if (fast != null) {
      return fast;
    }
    try {
      return MAPPER.writeValueAsBytes(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode " + document.getClass().getSimpleName(), e);
    }
  }

  /**
   * Decodes a document.
   *
   * @throws StoreException when the bytes are not a document of that type
   */
  public static <T> T decode(byte[] bytes, Class<T> type, String key) {
    try {
      if (type == Documents.Bag.class) {
        return type.cast(FastCodec.decodeBag(bytes));
      }
      return MAPPER.readValue(bytes, type);
    } catch (IOException e) {
      throw new StoreException(
          "the store holds a corrupt " + type.getSimpleName() + " document at " + key + ": " + e,
          e);
    }
  }

  /** Returns the shared mapper (thread-safe). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
