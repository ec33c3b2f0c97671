package dev.bosun.runtime.store;

/**
 * What a transaction did.
 *
 * @param succeeded whether every comparison held, so the writes were applied
 * @param revision the revision of the writes when it succeeded (the store's revision when the
 *     transaction wrote nothing), else the store's revision when the comparisons failed
 */
public record TxnResult(boolean succeeded, long revision) {}
