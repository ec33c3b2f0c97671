package dev.bosun.charm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bosun.charm.event.ActionEvent;
import dev.bosun.charm.event.ConfigChanged;
import dev.bosun.charm.event.HookEvent;
import dev.bosun.charm.event.Install;
import dev.bosun.charm.event.LeaderElected;
import dev.bosun.charm.event.LeaderSettingsChanged;
import dev.bosun.charm.event.RelationBroken;
import dev.bosun.charm.event.RelationChanged;
import dev.bosun.charm.event.RelationCreated;
import dev.bosun.charm.event.RelationDeparted;
import dev.bosun.charm.event.RelationJoined;
import dev.bosun.charm.event.Remove;
import dev.bosun.charm.event.Start;
import dev.bosun.charm.event.Stop;
import dev.bosun.charm.event.UpdateStatus;
import dev.bosun.charm.event.UpgradeCharm;
import dev.bosun.charm.fake.FakeBackend;
import dev.bosun.charm.fake.FakeRelation;
import dev.bosun.charm.fake.TestCharms;
import dev.bosun.charm.spi.HookOutcome;
import dev.bosun.model.charm.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Both charm styles: a handler method per event, or one reconcile for every event. */
class CharmStylesTest {

  /** Records which handler ran, in the unit state, so the outcome shows it. */
  public static final class RecordingHandlers extends HandlerCharm {
    private static void record(HookContext ctx, String handler) {
      ctx.state().set("handler", handler);
    }

    @Override
    protected void onInstall(HookContext ctx) {
      record(ctx, "onInstall");
    }

    @Override
    protected void onStart(HookContext ctx) {
      record(ctx, "onStart");
    }

    @Override
    protected void onConfigChanged(HookContext ctx) {
      record(ctx, "onConfigChanged");
    }

    @Override
    protected void onUpgradeCharm(HookContext ctx) {
      record(ctx, "onUpgradeCharm");
    }

    @Override
    protected void onUpdateStatus(HookContext ctx) {
      record(ctx, "onUpdateStatus");
    }

    @Override
    protected void onLeaderElected(HookContext ctx) {
      record(ctx, "onLeaderElected");
    }

    @Override
    protected void onLeaderSettingsChanged(HookContext ctx) {
      record(ctx, "onLeaderSettingsChanged");
    }

    @Override
    protected void onStop(HookContext ctx) {
      record(ctx, "onStop");
    }

    @Override
    protected void onRemove(HookContext ctx) {
      record(ctx, "onRemove");
    }

    @Override
    protected void onRelationCreated(HookContext ctx, RelationCreated event) {
      record(ctx, "onRelationCreated " + event.relationId());
    }

    @Override
    protected void onRelationJoined(HookContext ctx, RelationJoined event) {
      record(ctx, "onRelationJoined " + event.remoteUnit());
    }

    @Override
    protected void onRelationChanged(HookContext ctx, RelationChanged event) {
      record(ctx, "onRelationChanged " + event.unit().orElse("app"));
    }

    @Override
    protected void onRelationDeparted(HookContext ctx, RelationDeparted event) {
      record(ctx, "onRelationDeparted " + event.departingUnit());
    }

    @Override
    protected void onRelationBroken(HookContext ctx, RelationBroken event) {
      record(ctx, "onRelationBroken " + ctx.relation(event).remoteApplication());
    }

    @Override
    protected void onAction(HookContext ctx, ActionEvent event) {
      record(ctx, "onAction " + event.name());
    }
  }

