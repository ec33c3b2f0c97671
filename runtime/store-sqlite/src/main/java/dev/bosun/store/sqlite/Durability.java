package dev.bosun.store.sqlite;

/**
 * What an acknowledged commit survives, which sets SQLite's {@code synchronous} pragma. In WAL mode
 * a commit appends its pages to the write-ahead log; the question is whether {@code commit} waits
 * for the log to reach the disk.
 */
public enum Durability {
  /**
   * A commit survives the process being killed and the machine losing power or crashing: the log is
   * synced to disk before {@code commit} returns ({@code synchronous=FULL}). The default: Bosun's
   * store is the record of what was deployed, and group commit shares one sync among all the
   * commits that arrive together.
   */
  POWER_LOSS("FULL"),

  /**
   * A commit survives the process being killed ({@code kill -9}), because its log pages are in the
   * operating system's cache when {@code commit} returns, but the last commits may be lost if the
   * machine crashes or loses power ({@code synchronous=NORMAL}). The database is never corrupted
   * either way. For throwaway models and tests.
   */
  PROCESS_CRASH("NORMAL");

  private final String synchronous;

  Durability(String synchronous) {
    this.synchronous = synchronous;
  }

  /** Returns the value of SQLite's {@code synchronous} pragma for this durability. */
  public String synchronous() {
    return synchronous;
  }
}
