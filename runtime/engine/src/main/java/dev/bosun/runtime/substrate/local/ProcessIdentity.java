package dev.bosun.runtime.substrate.local;

import java.time.Instant;

/**
 * Which process a service runs as, recorded so that a later process (or a later Bosun) can tell the
 * service's process from an unrelated one that got the same pid after it exited.
 *
 * @param pid the process id
 * @param startInstant when the process started, from {@link ProcessHandle.Info#startInstant()}, or
 *     null when the platform does not tell
 * @param bootId the kernel's boot id ({@code /proc/sys/kernel/random/boot_id}), or null off Linux
 * @param startTicks the process start time in clock ticks since boot ({@code /proc/<pid>/stat}), or
 *     -1 off Linux; unlike the start instant it does not move when the wall clock is adjusted
 */
record ProcessIdentity(long pid, Instant startInstant, String bootId, long startTicks) {

  /** Returns the identity of a running process, or null when it is not running. */
  static ProcessIdentity of(long pid) {
    ProcessHandle handle = ProcessHandle.of(pid).orElse(null);
    if (handle == null) {
      return null;
    }
    Instant start = handle.info().startInstant().orElse(null);
    ProcFs.Stat stat = ProcFs.stat(pid);
    String bootId = stat == null ? null : ProcFs.bootId();
    return new ProcessIdentity(pid, start, bootId, stat == null ? -1 : stat.startTicks());
  }

  /**
   * Returns the process when it is still running as this identity: alive, not a zombie, and started
   * when recorded (same boot and start tick on Linux; same start instant to the second elsewhere).
   */
  ProcessHandle live() {
    ProcessHandle handle = ProcessHandle.of(pid).orElse(null);
    if (handle == null || !handle.isAlive()) {
      return null;
    }
    ProcFs.Stat stat = ProcFs.stat(pid);
    if (stat != null && stat.dead()) {
      return null;
    }
    if (bootId != null && startTicks >= 0 && stat != null) {
      String currentBoot = ProcFs.bootId();
      return bootId.equals(currentBoot) && stat.startTicks() == startTicks ? handle : null;
    }
    if (startInstant != null) {
      Instant now = handle.info().startInstant().orElse(null);
      if (now != null && Math.abs(now.toEpochMilli() - startInstant.toEpochMilli()) > 1000) {
        return null;
      }
    }
    return handle;
  }
}
