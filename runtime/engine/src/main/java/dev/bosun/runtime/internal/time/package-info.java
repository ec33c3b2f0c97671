/**
 * Timers on the runtime's clock: alarms of a {@link dev.bosun.runtime.ManualClock}, or a thread.
 */
package dev.bosun.runtime.internal.time;
