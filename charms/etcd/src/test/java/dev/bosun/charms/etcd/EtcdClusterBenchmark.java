package dev.bosun.charms.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bosun.charm.CharmCatalog;
import dev.bosun.model.spec.ModelSpec;
import dev.bosun.runtime.Runtime;
import dev.bosun.runtime.RuntimeSettings;
import dev.bosun.runtime.SettleResult;
import dev.bosun.runtime.UnitStatus;
import dev.bosun.runtime.substrate.local.LocalSubstrate;
import dev.bosun.store.sqlite.SqliteStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Benchmark, not a test (nothing here asserts a duration): deploys the etcd-cluster bundle (easyrsa
 * ×1, etcd ×3) from an empty model until every unit is active, then adds two members to the settled
 * cluster, {@code bosun.benchmark.iterations} times (default 5), and prints the medians. Runs only
 * with {@code -Dbosun.benchmark=true}:
 *
 * <pre>
 * ./mvnw -B -o verify -pl charms/etcd -am -Dbosun.benchmark=true -Dit.test=EtcdClusterBenchmark \
 *     -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false
 * </pre>
 *
 * <p>Each iteration uses a fresh SQLite store and local substrate (what {@code bosun deploy} uses)
 * in one JVM, so only the first iteration pays for class loading and JIT warm-up.
 */
@EnabledIfSystemProperty(named = "bosun.benchmark", matches = "true")
class EtcdClusterBenchmark {
  @Test
  void deployAndAddTwoMembers() throws IOException {
    int iterations = Integer.getInteger("bosun.benchmark.iterations", 5);
    String keyType = System.getProperty("bosun.benchmark.key-type", "");
    List<Long> deploys = new ArrayList<>();
    List<Long> additions = new ArrayList<>();
    for (int i = 0; i < iterations; i++) {
      Path directory = Files.createTempDirectory("etcd-benchmark");
      SqliteStore store = SqliteStore.open(directory.resolve("model.db"));
      LocalSubstrate substrate =
          LocalSubstrate.builder(directory.resolve("machines"))
              .stopGracePeriod(Duration.ofSeconds(5))
              .build();
      Runtime runtime =
          Runtime.builder()
              .charms(CharmCatalog.discover(getClass().getClassLoader()))
              .store(store)
              .substrate(substrate)
              .settings(RuntimeSettings.builder().threads(4).build())
              .build();
      try {
        long start = System.nanoTime();
        runtime.apply(
            ModelSpec.builder()
                .application(
                    "easyrsa",
                    app -> {
                      app.units(1);
                      if (!keyType.isEmpty()) {
                        app.option("key-type", keyType);
                      }
                    })
                .application("etcd", app -> app.units(3))
                .relate("etcd:certificates", "easyrsa:client")
                .build());
        settled(runtime, 4);
        deploys.add(System.nanoTime() - start);

        start = System.nanoTime();
        runtime.addUnits("etcd", 2);
        settled(runtime, 6);
        additions.add(System.nanoTime() - start);
        System.out.printf(
            "iteration %d: deploy %d ms, add two members %d ms%n",
            i, deploys.get(i) / 1_000_000, additions.get(i) / 1_000_000);
      } finally {
        LocalModels.tearDown(runtime, substrate, store, directory);
      }
    }
    System.out.printf(
        "etcd-cluster: deploy median %d ms (all %s), add two members median %d ms (all %s)%n",
        median(deploys), millis(deploys), median(additions), millis(additions));
  }

  private static void settled(Runtime runtime, int activeUnits) {
    SettleResult result = runtime.awaitSettled(Duration.ofMinutes(2));
    assertThat(result.settled()).as("%s", result).isTrue();
    long active =
        runtime.status().units().values().stream()
            .map(UnitStatus::workload)
            .filter(w -> w.current().equals("active"))
            .count();
    assertThat(active).isEqualTo(activeUnits);
  }

  private static long median(List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2) / 1_000_000;
  }

  private static List<Long> millis(List<Long> nanos) {
    return nanos.stream().map(n -> n / 1_000_000).toList();
  }
}
