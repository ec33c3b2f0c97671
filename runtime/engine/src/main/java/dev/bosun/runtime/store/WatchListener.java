package dev.bosun.runtime.store;

import java.util.List;

/** Receives a watch's changes: one call per revision, in revision order, never concurrently. */
@FunctionalInterface
public interface WatchListener {

  /**
   * Receives the changes of one revision under the watched prefix.
   *
   * @param revision the revision
   * @param events the puts and deletes of that revision under the prefix, in key order
   */
  void onEvents(long revision, List<WatchEvent> events);

  /**
   * Told that the watch failed and was cancelled: it delivers nothing more (for example, another
   * process compacted revisions this watch still needed, or the store became unreachable). The
   * watcher should re-read what it watches and watch again from the current revision. The default
   * does nothing; the store logs the failure either way.
   *
   * @param failure what went wrong
   */
  default void onError(StoreException failure) {}
}
