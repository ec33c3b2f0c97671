package dev.bosun.store.sqlite.deploy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bosun.runtime.Runtime;
import dev.bosun.runtime.SettleResult;
import dev.bosun.runtime.store.WatchEvent;
import dev.bosun.runtime.substrate.local.LocalSubstrate;
import dev.bosun.store.sqlite.SqliteStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The child process of {@link DeployKillIT}: opens the model's SQLite store and its local
 * substrate, applies {@link LedgerModel#spec} with the given number of workers and drives the hooks
 * until the model settles with no unit in error, then prints {@code settled} and exits 0.
 *
 * <p>It prints {@code ready} once the model is applied, and {@code ack <unit> <n> <revision>
 * <trace>} for every hook commit it saw committed: a watch on the charms' unit state ({@code
 * m/state/}) sees each commit after the store acknowledged it, and each hook commit counts itself
 * there ({@code hooks} = n, {@code hook.<n>} = trace). Arguments: the store file, the machines'
 * directory, the number of workers.
 */
final class DeployUntilKilled {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String STATE_PREFIX = "m/state/";

  private DeployUntilKilled() {}

  /** Deploys until settled (or killed). */
  public static void main(String[] args) throws InterruptedException {
    Path file = Path.of(args[0]);
    Path machines = Path.of(args[1]);
    int workers = Integer.parseInt(args[2]);
    PrintStream out = System.out;
    try (SqliteStore store = SqliteStore.open(file);
        LocalSubstrate substrate = LocalSubstrate.open(machines)) {
      store.watch(
          STATE_PREFIX,
          store.revision() + 1,
          (revision, events) -> {
            for (WatchEvent event : events) {
              if (event.type() == WatchEvent.Type.PUT) {
                acknowledge(out, revision, event);
              }
            }
          });
      try (Runtime runtime =
          Runtime.builder()
              .charms(LedgerModel.charms())
              .store(store)
              .substrate(substrate)
              .settings(LedgerModel.settings())
              .build()) {
        runtime.apply(LedgerModel.spec(workers));
        out.println("ready");
        out.flush();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
          SettleResult result = runtime.awaitSettled(Duration.ofSeconds(30));
          if (result.settled() && result.errors().isEmpty()) {
            break;
          }
          if (System.nanoTime() > deadline) {
            System.err.println("the model did not settle: " + result);
            System.exit(4);
          }
          Thread.sleep(50);
        }
        out.println("settled");
        out.flush();
      }
    }
  }

  private static void acknowledge(PrintStream out, long revision, WatchEvent event) {
    String unit = event.key().substring(STATE_PREFIX.length());
    Map<String, String> state;
    try {
      state = JSON.readValue(event.value(), new TypeReference<Map<String, String>>() {});
    } catch (IOException e) {
      throw new IllegalStateException("unreadable unit state of " + unit, e);
    }
    String hooks = state.get("hooks");
    out.println("ack " + unit + " " + hooks + " " + revision + " " + state.get("hook." + hooks));
    out.flush();
  }
}
