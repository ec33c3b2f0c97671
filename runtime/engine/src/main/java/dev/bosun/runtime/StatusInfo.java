package dev.bosun.runtime;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One status value as {@code juju status} shows it.
 *
 * @param current the status: for a workload {@code waiting}, {@code maintenance}, {@code active},
 *     {@code blocked}, {@code unknown}, {@code terminated} or {@code error}; for an agent {@code
 *     allocating}, {@code executing}, {@code idle}, {@code error} or {@code lost}
 * @param message the message, possibly empty
 * @param since when the status was set
 */
public record StatusInfo(String current, String message, Instant since) {

  /** Checks the components. */
  public StatusInfo {
    requireNonNull(current, "current");
    requireNonNull(message, "message");
    requireNonNull(since, "since");
  }

  @Override
  public String toString() {
    return message.isEmpty() ? current : current + " (" + message + ")";
  }
}
