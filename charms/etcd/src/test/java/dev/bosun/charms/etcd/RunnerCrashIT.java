package dev.bosun.charms.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bosun.runtime.Runtime;
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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A runner abandoned in the middle of a deploy — as soon as easyrsa made its CA, before the etcd
 * cluster exists — and a new runner over the same SQLite store and machines directory: the CA stays
 * the one made first, and the deploy completes to a healthy cluster.
 */
class RunnerCrashIT {
  private Path directory;
  private SqliteStore store;
  private LocalSubstrate substrate;
  private Runtime runtime;

  @BeforeEach
  void open() throws IOException {
    assumeTrue(Files.isExecutable(EtcdClusterIT.ETCD), "etcd-server is not installed");
    directory = Files.createTempDirectory("etcd-crash-it");
    start();
  }

  private void start() {
    store = SqliteStore.open(directory.resolve("model.db"));
    substrate =
        LocalSubstrate.builder(directory.resolve("machines"))
            .stopGracePeriod(Duration.ofSeconds(5))
            .build();
    runtime = LocalModels.runtime(store, substrate, s -> s);
  }

  @AfterEach
  void close() throws IOException {
    if (directory == null) {
      return;
    }
    LocalModels.tearDown(runtime, substrate, store, directory);
  }

  @Test
  void aRunnerAbandonedMidDeployIsReplacedAndTheCaStaysTheSame() throws Exception {
    runtime.apply(EtcdClusterIT.model(3));
    Path caFile = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (caFile == null) {
      assertThat(System.nanoTime()).as("easyrsa made no CA within 60 s").isLessThan(deadline);
      try (Stream<Path> files = Files.walk(directory.resolve("machines"))) {
        caFile =
            files
                .filter(p -> p.endsWith(Path.of("var/lib/easyrsa/pki/ca.crt")))
                .findFirst()
                .orElse(null);
      }
      Thread.sleep(5);
    }
    String ca = Files.readString(caFile);
    // Abandon the runner as a crash would: nothing is removed, services keep running.
    runtime.close();
    substrate.close();
    store.close();

    start();
    // Hooks that were running when the runner died count as failed (as in Juju) and are retried
    // automatically after a backoff; wait until the retries have settled the model.
    SettleResult result = runtime.awaitSettled(Duration.ofMinutes(2));
    long retries = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!result.errors().isEmpty() && System.nanoTime() < retries) {
      Thread.sleep(200);
      result = runtime.awaitSettled(Duration.ofMinutes(2));
    }

    assertThat(result.settled()).as("%s", result).isTrue();
    List<String> etcd = new ArrayList<>();
    for (UnitStatus unit : runtime.status().units().values()) {
      if (unit.name().startsWith("etcd/")) {
        etcd.add(unit.name());
        assertThat(unit.workload().message()).isEqualTo("Healthy with 3 known peers");
        Path root = substrate.lookup(unit.machine()).orElseThrow().root();
        assertThat(Files.readString(root.resolve("etc/etcd/ca.crt")))
            .as("the CA %s trusts", unit.name())
            .isEqualTo(ca);
      }
    }
    assertThat(etcd).hasSize(3);
    assertThat(Files.readString(caFile)).isEqualTo(ca);
  }
}
