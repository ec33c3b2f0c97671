package dev.bosun.runtime.store;

/** A running watch. */
public interface Watch extends AutoCloseable {

  /** Stops delivering events; a batch being delivered completes. Cancelling twice does nothing. */
  void cancel();

  /** Cancels the watch. */
  @Override
  default void close() {
    cancel();
  }
}
