package dev.bosun.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bosun.model.spec.ModelSpec;
import dev.bosun.runtime.internal.persist.Documents;
import dev.bosun.runtime.internal.persist.Json;
import dev.bosun.runtime.store.KeyValue;
import dev.bosun.runtime.store.Range;
import dev.bosun.runtime.store.Store;
import dev.bosun.runtime.store.StoreException;
import dev.bosun.runtime.store.Txn;
import dev.bosun.runtime.store.TxnResult;
import dev.bosun.runtime.store.Watch;
import dev.bosun.runtime.store.WatchListener;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The process dies while a hook runs: a store that stops answering from inside the hook (so the
 * hook's commit never happens), then a new runtime over the same store.
 */
class CrashTest {

  /** A store that answers nothing once the process "died". */
  static final class DyingStore implements Store {
    private final Store delegate;
    final AtomicBoolean dead = new AtomicBoolean();

    DyingStore(Store delegate) {
      this.delegate = delegate;
    }

    private void check() {
      if (dead.get()) {
        throw new StoreException("the process died");
      }
    }

    @Override
    public Optional<KeyValue> get(String key) {
      check();
      return delegate.get(key);
    }

    @Override
    public Range range(String prefix) {
      check();
      return delegate.range(prefix);
    }

    @Override
    public long revision() {
      check();
      return delegate.revision();
    }

    @Override
    public TxnResult commit(Txn txn) {
      check();
      return delegate.commit(txn);
    }

    @Override
    public Watch watch(String prefix, long fromRevision, WatchListener listener) {
      check();
      return delegate.watch(prefix, fromRevision, listener);
    }

    @Override
    public long grantLease(Duration timeToLive) {
      check();
      return delegate.grantLease(timeToLive);
    }

    @Override
    public void keepAlive(long leaseId) {
      check();
      delegate.keepAlive(leaseId);
    }

    @Override
    public void revokeLease(long leaseId) {
      check();
      delegate.revokeLease(leaseId);
    }

    @Override
    public void close() {}
  }

  @Test
  void anAgentKilledMidHookResumesWithTheHookFailedAndRetriedAndNothingHalfCommitted() {
    try (Harness h = new Harness()) {
      DyingStore dying = new DyingStore(h.store);
      h.runtime.close();
      h.runtime = h.newRuntime(dying);
      AtomicInteger runs = new AtomicInteger();
      h.client.on(
          "config-changed",
          ctx -> {
            if (!ctx.config().string("greeting").equals("crash")) {
              return;
            }
            ctx.relations("db").get(0).localUnitData().put("greeting", "crash");
            ctx.state().set("greeted", "yes");
            ctx.ports().open(443);
            if (runs.incrementAndGet() == 1) {
              dying.dead.set(true);
            }
          });
      h.apply(
          ModelSpec.builder()
              .application("server", app -> app.units(1))
              .application("client", app -> app.units(1))
              .relate("client:db", "server:db")
              .build());
      h.settled();
      long revisionBefore = h.store.revision();

      h.runtime.setConfig("client", Map.of("greeting", "crash"));
      h.settle();

      // The hook ran and the process died before its commit: the store has the pending operation
      // and none of the hook's writes.
      assertThat(runs.get()).isEqualTo(1);
      Documents.Agent agent =
          Json.decode(
              h.store.get("m/agent/client/0").orElseThrow().value(), Documents.Agent.class, "");
      assertThat(agent.op()).isEqualTo("run-hook");
      assertThat(agent.step()).isEqualTo("pending");
      assertThat(agent.hook().kind()).isEqualTo("config-changed");
      assertThat(h.store.get("m/state/client/0")).isEmpty();
      assertThat(h.store.get("m/bag/2/client/0").orElseThrow().valueAsString())
          .doesNotContain("crash");
      assertThat(h.store.get("m/agent/client/0").orElseThrow().valueAsString())
          .doesNotContain("443")
          .contains("running config-changed hook");
      // Two transactions: the configuration change, and the hook recorded as pending.
      assertThat(h.store.revision()).isEqualTo(revisionBefore + 2);

      // A new process over the same store.
      h.restart();
      SettleResult afterRestart = h.settle();
      assertThat(afterRestart.errors())
          .containsExactly(Map.entry("client/0", "hook failed: \"config-changed\""));
      assertThat(h.hooks("client/0")).last().isEqualTo("config-changed INTERRUPTED");
      h.mark("client/0", "server/0");

      h.advance(Duration.ofSeconds(6));

      assertThat(runs.get()).isEqualTo(2);
      assertThat(h.since("client/0")).containsExactly("config-changed");
      assertThat(h.since("server/0")).containsExactly("db-relation-changed client/0");
      assertThat(h.settle().settled()).isTrue();
      assertThat(h.store.get("m/state/client/0").orElseThrow().valueAsString())
          .contains("\"greeted\":\"yes\"");
      assertThat(h.runtime.status().unit("client/0").orElseThrow().openPorts())
          .containsExactly("443/tcp");
    }
  }

  @Test
  void aRestartedRuntimeResumesTheModelWithoutRepeatingHooks() {
    try (Harness h = new Harness()) {
      h.apply(
          ModelSpec.builder()
              .application("server", app -> app.units(2))
              .application("client", app -> app.units(2))
              .relate("client:db", "server:db")
              .build());
      h.settled();
      ModelStatus before = h.runtime.status();
      int hooks = h.runtime.hookLog().size();

      h.restart();
      SettleResult result = h.settled();

      assertThat(result.hooksRun()).isZero();
      assertThat(h.runtime.hookLog()).hasSize(hooks);
      ModelStatus after = h.runtime.status();
      assertThat(after.applications()).isEqualTo(before.applications());
      assertThat(after.relations()).isEqualTo(before.relations());

      h.runtime.addUnits("client", 1);
      h.settled();
      assertThat(h.hooks("client/2"))
          .contains("db-relation-joined server/0", "db-relation-joined server/1");
      Logs.checkGuarantees(
          h.runtime,
          List.of("server/0", "server/1", "client/0", "client/1", "client/2"),
          List.of("p", "cluster"));
    }
  }

  @Test
  void anActionInterruptedByACrashFailsAfterTheRestart() {
    try (Harness h = new Harness()) {
      DyingStore dying = new DyingStore(h.store);
      h.runtime.close();
      h.runtime = h.newRuntime(dying);
      h.server.on("publish", ctx -> dying.dead.set(true));
      h.apply(ModelSpec.builder().application("server", app -> app.units(1)).build());
      h.settled();
      h.runtime.runAction("server/0", "publish", Map.of());
      h.settle();

      h.restart();
      h.settled();

      ActionResult result = h.runtime.action(1).result();
      assertThat(result.status()).isEqualTo(ActionStatus.FAILED);
      assertThat(result.message()).isEqualTo("the unit agent stopped while the action ran");
      assertThat(h.runtime.status().unit("server/0").orElseThrow().agent().current())
          .isEqualTo("idle");
    }
  }
}
