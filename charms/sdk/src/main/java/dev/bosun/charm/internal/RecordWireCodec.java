package dev.bosun.charm.internal;

import dev.bosun.charm.relation.WireCodec;

/** Maps records to databags; implemented by the SDK work. */
public final class RecordWireCodec {
  private RecordWireCodec() {}

  /** Returns a codec for the record type. */
  public static <T extends Record> WireCodec<T> of(Class<T> type) {
    throw new UnsupportedOperationException("implemented by the SDK work");
  }
}
