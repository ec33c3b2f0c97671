package dev.bosun.benchmarks;

import dev.bosun.model.spec.ModelSpec;
import dev.bosun.runtime.ModelStatus;
import dev.bosun.runtime.Runtime;
import dev.bosun.runtime.SettleResult;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Operations on large settled models, in deterministic mode: adding one unit to a settled model of
 * 1,000 workers related to a 3-unit hub (goal ≤ 100 ms, apply and settle; the model grows by one
 * unit per operation), and the status of a model of 10,000 workers with a subordinate each (20,003
 * units; goal ≤ 200 ms).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx6g"})
public class ScaleOperationsBenchmark {

  /** A settled model of 1,000 workers. */
  @State(Scope.Benchmark)
  public static class Thousand {
    Runtime runtime;
    int workers = 1_000;

    /** Deploys and settles. */
    @Setup(Level.Trial)
    public void setUp() {
      runtime = RuntimeModels.runtime(0);
      runtime.apply(RuntimeModels.hub(workers, false));
      RuntimeModels.settle(runtime);
    }

    /** Closes the runtime. */
    @TearDown(Level.Trial)
    public void tearDown() {
      runtime.close();
    }
  }

  /** A settled model of 10,000 workers with a subordinate each. */
  @State(Scope.Benchmark)
  public static class TenThousand {
    Runtime runtime;

    /** Deploys and settles. */
    @Setup(Level.Trial)
    public void setUp() {
      runtime = RuntimeModels.runtime(0);
      runtime.apply(RuntimeModels.hub(10_000, true));
      RuntimeModels.settle(runtime);
    }

    /** Closes the runtime. */
    @TearDown(Level.Trial)
    public void tearDown() {
      runtime.close();
    }
  }

  /**
   * Apply the model with one more worker, and settle: the new unit and the hub's units run hooks.
   */
  @Benchmark
  public SettleResult applyOneMoreUnit(Thousand model) {
    ModelSpec spec = RuntimeModels.hub(++model.workers, false);
    model.runtime.apply(spec);
    return RuntimeModels.settle(model.runtime);
  }

  /** {@code add-unit}: one more worker, and settle. */
  @Benchmark
  public SettleResult addOneUnit(Thousand model) {
    model.runtime.addUnits("worker", 1);
    model.workers++;
    return RuntimeModels.settle(model.runtime);
  }

  /** The status of 20,003 units from one snapshot. */
  @Benchmark
  public ModelStatus status(TenThousand model) {
    return model.runtime.status();
  }
}
