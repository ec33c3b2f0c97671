package dev.bosun.benchmarks;

import dev.bosun.model.spec.ModelSpec;
import dev.bosun.runtime.Runtime;
import dev.bosun.runtime.SettleResult;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whole-model settles from an empty runtime, apply included: a 100-unit application with a peer
 * relation (goal ≤ 2 s; 20,300 hooks) and 10,000 workers related to a 3-unit hub, each with a
 * subordinate (goal ≤ 15 s; 240,015 hooks). {@code threads} 0 is deterministic mode; 2 uses two
 * agent threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 4)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx6g"})
public class SettleBenchmark {

  @Param({"0", "2"})
  public int threads;

  private SettleResult settle(ModelSpec spec) {
    try (Runtime runtime = RuntimeModels.runtime(threads)) {
      runtime.apply(spec);
      return RuntimeModels.settle(runtime);
    }
  }

  /** 100 units with a peer relation. */
  @Benchmark
  public SettleResult peers100() {
    return settle(RuntimeModels.peers(100));
  }

  /** 10,000 workers, a 3-unit hub, a subordinate on every worker. */
  @Benchmark
  public SettleResult hub10000() {
    return settle(RuntimeModels.hub(10_000, true));
  }
}