  static List<Object[]> events() {
    return List.of(
        new Object[] {new Install(), "onInstall"},
        new Object[] {new Start(), "onStart"},
        new Object[] {new ConfigChanged(), "onConfigChanged"},
        new Object[] {new UpgradeCharm(), "onUpgradeCharm"},
        new Object[] {new UpdateStatus(), "onUpdateStatus"},
        new Object[] {new LeaderElected(), "onLeaderElected"},
        new Object[] {new LeaderSettingsChanged(), "onLeaderSettingsChanged"},
        new Object[] {new Stop(), "onStop"},
        new Object[] {new Remove(), "onRemove"},
        new Object[] {new RelationCreated("db", 3, "kube"), "onRelationCreated 3"},
        new Object[] {new RelationJoined("db", 3, "kube", "kube/0"), "onRelationJoined kube/0"},
        new Object[] {new RelationChanged("db", 3, "kube", "kube/0"), "onRelationChanged kube/0"},
        new Object[] {new RelationChanged("db", 3, "kube", null), "onRelationChanged app"},
        new Object[] {
          new RelationDeparted("db", 3, "kube", "kube/0", "etcd/0"), "onRelationDeparted etcd/0"
        },
        new Object[] {new RelationBroken("db", 3, "kube"), "onRelationBroken kube"},
        new Object[] {new ActionEvent("snapshot", "1", Map.of()), "onAction snapshot"});
  }

  private static HookOutcome run(Charm charm, HookEvent event) {
    return FakeBackend.builder(
            new CharmDefinition(TestCharms.ETCD, () -> charm, CharmFiles.of("etcd", Map.of())),
            event)
        .relation(
            FakeRelation.builder(3, "db", Role.PROVIDER, "etcd")
                .remoteApplication("kube")
                .broken()
                .build())
        .run();
  }

  @ParameterizedTest
  @MethodSource("events")
  void aHandlerCharmSendsEachEventToItsMethod(HookEvent event, String handler) {
    HookOutcome outcome = run(new RecordingHandlers(), event);

    assertThat(outcome.error()).isEmpty();
    assertThat(outcome.changes().unitState()).containsExactly(Map.entry("handler", handler));
  }

  @Test
  void aHandlerCharmIgnoresEventsItDoesNotHandleAndFailsUnhandledActions() {
    HandlerCharm quiet = new HandlerCharm() {};

    HookOutcome hook = run(quiet, new Start());
    HookOutcome action = run(quiet, new ActionEvent("snapshot", "1", Map.of()));

    assertThat(hook.succeeded()).isTrue();
    assertThat(hook.changes().isEmpty()).isTrue();
    assertThat(action.succeeded()).isTrue();
    assertThat(action.changes().actionFailure())
        .isEqualTo("action \"snapshot\" is not implemented by this charm");
  }

  @Test
  void aReconcilerCharmReconcilesForEveryHookAndSendsActionsToOnAction() {
    List<String> calls = new ArrayList<>();
    ReconcilerCharm charm =
        new ReconcilerCharm() {
          @Override
          public void reconcile(HookContext ctx) {
            calls.add("reconcile " + ctx.event().hookName());
          }

          @Override
          public void onAction(HookContext ctx, ActionEvent event) {
            calls.add("action " + event.name());
            ctx.action().set("done", "yes");
          }
        };

    for (Object[] event : events()) {
      run(charm, (HookEvent) event[0]);
    }

    assertThat(calls)
        .containsExactly(
            "reconcile install",
            "reconcile start",
            "reconcile config-changed",
            "reconcile upgrade-charm",
            "reconcile update-status",
            "reconcile leader-elected",
            "reconcile leader-settings-changed",
            "reconcile stop",
            "reconcile remove",
            "reconcile db-relation-created",
            "reconcile db-relation-joined",
            "reconcile db-relation-changed",
            "reconcile db-relation-changed",
            "reconcile db-relation-departed",
            "reconcile db-relation-broken",
            "action snapshot");
  }

  @Test
  void aReconcilerWithoutOnActionFailsActionsWithAClearMessage() {
    ReconcilerCharm charm = ctx -> ctx.status().unit(Status.active("ok"));

    HookOutcome outcome = run(charm, new ActionEvent("snapshot", "1", Map.of()));

    assertThat(outcome.changes().actionFailure())
        .isEqualTo("action \"snapshot\" is not implemented by this charm");
    assertThat(outcome.changes().unitStatus()).isNull();
  }
}
