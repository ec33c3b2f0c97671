package dev.bosun.benchmarks;

import dev.bosun.model.bundle.BundleReader;
import dev.bosun.model.bundle.LoadedBundle;
import dev.bosun.model.graph.RelationGraph;
import dev.bosun.model.plan.ModelState;
import dev.bosun.model.plan.Plan;
import dev.bosun.model.plan.Planner;
import dev.bosun.model.spec.ModelSpec;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The model's performance goal: a bundle of 1,000 applications with 2,000 relations parses,
 * validates (with charm metadata) and plans in at most 500 ms on one core after warm-up. {@link
 * #parseValidateResolvePlan} measures the whole pipeline the CLI runs for {@code deploy --dry-run};
 * the other benchmarks measure its stages.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx2g"})
@Threads(1)
public class ModelPipelineBenchmark {

  @Param({"1000"})
  public int applications;

  private String yaml;
  private BundleReader reader;
  private ModelSpec parsed;
  private ModelSpec resolved;

  /** Generates the bundle and runs each stage once to hand its output to the next benchmark. */
  @Setup
  public void setUp() {
    yaml = LargeBundle.yaml(applications);
    reader = BundleReader.builder().charms(LargeBundle.CHARMS).build();
    parsed = read().model();
    resolved = RelationGraph.resolve(parsed, LargeBundle.CHARMS).resolvedModel();
    if (parsed.relations().size() != applications * 2) {
      throw new IllegalStateException("expected " + applications * 2 + " relations");
    }
  }

  /** Parse, validate (structural and charm checks), resolve relations, plan: the whole pipeline. */
  @Benchmark
  public Plan parseValidateResolvePlan() {
    ModelSpec model = read().model();
    ModelSpec desired = RelationGraph.resolve(model, LargeBundle.CHARMS).resolvedModel();
    return Planner.plan(desired, ModelState.EMPTY);
  }

  /** Parse and validate only. */
  @Benchmark
  public LoadedBundle parseAndValidate() {
    return read();
  }

  /** Resolve relations against charm metadata only. */
  @Benchmark
  public RelationGraph resolveRelations() {
    return RelationGraph.resolve(parsed, LargeBundle.CHARMS);
  }

  /** Plan against an empty model only. */
  @Benchmark
  public Plan plan() {
    return Planner.plan(resolved, ModelState.EMPTY);
  }

  private LoadedBundle read() {
    return reader.read(yaml, "large-bundle.yaml", Path.of("."));
  }
}
