package dev.bosun.testing;

import static java.util.Objects.requireNonNull;

import dev.bosun.charm.CharmCatalog;
import dev.bosun.charm.CharmDefinition;
import dev.bosun.model.spec.ModelSpec;
import dev.bosun.runtime.ActionResult;
import dev.bosun.runtime.HookRecord;
import dev.bosun.runtime.ManualClock;
import dev.bosun.runtime.ModelHandle;
import dev.bosun.runtime.ModelStatus;
import dev.bosun.runtime.RelationStatus;
import dev.bosun.runtime.Runtime;
import dev.bosun.runtime.RuntimeSettings;
import dev.bosun.runtime.SettleResult;
import dev.bosun.runtime.store.InMemoryStore;
import dev.bosun.runtime.substrate.InMemorySubstrate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * A JUnit 5 extension that runs a model with real charms on the real engine, in memory: a fresh
 * {@link Runtime} per test over an {@link InMemoryStore} and an {@link InMemorySubstrate}, a {@link
 * ManualClock} that moves only when the test says so, and deterministic settings (agents run on the
 * test's thread in a fixed order, so a given seed gives the same hooks in the same order every
 * time).
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ModelExtension model = ModelExtension.builder()
 *     .charms(CharmCatalog.discover(HelloModelTest.class.getClassLoader()))
 *     .seed(42)
 *     .build();
 *
 * @Test
 * void everyUnitServes() {
 *   model.deploy(ModelSpec.builder().application("hello", app -> app.units(3)).build());
 *
 *   model.assertThatUnit("hello/0").hasStatus(Status.active("serving on port 8080")).isLeader();
 *   assertThat(model.hooks("hello/1")).startsWith("install", "cluster-relation-created");
 *   model.runtime().addUnits("hello", 1);
 *   model.assertSettled();
 * }
 * }</pre>
 *
 * <p>Time moves only through {@link #advance} (or {@link #clock()}): {@code update-status}, hook
 * retries, leadership renewal and lease expiry fall due exactly when the clock passes them, with no
 * sleeping. Operations go through {@link #runtime()} (scale, configure, integrate, remove, refresh,
 * run actions, resolve) and take effect when the model next settles ({@link #settle}, {@link
 * #assertSettled}).
 *
 * <p>When a test fails, the model's status and every unit's hooks are attached to the failure (as a
 * suppressed exception), so the report shows what the model did. The extension keeps one model at a
 * time: register it as a {@code static} or instance field, but do not run the tests of one class in
 * parallel.
 */
public final class ModelExtension
    implements BeforeEachCallback, AfterEachCallback, TestExecutionExceptionHandler {
  private final CharmCatalog charms;
  private final RuntimeSettings settings;
  private final Instant start;
  private final Duration settleTimeout;
  private final ModelSpec model;

  private ManualClock clock;
  private InMemoryStore store;
  private InMemorySubstrate substrate;
  private Runtime runtime;

  private ModelExtension(Builder builder) {
    this.charms = builder.charms.build();
    this.settings = builder.settings;
    this.start = builder.start;
    this.settleTimeout = builder.settleTimeout;
    this.model = builder.model;
  }

  /** Returns a builder: no charms yet, seed 0, the clock at {@link ManualClock#DEFAULT_START}. */
  public static Builder builder() {
    return new Builder();
  }

  // ---------------------------------------------------------------------------------------------
  // JUnit

  /** Starts a fresh runtime, and deploys the builder's model if it has one. */
  @Override
  public void beforeEach(ExtensionContext context) {
    start();
    if (model != null) {
      deploy(model);
    }
  }

  /** Closes the runtime, the store and the substrate. */
  @Override
  public void afterEach(ExtensionContext context) {
    stop();
  }

  /** Attaches the model's status and hooks to a failing test's exception, then rethrows it. */
  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable throwable)
      throws Throwable {
    if (runtime != null) {
      try {
        throwable.addSuppressed(new ModelReport(report()));
      } catch (RuntimeException e) {
        // The report is a courtesy: never hide the test's own failure behind it.
      }
    }
    throw throwable;
  }

  /**
   * Starts a fresh runtime outside JUnit's lifecycle (the extension does this before each test); a
   * runtime already running is closed first.
   */
  public void start() {
    stop();
    clock = new ManualClock(start);
    store = new InMemoryStore(clock);
    substrate = InMemorySubstrate.temporary();
    runtime =
        Runtime.builder()
            .charms(charms)
            .store(store)
            .substrate(substrate)
            .clock(clock)
            .settings(settings)
            .build();
  }

  /**
   * Closes the runtime, the store and the substrate, if running (the extension does this after each
   * test).
   */
  public void stop() {
    if (runtime != null) {
      runtime.close();
      substrate.close();
      store.close();
      runtime = null;
      substrate = null;
      store = null;
      clock = null;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // What the test works with

  /**
   * Returns the test's runtime, for operations: {@code addUnits}, {@code removeUnits}, {@code
   * setConfig}, {@code integrate}, {@code removeRelation}, {@code removeApplication}, {@code
   * refresh}, {@code runAction}, {@code resolve}, {@code stopUnitAgent} ...
   *
   * @throws IllegalStateException outside a test
   */
  public Runtime runtime() {
    if (runtime == null) {
      throw new IllegalStateException(
          "the model runs only during a test: register the extension with @RegisterExtension and"
              + " use it from a @Test (or @BeforeEach) method");
    }
    return runtime;
  }

  /** Returns the test's clock. */
  public ManualClock clock() {
    runtime();
    return clock;
  }

  /** Returns the test's store. */
  public InMemoryStore store() {
    runtime();
    return store;
  }

  /** Returns the test's substrate: machines as directories, services recorded. */
  public InMemorySubstrate substrate() {
    runtime();
    return substrate;
  }

  /** Returns the charms the model may use. */
  public CharmCatalog charms() {
    return charms;
  }

  /** Returns the settings every test's runtime gets. */
  public RuntimeSettings settings() {
    return settings;
  }

  // ---------------------------------------------------------------------------------------------
  // Driving the model

  /**
   * Records a desired model ({@link Runtime#apply}); hooks run when the model next settles.
   *
   * @throws dev.bosun.model.BosunException as {@link Runtime#apply} does
   */
  public ModelHandle apply(ModelSpec spec) {
    return runtime().apply(spec);
  }

  /**
   * Applies a model and settles it.
   *
   * @return how it settled
   * @throws AssertionError when it does not settle (a unit in error, work left), with the model's
   *     status and hooks
   */
  public SettleResult deploy(ModelSpec spec) {
    apply(spec);
    return assertSettled();
  }

  /**
   * Runs the agents until the model settles or the settle timeout passes (real time, a safeguard
   * against charms that never settle); does not fail when it does not settle.
   */
  public SettleResult settle() {
    return runtime().awaitSettled(settleTimeout);
  }

  /**
   * Settles the model and checks that it settled: every unit idle, none in error.
   *
   * @throws AssertionError when it did not, with the units in error, the work left, the model's
   *     status and hooks
   */
  public SettleResult assertSettled() {
    SettleResult result = settle();
    if (!result.settled()) {
      throw new AssertionError(
          "expected the model to settle, but it did not: errors "
              + result.errors()
              + ", pending "
              + result.pending()
              + "\n\n"
              + report());
    }
    return result;
  }

  /**
   * Moves the clock forward, running every timer that falls due on the way ({@code update-status},
   * hook retries, leadership renewal, lease expiry), then settles the model.
   *
   * @return how the model settled (not checked: a hook may fail again on retry)
   */
  public SettleResult advance(Duration duration) {
    runtime();
    clock.advance(duration);
    return settle();
  }

  /**
   * Runs an action and waits for it to finish (the agents run meanwhile).
   *
   * @throws dev.bosun.model.BosunException as {@link Runtime#runAction} does
   */
  public ActionResult runAction(String unit, String action, Map<String, Object> parameters) {
    return runtime().runAction(unit, action, parameters).await(settleTimeout);
  }

  // ---------------------------------------------------------------------------------------------
  // Observing the model

  /** Returns the model's status. */
  public ModelStatus status() {
    return runtime().status();
  }

  /**
   * Returns the hooks (and actions) a unit ran, oldest first, by name: {@code install}, {@code
   * cluster-relation-joined}, ... A retried hook appears once per run.
   *
   * @throws dev.bosun.runtime.NotFoundException when the unit never existed
   */
  public List<String> hooks(String unit) {
    return HookTraces.names(runtime().hookLog(unit));
  }

  /**
   * Returns the hooks a unit ran with their remote unit and, unless they succeeded, their outcome:
   * {@code db-relation-joined server/0}, {@code config-changed FAILED}.
   */
  public List<String> hookTrace(String unit) {
    return HookTraces.traces(runtime().hookLog(unit));
  }

  /** Returns a checkpoint of the hook log, for {@link #hooksSince}. */
  public Checkpoint checkpoint() {
    List<HookRecord> log = runtime().hookLog();
    return new Checkpoint(log.isEmpty() ? -1 : log.get(log.size() - 1).sequence());
  }

  /** Returns the hooks a unit ran after a checkpoint, as {@link #hookTrace} writes them. */
  public List<String> hooksSince(Checkpoint checkpoint, String unit) {
    List<HookRecord> after = new ArrayList<>();
    for (HookRecord record : runtime().hookLog(unit)) {
      if (record.sequence() > checkpoint.sequence()) {
        after.add(record);
      }
    }
    return HookTraces.traces(after);
  }

  /**
   * Returns a unit's bag in its one relation on an endpoint, as committed (with {@code
   * private-address} and the other keys Bosun sets when the unit enters the relation).
   *
   * @throws NoSuchElementException when the unit's application has no relation on the endpoint
   * @throws IllegalArgumentException when it has several (name the remote application)
   */
  public Map<String, String> relationData(String unit, String endpoint) {
    return runtime().relationData(relation(applicationOf(unit), endpoint, null).id(), unit);
  }

  /** Returns a unit's bag in its relation on an endpoint with a remote application. */
  public Map<String, String> relationData(String unit, String endpoint, String remoteApplication) {
    requireNonNull(remoteApplication, "remoteApplication");
    return runtime()
        .relationData(relation(applicationOf(unit), endpoint, remoteApplication).id(), unit);
  }

  /**
   * Returns an application's bag in its one relation on an endpoint, as committed.
   *
   * @throws NoSuchElementException when the application has no relation on the endpoint
   * @throws IllegalArgumentException when it has several
   */
  public Map<String, String> applicationData(String application, String endpoint) {
    return runtime().relationData(relation(application, endpoint, null).id(), application);
  }

  /**
   * Returns the relation an application has on an endpoint (with a remote application, if given).
   *
   * @throws NoSuchElementException when there is none
   * @throws IllegalArgumentException when there are several
   */
  public RelationStatus relation(String application, String endpoint, String remoteApplication) {
    String side = application + ":" + endpoint;
    List<RelationStatus> found = new ArrayList<>(1);
    for (RelationStatus relation : runtime().status().relations()) {
      if (!relation.endpoints().contains(side)) {
        continue;
      }
      if (remoteApplication == null
          || relation.endpoints().stream().anyMatch(e -> e.startsWith(remoteApplication + ":"))) {
        found.add(relation);
      }
    }
    String described = remoteApplication == null ? side : side + " with " + remoteApplication;
    if (found.isEmpty()) {
      throw new NoSuchElementException(
          "no relation on "
              + described
              + "; the relations are "
              + runtime().status().relations().stream().map(RelationStatus::key).toList());
    }
    if (found.size() > 1) {
      throw new IllegalArgumentException(
          "several relations on "
              + described
              + ": "
              + found.stream().map(RelationStatus::key).toList()
              + "; name the remote application");
    }
    return found.get(0);
  }

  /**
   * Returns the model as a failure message shows it: a status table of applications, units and
   * relations, and the hooks every unit ran.
   */
  public String report() {
    return StatusReport.of(runtime());
  }

  // ---------------------------------------------------------------------------------------------
  // Assertions

  /**
   * Returns assertions on a unit's status, hooks and relation data, whose failures show the unit's
   * hooks and the model's status.
   */
  public UnitAssert assertThatUnit(String unit) {
    return new UnitAssert(this, requireNonNull(unit, "unit"));
  }

  /** Returns assertions on an application's status and units. */
  public ApplicationAssert assertThatApplication(String application) {
    return new ApplicationAssert(this, requireNonNull(application, "application"));
  }

  private static String applicationOf(String unit) {
    int slash = unit.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException(
          "\""
              + unit
              + "\" is not a unit name (application/number); for an application's bag use"
              + " applicationData");
    }
    return unit.substring(0, slash);
  }

  /** The model's status and hooks, attached to a failing test's exception. */
  static final class ModelReport extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ModelReport(String report) {
      super("the model when the test failed:\n" + report, null, false, false);
    }
  }

  /** Builds a {@link ModelExtension}. Not thread-safe. */
  public static final class Builder {
    private final CharmCatalog.Builder charms = CharmCatalog.builder();
    private long seed;
    private UnaryOperator<RuntimeSettings.Builder> adjust = UnaryOperator.identity();
    private RuntimeSettings settings;
    private Instant start = ManualClock.DEFAULT_START;
    private Duration settleTimeout = Duration.ofSeconds(60);
    private ModelSpec model;

    private Builder() {}

    /** Adds every charm of a catalog. */
    public Builder charms(CharmCatalog catalog) {
      catalog.definitions().forEach(charms::replace);
      return this;
    }

    /** Adds charms, replacing any of the same name. */
    public Builder charms(CharmDefinition... definitions) {
      for (CharmDefinition definition : definitions) {
        charms.replace(definition);
      }
      return this;
    }

    /** Sets the seed of the jitter of update-status and hook retries (default 0). */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /**
     * Adjusts the runtime settings, starting from {@link RuntimeSettings#deterministic} with the
     * seed and history limits large enough to keep every hook of a test (10,000 per unit):
     * leadership lease, update-status interval, retry backoff ... Giving agent threads ({@code
     * threads(n)} with n &gt; 0) gives up the fixed order.
     *
     * <pre>{@code
     * .settings(s -> s.retryHooks(false).updateStatus(Duration.ofMinutes(1), 0))
     * }</pre>
     */
    public Builder settings(UnaryOperator<RuntimeSettings.Builder> adjustment) {
      this.adjust = requireNonNull(adjustment, "adjustment");
      return this;
    }

    /** Sets the instant the clock starts at for every test. */
    public Builder start(Instant instant) {
      this.start = requireNonNull(instant, "instant");
      return this;
    }

    /**
     * Sets how long a settle may take in real time before it gives up (default 60 s): a guard
     * against charms that never settle, not a way to wait.
     */
    public Builder settleTimeout(Duration timeout) {
      this.settleTimeout = requireNonNull(timeout, "timeout");
      return this;
    }

    /** Deploys a model before each test and checks that it settles. */
    public Builder model(ModelSpec spec) {
      this.model = requireNonNull(spec, "spec");
      return this;
    }

    /**
     * Returns the extension.
     *
     * @throws IllegalArgumentException when the settings are invalid
     */
    public ModelExtension build() {
      settings =
          adjust
              .apply(RuntimeSettings.deterministic(seed).toBuilder().historyLimits(1_000, 10_000))
              .build();
      return new ModelExtension(this);
    }
  }
}
