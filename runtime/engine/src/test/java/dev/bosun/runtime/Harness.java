package dev.bosun.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bosun.charm.CharmCatalog;
import dev.bosun.model.spec.ModelSpec;
import dev.bosun.runtime.store.InMemoryStore;
import dev.bosun.runtime.store.Store;
import dev.bosun.runtime.substrate.InMemorySubstrate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A deterministic runtime for tests: a {@link ManualClock}, an in-memory store and substrate that
 * outlive runtimes (so a test can "restart the process"), the test charms with a {@link Script}
 * each, a single-threaded scheduler with a fixed seed.
 */
final class Harness implements AutoCloseable {
  final ManualClock clock = new ManualClock();
  final InMemoryStore store = new InMemoryStore(clock);
  final InMemorySubstrate substrate = InMemorySubstrate.temporary();
  final Script server = new Script();
  final Script client = new Script();
  final Script agent = new Script();
  final Script plain = new Script();
  private RuntimeSettings settings = RuntimeSettings.deterministic(42);
  private final Map<String, Integer> marks = new HashMap<>();
  Runtime runtime;

  Harness() {
    this(UnaryOperator.identity());
  }

  Harness(UnaryOperator<RuntimeSettings.Builder> adjust) {
    settings = adjust.apply(RuntimeSettings.deterministic(42).toBuilder()).build();
    runtime = newRuntime(store);
  }

  CharmCatalog catalog() {
    return CharmCatalog.builder()
        .add(TestCharms.define(TestCharms.serverMeta(), server))
        .add(TestCharms.define(TestCharms.clientMeta(), client))
        .add(TestCharms.define(TestCharms.agentMeta(), agent))
        .add(TestCharms.define(TestCharms.plainMeta(), plain))
        .build();
  }

  Runtime newRuntime(Store over) {
    return Runtime.builder()
        .store(over)
        .substrate(substrate)
        .clock(clock)
        .settings(settings)
        .charms(catalog())
        .build();
  }

  /** Closes the runtime (writing nothing, like a process exit) and starts another on the store. */
  Runtime restart() {
    runtime.close();
    runtime = newRuntime(store);
    return runtime;
  }

  ModelHandle apply(ModelSpec spec) {
    return runtime.apply(spec);
  }

  SettleResult settle() {
    return runtime.awaitSettled(Duration.ofSeconds(30));
  }

  /** Settles and checks the model settled. */
  SettleResult settled() {
    SettleResult result = settle();
    assertThat(result.settled()).as("settled: %s", result).isTrue();
    return result;
  }

  /** Advances the clock, then settles. */
  SettleResult advance(Duration duration) {
    clock.advance(duration);
    return settle();
  }

  /** The hooks a unit ran, as {@code hook [remote-unit] [OUTCOME]}. */
  List<String> hooks(String unit) {
    List<String> hooks = new ArrayList<>();
    for (HookRecord record : runtime.hookLog(unit)) {
      hooks.add(describe(record));
    }
    return hooks;
  }

  static String describe(HookRecord record) {
    String text = record.hook();
    if (record.remoteUnit() != null) {
      text += " " + record.remoteUnit();
    }
    if (record.outcome() != HookRecord.Outcome.SUCCEEDED) {
      text += " " + record.outcome();
    }
    return text;
  }

  /** Remembers how many hooks each of the units has run, for {@link #since}. */
  void mark(String... units) {
    for (String unit : units) {
      marks.put(unit, runtime.hookLog(unit).size());
    }
  }

  /** The hooks a unit ran since {@link #mark}. */
  List<String> since(String unit) {
    List<String> all = hooks(unit);
    return all.subList(marks.getOrDefault(unit, 0), all.size());
  }

  @Override
  public void close() {
    runtime.close();
    substrate.close();
    store.close();
  }
}
