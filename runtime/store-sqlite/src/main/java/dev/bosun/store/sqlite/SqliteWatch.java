package dev.bosun.store.sqlite;

import dev.bosun.runtime.store.Watch;
import dev.bosun.runtime.store.WatchEvent;
import dev.bosun.runtime.store.WatchListener;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A watch: its prefix, listener, and the next revision it is owed. */
final class SqliteWatch implements Watch {
  private static final Logger LOG = LoggerFactory.getLogger(SqliteWatch.class);

  private final String prefix;
  private final byte[] prefixBytes;
  private final WatchListener listener;
  private final Consumer<SqliteWatch> onCancel;
  private volatile long next;
  private volatile boolean cancelled;

  SqliteWatch(
      String prefix, long fromRevision, WatchListener listener, Consumer<SqliteWatch> onCancel) {
    this.prefix = prefix;
    this.prefixBytes = Keys.encode(prefix);
    this.next = fromRevision;
    this.listener = listener;
    this.onCancel = onCancel;
  }

  /** Returns the prefix of the keys watched. */
  String prefix() {
    return prefix;
  }

  /** Returns the prefix as stored: its UTF-8 bytes. */
  byte[] prefixBytes() {
    return prefixBytes;
  }

  /** Returns the first revision not yet delivered (or skipped as not matching). */
  long next() {
    return next;
  }

  boolean isCancelled() {
    return cancelled;
  }

  /**
   * Delivers the events of one revision under the prefix, if it is owed that revision and any
   * match; called by the dispatcher thread only.
   */
  void offer(long revision, List<WatchEvent> events) {
    if (cancelled || revision < next) {
      return;
    }
    List<WatchEvent> matching = null;
    for (WatchEvent event : events) {
      if (event.key().startsWith(prefix)) {
        if (matching == null) {
          matching = new ArrayList<>(events.size());
        }
        matching.add(event);
      }
    }
    next = revision + 1;
    if (matching == null) {
      return;
    }
    try {
      listener.onEvents(revision, List.copyOf(matching));
    } catch (RuntimeException e) {
      LOG.error("watch listener on {} failed at revision {}", quoted(), revision, e);
    }
  }

  /** Records that every revision up to {@code revision} has been seen; dispatcher thread only. */
  void skipTo(long revision) {
    if (next <= revision) {
      next = revision + 1;
    }
  }

  /** Cancels the watch and tells its listener why: it will deliver nothing more. */
  void fail(dev.bosun.runtime.store.StoreException failure) {
    if (!cancelled) {
      cancel();
      try {
        listener.onError(failure);
      } catch (RuntimeException e) {
        LOG.error("watch listener on {} failed handling an error", quoted(), e);
      }
    }
  }

  @Override
  public void cancel() {
    if (!cancelled) {
      cancelled = true;
      onCancel.accept(this);
    }
  }

  String quoted() {
    return "\"" + prefix + "\"";
  }
}
