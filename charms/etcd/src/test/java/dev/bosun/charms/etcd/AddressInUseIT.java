package dev.bosun.charms.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bosun.runtime.Runtime;
import dev.bosun.runtime.UnitStatus;
import dev.bosun.runtime.substrate.local.LocalSubstrate;
import dev.bosun.store.sqlite.SqliteStore;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Members whose peer port another process holds: etcd exits at every start, and instead of waiting
 * for a cluster that cannot form, each unit is blocked with etcd's own error; once the port is
 * free, the supervisor's next restart succeeds and the next {@code update-status} finds a healthy
 * cluster.
 */
class AddressInUseIT {
  /** The machines' addresses come from a range of this test's own, so it knows them in advance. */
  private static final String RANGE = "127.79.0.0/24";

  private Path directory;
  private SqliteStore store;
  private LocalSubstrate substrate;
  private Runtime runtime;
  private final List<ServerSocket> holders = new ArrayList<>();

  @BeforeEach
  void open() throws IOException {
    assumeTrue(Files.isExecutable(EtcdClusterIT.ETCD), "etcd-server is not installed");
    directory = Files.createTempDirectory("etcd-address-in-use-it");
    store = SqliteStore.open(directory.resolve("model.db"));
    substrate =
        LocalSubstrate.builder(directory.resolve("machines"))
            .addressRange(RANGE)
            .restartBackoff(Duration.ofMillis(200), Duration.ofSeconds(2))
            .checkInterval(Duration.ofMillis(200))
            .stopGracePeriod(Duration.ofSeconds(5))
            .build();
    runtime =
        LocalModels.runtime(store, substrate, s -> s.updateStatus(Duration.ofSeconds(2), 0.2));
  }

  @AfterEach
  void close() throws IOException {
    releasePorts();
    if (directory != null) {
      LocalModels.tearDown(runtime, substrate, store, directory);
    }
  }

  @Test
  void membersThatCannotListenAreBlockedWithEtcdsErrorAndRecoverOnceThePortIsFree()
      throws Exception {
    // easyrsa takes the first machine, the members the next three; a spare address or two costs
    // nothing.
    for (int host = 1; host <= 6; host++) {
      ServerSocket socket = new ServerSocket();
      socket.bind(new InetSocketAddress(InetAddress.getByName("127.79.0." + host), 2380));
      holders.add(socket);
    }

    runtime.apply(EtcdClusterIT.model(3));

    Map<String, String> blocked =
        awaitEtcdUnits(
            message -> message.startsWith("blocked: etcd cannot listen: "),
            "every member blocked because it cannot listen");
    for (Map.Entry<String, String> unit : blocked.entrySet()) {
      String address =
          substrate
              .lookup(runtime.status().unit(unit.getKey()).orElseThrow().machine())
              .orElseThrow()
              .address();
      assertThat(unit.getValue())
          .contains("listen tcp " + address + ":2380: bind: address already in use")
          .contains("var/log/etcd.log");
    }

    releasePorts();

    awaitEtcdUnits(
        message -> message.equals("active: Healthy with 3 known peers"),
        "every member healthy once the port is free");
  }

  /** Waits at most a minute until every etcd unit's workload status matches, and returns them. */
  private Map<String, String> awaitEtcdUnits(
      java.util.function.Predicate<String> wanted, String description) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    Map<String, String> statuses = new TreeMap<>();
    while (true) {
      statuses.clear();
      for (UnitStatus unit : runtime.status().units().values()) {
        if (unit.name().startsWith("etcd/")) {
          statuses.put(unit.name(), unit.workload().current() + ": " + unit.workload().message());
        }
      }
      if (statuses.size() == 3 && statuses.values().stream().allMatch(wanted)) {
        return Map.copyOf(statuses);
      }
      assertThat(System.nanoTime())
          .as("%s within 60 s; now %s", description, statuses)
          .isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  private void releasePorts() throws IOException {
    for (ServerSocket socket : holders) {
      socket.close();
    }
    holders.clear();
  }
}
