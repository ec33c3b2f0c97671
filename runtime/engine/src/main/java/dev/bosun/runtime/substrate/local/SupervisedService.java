package dev.bosun.runtime.substrate.local;

import dev.bosun.charm.machine.ServiceSpec;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One service of a machine as its supervisor knows it. Changed only with {@link #lock} held; the
 * volatile fields can be read without it (for status).
 */
final class SupervisedService {

  /** Where the service is in its life. */
  enum State {
    /** Created by ensure, not started yet. */
    NEW,
    /** Its process was started (it may have exited since; the supervisor checks). */
    RUNNING,
    /** Its process exited; the supervisor restarts it at {@link #restartAtNanos}. */
    CRASHED,
    /** Its process was started and is expected to exit on its own; it is not restarted. */
    EXITING,
    /** Its process exited as expected; it stays down until ensured, restarted or stopped. */
    EXITED,
    /** Stopped on purpose and forgotten. */
    GONE
  }

  final String name;
  final ReentrantLock lock = new ReentrantLock();
  volatile State state = State.NEW;
  volatile ServiceSpec spec;
  volatile String specHash;
  volatile ProcessIdentity process;
  volatile int restarts;

  /** When the current process started (wall clock), to tell whether it ran stably. */
  Instant startedAt;

  /** The delays before restarts after crashes. */
  final Backoff backoff;

  /** When a crashed service is restarted ({@link System#nanoTime()}). */
  long restartAtNanos;

  SupervisedService(String name, Settings settings) {
    this.name = name;
    this.backoff =
        new Backoff(settings.initialBackoff(), settings.maximumBackoff(), settings.stableAfter());
  }
}
