package dev.bosun.runtime;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How a {@link Runtime} times and schedules its work. The defaults are Juju's.
 *
 * <pre>{@code
 * RuntimeSettings settings = RuntimeSettings.builder()
 *     .leadership(Duration.ofSeconds(5), Duration.ofSeconds(10))
 *     .threads(4)
 *     .build();
 * RuntimeSettings tests = RuntimeSettings.deterministic(42);  // single-threaded, seeded
 * }</pre>
 *
 * @param leadershipRenewal how often a leader renews its lease; Juju's leadership guarantee (30 s)
 * @param leadershipLease how long a lease lasts without renewal (60 s): a crashed leader's
 *     application elects another leader after at most this long
 * @param updateStatusInterval the interval of {@code update-status} (5 min)
 * @param updateStatusJitter each wait is drawn uniformly from {@code [interval × (1 - jitter),
 *     interval × (1 + jitter))} (0.2)
 * @param retryHooks whether failed hooks are retried automatically (true, Juju's {@code
 *     automatically-retry-hooks})
 * @param retryMinimum the first retry delay (5 s)
 * @param retryMaximum the longest retry delay (5 min)
 * @param retryFactor how much each retry delay grows (2)
 * @param retryJitter the relative jitter of a retry delay (0.03)
 * @param threads how many threads run unit agents; 0 runs everything on the thread that calls
 *     {@link Runtime#awaitSettled} (deterministic mode: agents run in a fixed order, so a run with
 *     a {@link ManualClock} and a fixed seed is repeatable)
 * @param seed the seed of the random numbers behind jitter
 * @param statusHistoryLimit how many status history entries to keep per unit (100)
 * @param hookLogLimit how many hook log entries to keep per unit (100)
 * @param modelName the model's name ({@code default})
 */
public record RuntimeSettings(
    Duration leadershipRenewal,
    Duration leadershipLease,
    Duration updateStatusInterval,
    double updateStatusJitter,
    boolean retryHooks,
    Duration retryMinimum,
    Duration retryMaximum,
    double retryFactor,
    double retryJitter,
    int threads,
    long seed,
    int statusHistoryLimit,
    int hookLogLimit,
    String modelName) {

  /**
   * Checks the settings.
   *
   * @throws IllegalArgumentException when a duration is not positive, the lease is not longer than
   *     the renewal, a jitter is outside [0, 1), the factor is below 1, or a count is negative
   */
  public RuntimeSettings {
    positive(leadershipRenewal, "leadershipRenewal");
    positive(leadershipLease, "leadershipLease");
    positive(updateStatusInterval, "updateStatusInterval");
    positive(retryMinimum, "retryMinimum");
    positive(retryMaximum, "retryMaximum");
    if (leadershipLease.compareTo(leadershipRenewal) <= 0) {
      throw new IllegalArgumentException(
          "the leadership lease ("
              + leadershipLease
              + ") must be longer than its renewal interval ("
              + leadershipRenewal
              + ")");
    }
    if (updateStatusJitter < 0 || updateStatusJitter >= 1 || retryJitter < 0 || retryJitter >= 1) {
      throw new IllegalArgumentException("jitter must be in [0, 1)");
    }
    if (retryFactor < 1) {
      throw new IllegalArgumentException("retryFactor must be at least 1, got " + retryFactor);
    }
    if (threads < 0 || statusHistoryLimit < 1 || hookLogLimit < 1) {
      throw new IllegalArgumentException(
          "threads must be 0 or more and the history limits at least 1");
    }
    requireNonNull(modelName, "modelName");
  }

  /** Juju's defaults, with one agent thread per available processor. */
  public static RuntimeSettings defaults() {
    return builder().build();
  }

  /**
   * The defaults in deterministic mode: no agent threads (work runs in {@link
   * Runtime#awaitSettled}) and a fixed seed.
   */
  public static RuntimeSettings deterministic(long seed) {
    return builder().threads(0).seed(seed).build();
  }

  /** Whether agents run on the thread that awaits settlement, in a fixed order. */
  public boolean isDeterministic() {
    return threads == 0;
  }

  /** Returns a builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder starting from these settings. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.leadershipRenewal = leadershipRenewal;
    builder.leadershipLease = leadershipLease;
    builder.updateStatusInterval = updateStatusInterval;
    builder.updateStatusJitter = updateStatusJitter;
    builder.retryHooks = retryHooks;
    builder.retryMinimum = retryMinimum;
    builder.retryMaximum = retryMaximum;
    builder.retryFactor = retryFactor;
    builder.retryJitter = retryJitter;
    builder.threads = threads;
    builder.seed = seed;
    builder.statusHistoryLimit = statusHistoryLimit;
    builder.hookLogLimit = hookLogLimit;
    builder.modelName = modelName;
    return builder;
  }

  private static void positive(Duration value, String name) {
    requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }

  /** Builds {@link RuntimeSettings}. */
  public static final class Builder {
    private Duration leadershipRenewal = Duration.ofSeconds(30);
    private Duration leadershipLease = Duration.ofSeconds(60);
    private Duration updateStatusInterval = Duration.ofMinutes(5);
    private double updateStatusJitter = 0.2;
    private boolean retryHooks = true;
    private Duration retryMinimum = Duration.ofSeconds(5);
    private Duration retryMaximum = Duration.ofMinutes(5);
    private double retryFactor = 2;
    private double retryJitter = 0.03;
    private int threads = Math.max(1, java.lang.Runtime.getRuntime().availableProcessors());
    private long seed;
    private int statusHistoryLimit = 100;
    private int hookLogLimit = 100;
    private String modelName = "default";

    private Builder() {}

    /** Sets the leadership renewal interval and lease duration. */
    public Builder leadership(Duration renewal, Duration lease) {
      this.leadershipRenewal = renewal;
      this.leadershipLease = lease;
      return this;
    }

    /** Sets the update-status interval and its relative jitter. */
    public Builder updateStatus(Duration interval, double jitter) {
      this.updateStatusInterval = interval;
      this.updateStatusJitter = jitter;
      return this;
    }

    /** Sets whether failed hooks are retried automatically. */
    public Builder retryHooks(boolean retry) {
      this.retryHooks = retry;
      return this;
    }

    /** Sets the hook retry backoff: first delay, longest delay, growth factor, jitter. */
    public Builder retryBackoff(Duration minimum, Duration maximum, double factor, double jitter) {
      this.retryMinimum = minimum;
      this.retryMaximum = maximum;
      this.retryFactor = factor;
      this.retryJitter = jitter;
      return this;
    }

    /** Sets the number of agent threads; 0 for deterministic mode. */
    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    /** Sets the random seed. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Sets how many status history and hook log entries are kept per unit. */
    public Builder historyLimits(int statusHistory, int hookLog) {
      this.statusHistoryLimit = statusHistory;
      this.hookLogLimit = hookLog;
      return this;
    }

    /** Sets the model name. */
    public Builder modelName(String name) {
      this.modelName = name;
      return this;
    }

    /**
     * Returns the settings.
     *
     * @throws IllegalArgumentException as the constructor does
     */
    public RuntimeSettings build() {
      return new RuntimeSettings(
          leadershipRenewal,
          leadershipLease,
          updateStatusInterval,
          updateStatusJitter,
          retryHooks,
          retryMinimum,
          retryMaximum,
          retryFactor,
          retryJitter,
          threads,
          seed,
          statusHistoryLimit,
          hookLogLimit,
          modelName);
    }
  }
}
