package dev.bosun.runtime.internal.engine;

import java.util.ArrayDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * Runs unit agents: an agent is scheduled when something it depends on changes, runs one step, and
 * is scheduled again if it asks to be. An agent never runs twice at once; scheduling a running
 * agent makes it run again once it finishes. Two implementations: one on a pool of threads, one
 * that runs agents in a fixed order on the thread that waits (deterministic mode).
 */
abstract class Scheduler implements AutoCloseable {
  static final int IDLE = 0;
  static final int QUEUED = 1;
  static final int RUNNING = 2;
  static final int RUNNING_AGAIN = 3;

  private static final AtomicIntegerFieldUpdater<UnitAgent> STATE =
      AtomicIntegerFieldUpdater.newUpdater(UnitAgent.class, "scheduleState");

  static Scheduler create(int threads) {
    return threads == 0 ? new Deterministic() : new Pooled(threads);
  }

  /** Schedules the agent to run a step. */
  final void schedule(UnitAgent agent) {
    while (true) {
      int state = agent.scheduleState;
      if (state == IDLE) {
        if (STATE.compareAndSet(agent, IDLE, QUEUED)) {
          enqueue(agent);
          return;
        }
      } else if (state == RUNNING) {
        if (STATE.compareAndSet(agent, RUNNING, RUNNING_AGAIN)) {
          return;
        }
      } else {
        return;
      }
    }
  }

  /** Runs one step of a queued agent; returns whether it must be queued again. */
  final boolean runStep(UnitAgent agent) {
    agent.scheduleState = RUNNING;
    try {
      agent.step();
    } finally {
      if (!STATE.compareAndSet(agent, RUNNING, IDLE)) {
        agent.scheduleState = QUEUED;
      }
    }
    return agent.scheduleState == QUEUED;
  }

  abstract void enqueue(UnitAgent agent);

  /**
   * Runs or waits for agents until none is queued or running, or the deadline passes.
   *
   * @return whether everything finished
   */
  abstract boolean awaitQuiescent(long deadlineNanos);

  /**
   * Runs or waits until the condition holds, nothing is left to run, or the deadline passes.
   *
   * @return whether the condition holds
   */
  abstract boolean awaitCondition(java.util.function.BooleanSupplier condition, long deadlineNanos);

  /** Whether agents run on the waiting thread. */
  abstract boolean isDeterministic();

  @Override
  public abstract void close();

  /** Runs agents in FIFO order on the thread that awaits. */
  static final class Deterministic extends Scheduler {
    private final ArrayDeque<UnitAgent> queue = new ArrayDeque<>();

    @Override
    void enqueue(UnitAgent agent) {
      synchronized (queue) {
        queue.addLast(agent);
      }
    }

    private UnitAgent poll() {
      synchronized (queue) {
        return queue.pollFirst();
      }
    }

    @Override
    boolean awaitQuiescent(long deadlineNanos) {
      return awaitCondition(() -> false, deadlineNanos) || isEmpty();
    }

    @Override
    boolean awaitCondition(java.util.function.BooleanSupplier condition, long deadlineNanos) {
      int count = 0;
      while (true) {
        if (condition.getAsBoolean()) {
          return true;
        }
        UnitAgent agent = poll();
        if (agent == null) {
          return false;
        }
        if (runStep(agent)) {
          enqueue(agent);
        }
        if ((++count & 255) == 0 && System.nanoTime() - deadlineNanos > 0) {
          return condition.getAsBoolean();
        }
      }
    }

    private boolean isEmpty() {
      synchronized (queue) {
        return queue.isEmpty();
      }
    }

    @Override
    boolean isDeterministic() {
      return true;
    }

    @Override
    public void close() {
      synchronized (queue) {
        queue.clear();
      }
    }
  }

  /**
   * Runs agents on a pool of daemon threads. An agent whose step schedules it again runs its next
   * step at once on the same thread instead of going to the back of the queue: in Juju each unit
   * agent runs on its own, so a unit with a long run of hooks (a hub joining thousands of workers)
   * is not held back by every other unit's turn; behind a queue of thousands of agents it ran one
   * hook per turn of the whole queue, and the model settled long after everyone else was done.
   * Every agent may run {@link #STEPS_IN_A_ROW} steps in a row; beyond that, at most half the
   * threads run such long streaks at once, so long streaks never take every thread from the agents
   * waiting in the queue. An agent that handed the machine lock to a waiting agent goes to the back
   * of the queue.
   */
  static final class Pooled extends Scheduler {
    /** The steps in a row any agent runs before it counts as a long streak. */
    static final int STEPS_IN_A_ROW = 16;

    private final ThreadPoolExecutor executor;
    private final AtomicInteger active = new AtomicInteger();
    private final Object monitor = new Object();
    private final int maxLongStreaks;
    private final AtomicInteger longStreaks = new AtomicInteger();

    Pooled(int threads) {
      maxLongStreaks = threads / 2;
      AtomicInteger counter = new AtomicInteger();
      executor =
          new ThreadPoolExecutor(
              threads,
              threads,
              30,
              TimeUnit.SECONDS,
              new LinkedBlockingQueue<>(),
              runnable -> {
                Thread thread = new Thread(runnable, "bosun-agent-" + counter.incrementAndGet());
                thread.setDaemon(true);
                return thread;
              });
    }

    @Override
    void enqueue(UnitAgent agent) {
      active.incrementAndGet();
      submit(agent);
    }

    private void submit(UnitAgent agent) {
      try {
        executor.execute(() -> run(agent));
      } catch (java.util.concurrent.RejectedExecutionException closed) {
        finished();
      }
    }

    private void run(UnitAgent agent) {
      boolean again;
      int steps = 0;
      boolean longStreak = false;
      try {
        while (true) {
          again = runStepSafely(agent);
          if (!again || !agent.keepsTurn()) {
            break;
          }
          steps++;
          if (steps == STEPS_IN_A_ROW) {
            if (longStreaks.incrementAndGet() > maxLongStreaks) {
              longStreaks.decrementAndGet();
              break;
            }
            longStreak = true;
          }
        }
      } finally {
        if (longStreak) {
          longStreaks.decrementAndGet();
        }
      }
      if (again) {
        submit(agent);
      } else {
        finished();
      }
    }

    private boolean runStepSafely(UnitAgent agent) {
      try {
        return runStep(agent);
      } catch (RuntimeException | Error e) {
        return false;
      }
    }

    private void finished() {
      if (active.decrementAndGet() == 0) {
        synchronized (monitor) {
          monitor.notifyAll();
        }
      }
    }

    @Override
    boolean awaitQuiescent(long deadlineNanos) {
      return awaitCondition(() -> active.get() == 0, deadlineNanos);
    }

    @Override
    boolean awaitCondition(java.util.function.BooleanSupplier condition, long deadlineNanos) {
      synchronized (monitor) {
        while (!condition.getAsBoolean()) {
          if (active.get() == 0 && !condition.getAsBoolean()) {
            return false;
          }
          long remaining = deadlineNanos - System.nanoTime();
          if (remaining <= 0) {
            return false;
          }
          try {
            monitor.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(remaining), 50)));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return condition.getAsBoolean();
          }
        }
        return true;
      }
    }

    @Override
    boolean isDeterministic() {
      return false;
    }

    @Override
    public void close() {
      executor.shutdownNow();
    }
  }
}
