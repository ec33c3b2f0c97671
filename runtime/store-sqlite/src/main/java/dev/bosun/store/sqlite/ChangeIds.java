package dev.bosun.store.sqlite;

/**
 * The change log's row ids: a revision's changes are numbered from {@code revision <<} {@link
 * #SHIFT}, one after another, so the log is one B-tree in revision order with nothing to index
 * beside it, and every append lands at its end. (Schema version 1 keyed the log by {@code
 * (revision, key)}: SQLite kept that key in a second B-tree, which every change wrote too.)
 */
final class ChangeIds {
  /** The bits of an id that number the changes within a revision. */
  static final int SHIFT = 24;

  /** The most changes one revision may have: 16,777,216. */
  static final long PER_REVISION = 1L << SHIFT;

  private ChangeIds() {}

  /** The id of a revision's first change; the ids before it belong to earlier revisions. */
  static long first(long revision) {
    return revision << SHIFT;
  }

  /** The SQL expression for the revision of the change whose id is in the column {@code id}. */
  static String revisionOf(String id) {
    return "(" + id + " >> " + SHIFT + ")";
  }
}
