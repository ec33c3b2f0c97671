package dev.bosun.benchmarks;

import dev.bosun.model.spec.ModelSpec;
import dev.bosun.runtime.Runtime;
import dev.bosun.runtime.SettleResult;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Trivial hook dispatch with the in-memory store (goal: median ≤ 50 µs): one unit of a charm whose
 * hooks do nothing; each operation changes its configuration and waits until its {@code
 * config-changed} hook has run and committed. That is three store transactions (the configuration,
 * the hook recorded as pending, the hook's results) plus the decision, the SDK's context and the
 * hook call, in deterministic mode.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx1g"})
public class HookDispatchBenchmark {
  private Runtime runtime;
  private long tick;

  /** Deploys the unit and settles. */
  @Setup
  public void setUp() {
    runtime = RuntimeModels.runtime(0);
    runtime.apply(ModelSpec.builder().application("noop", app -> app.units(1)).build());
    RuntimeModels.settle(runtime);
  }

  /** Closes the runtime. */
  @TearDown
  public void tearDown() {
    runtime.close();
  }

  /** One configuration change and the config-changed hook it causes. */
  @Benchmark
  public SettleResult configChangedHook() {
    runtime.setConfig("noop", Map.of("tick", ++tick));
    SettleResult result = RuntimeModels.settle(runtime);
    if (result.hooksRun() != 1) {
      throw new IllegalStateException("expected one hook, ran " + result.hooksRun());
    }
    return result;
  }
}
