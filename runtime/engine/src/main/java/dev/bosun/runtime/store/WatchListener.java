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
}
