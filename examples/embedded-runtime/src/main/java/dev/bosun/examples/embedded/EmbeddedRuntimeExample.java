package dev.bosun.examples.embedded;

import dev.bosun.charm.CharmCatalog;
import dev.bosun.model.spec.ModelSpec;
import dev.bosun.runtime.ModelHandle;
import dev.bosun.runtime.ModelStatus;
import dev.bosun.runtime.Runtime;
import dev.bosun.runtime.SettleResult;
import dev.bosun.runtime.UnitStatus;
import java.io.PrintStream;
import java.time.Duration;

/**
 * A Java application that embeds Bosun: it builds a model of a greeter and two visitors, applies it
 * with an embedded runtime, waits until it settles and prints every unit's status. Its test ({@code
 * ./mvnw -pl examples/embedded-runtime -am test}) runs it and checks what it prints.
 */
public final class EmbeddedRuntimeExample {
  private EmbeddedRuntimeExample() {}

  /** Runs the example; exits with 1 when the model did not settle. */
  public static void main(String[] args) {
    SettleResult result = run(System.out);
    System.exit(result.settled() ? 0 : 1);
  }

  /**
   * Builds, applies and settles the model, printing the plan, how it settled and every unit's
   * status to {@code out}.
   *
   * @return how the model settled
   */
  public static SettleResult run(PrintStream out) {
    // tag::model[]
    ModelSpec model =
        ModelSpec.builder()
            .application("greeter", app -> app.units(1).option("greeting", "Hello"))
            .application("visitor", app -> app.units(2))
            .relate("visitor:greeter", "greeter:visitors")
            .build();
    // end::model[]

    // tag::run[]
    CharmCatalog charms = CharmCatalog.discover(EmbeddedRuntimeExample.class.getClassLoader());
    try (Runtime runtime = Runtime.builder().charms(charms).build()) {
      ModelHandle handle = runtime.apply(model);
      handle.plan().descriptions().forEach(change -> out.println("- " + change));

      SettleResult result = handle.awaitSettled(Duration.ofMinutes(1));
      out.println(result.settled() ? "settled" : "not settled: " + result);

      ModelStatus status = runtime.status();
      for (UnitStatus unit : status.units().values()) {
        out.printf(
            "%-10s %-8s %s%n", unit.name(), unit.workload().current(), unit.workload().message());
      }
      return result;
    }
    // end::run[]
  }
}
