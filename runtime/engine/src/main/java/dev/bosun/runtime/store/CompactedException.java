package dev.bosun.runtime.store;

/**
 * Thrown when a watch asks for a revision the store no longer remembers; watch again from a newer
 * revision after re-reading the state with {@link Store#range}.
 */
public class CompactedException extends StoreException {
  private static final long serialVersionUID = 1L;

  private final long requestedRevision;
  private final long oldestRevision;

  /** Creates the exception. */
  public CompactedException(long requestedRevision, long oldestRevision) {
    super(
        "required revision "
            + requestedRevision
            + " has been compacted; the oldest revision that can be watched is "
            + oldestRevision);
    this.requestedRevision = requestedRevision;
    this.oldestRevision = oldestRevision;
  }

  /** Returns the revision the watch asked for. */
  public long requestedRevision() {
    return requestedRevision;
  }

  /** Returns the oldest revision a watch may start from. */
  public long oldestRevision() {
    return oldestRevision;
  }
}
