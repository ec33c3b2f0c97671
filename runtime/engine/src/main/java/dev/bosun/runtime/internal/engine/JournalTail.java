package dev.bosun.runtime.internal.engine;

/**
 * The last chunk of a unit's journal (status history or hook log) as the engine last wrote it, so
 * the next append does not read it back from the store. Kept while the unit's agent has work and
 * dropped when it goes idle ({@link UnitNode#dropJournalTails}), so idle units hold no journal
 * bytes. Guarded by the engine's lock.
 */
final class JournalTail {
  /** The chunk's key, or null when nothing is kept. */
  String key;

  /** The chunk's bytes as last written. */
  byte[] chunk;
}
