package dev.bosun.runtime.substrate.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Stops services' process trees: SIGTERM to every process, then SIGKILL after a grace period. */
final class Processes {
  private static final long POLL_MILLIS = 20;
  private static final Duration KILL_WAIT = Duration.ofSeconds(5);

  private Processes() {}

  /**
   * Terminates the processes of the given services and everything they started: their descendants
   * and, on Linux, every member of their sessions (a service started with {@code setsid} leads its
   * own session, which also holds children that were re-parented). Sends SIGTERM to all, waits up
   * to {@code grace} for them to exit, then sends SIGKILL to what is left and waits for it.
   *
   * @return whether every process is gone
   */
  static boolean terminate(Collection<ProcessIdentity> services, Duration grace) {
    Map<Long, ProcessHandle> targets = collect(services, Map.of());
    if (targets.isEmpty()) {
      return true;
    }
    targets.values().forEach(ProcessHandle::destroy);
    if (awaitGone(targets.values(), grace)) {
      return true;
    }
    // Anything started in the meantime, then everything still there.
    Map<Long, ProcessHandle> remaining = collect(services, targets);
    remaining.values().forEach(ProcessHandle::destroyForcibly);
    return awaitGone(remaining.values(), KILL_WAIT);
  }

  private static Map<Long, ProcessHandle> collect(
      Collection<ProcessIdentity> services, Map<Long, ProcessHandle> known) {
    Map<Long, ProcessHandle> targets = new LinkedHashMap<>();
    for (ProcessHandle handle : known.values()) {
      if (alive(handle)) {
        targets.put(handle.pid(), handle);
      }
    }
    for (ProcessIdentity service : services) {
      ProcessHandle root = service == null ? null : service.live();
      if (root == null) {
        if (service != null && !pidInUse(service.pid())) {
          // The leader exited; what it started may still run in its session.
          addSession(service.pid(), targets);
        }
        continue;
      }
      targets.put(root.pid(), root);
      root.descendants().forEach(child -> targets.put(child.pid(), child));
      addSession(service.pid(), targets);
    }
    return targets;
  }

  private static boolean pidInUse(long pid) {
    return ProcessHandle.of(pid).map(Processes::alive).orElse(false);
  }

  private static void addSession(long session, Map<Long, ProcessHandle> targets) {
    for (long pid : ProcFs.sessionMembers(session)) {
      ProcessHandle.of(pid).ifPresent(handle -> targets.put(pid, handle));
    }
  }

  private static boolean awaitGone(Collection<ProcessHandle> processes, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<ProcessHandle> left = new ArrayList<>(processes);
    while (true) {
      left.removeIf(handle -> !alive(handle));
      if (left.isEmpty()) {
        return true;
      }
      if (System.nanoTime() - deadline >= 0) {
        return false;
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  /** Whether a process is alive: a zombie (exited, not reaped) counts as gone. */
  static boolean alive(ProcessHandle handle) {
    if (!handle.isAlive()) {
      return false;
    }
    ProcFs.Stat stat = ProcFs.stat(handle.pid());
    return stat == null ? handle.isAlive() : !stat.dead();
  }
}
