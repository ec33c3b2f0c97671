package dev.bosun.testing.store;

import dev.bosun.runtime.store.WatchEvent;
import dev.bosun.runtime.store.WatchListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A watch listener that records what it receives as lines ({@code "2 PUT u/a=1"}, {@code "3 DELETE
 * u/a"}) and notes every breach of the listener contract: batches delivered concurrently or out of
 * revision order, empty batches, events whose revision differs from their batch's, events out of
 * key order, deletes with a value.
 */
final class EventRecorder implements WatchListener {
  private final AtomicInteger delivering = new AtomicInteger();
  private final List<String> lines = new ArrayList<>();
  private final List<Long> revisions = new ArrayList<>();
  private final List<String> breaches = new ArrayList<>();

  @Override
  public void onEvents(long revision, List<WatchEvent> events) {
    if (delivering.incrementAndGet() != 1) {
      breach("revision " + revision + " was delivered while another batch was being delivered");
    }
    try {
      synchronized (this) {
        if (!revisions.isEmpty() && revision <= revisions.get(revisions.size() - 1)) {
          breaches.add("revision " + revision + " came after " + revisions);
        }
        if (events.isEmpty()) {
          breaches.add("revision " + revision + " was delivered without events");
        }
        String previousKey = null;
        for (WatchEvent event : events) {
          if (event.revision() != revision) {
            breaches.add(event + " was delivered in the batch of revision " + revision);
          }
          if (previousKey != null && previousKey.compareTo(event.key()) >= 0) {
            breaches.add(event + " came after key " + previousKey + " in its batch");
          }
          previousKey = event.key();
          lines.add(line(event));
        }
        revisions.add(revision);
      }
    } finally {
      delivering.decrementAndGet();
    }
  }

  /** Returns the events received so far, one line each. */
  synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  /** Returns the revisions of the batches received so far. */
  synchronized List<Long> revisions() {
    return List.copyOf(revisions);
  }

  /** Returns the breaches of the listener contract seen so far. */
  synchronized List<String> breaches() {
    return List.copyOf(breaches);
  }

  /** Returns the revision of the last batch received, or 0. */
  synchronized long lastRevision() {
    return revisions.isEmpty() ? 0 : revisions.get(revisions.size() - 1);
  }

  /** Waits until a batch of {@code revision} or later has been received. */
  void awaitRevision(long revision, Duration timeout) {
    Eventually.await(
        "a watch receives revision " + revision + " (it has " + revisions() + ")",
        timeout,
        () -> lastRevision() >= revision);
  }

  private synchronized void breach(String what) {
    breaches.add(what);
  }

  private String line(WatchEvent event) {
    if (event.type() == WatchEvent.Type.DELETE) {
      if (event.value().length != 0) {
        breaches.add(event + " carries a value of " + event.value().length + " bytes");
      }
      return event.revision() + " DELETE " + event.key();
    }
    return event.revision()
        + " PUT "
        + event.key()
        + "="
        + new String(event.value(), java.nio.charset.StandardCharsets.UTF_8);
  }
}
