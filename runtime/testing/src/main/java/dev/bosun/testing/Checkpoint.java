package dev.bosun.testing;

/**
 * A point in a model's hook log, taken with {@link ModelExtension#checkpoint()}: {@link
 * ModelExtension#hooksSince} lists what units ran after it.
 *
 * @param sequence the sequence number of the last hook that had started when it was taken, or -1
 */
public record Checkpoint(long sequence) {}
