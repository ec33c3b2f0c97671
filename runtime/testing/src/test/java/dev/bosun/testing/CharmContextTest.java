package dev.bosun.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bosun.charm.RelationDataAccessException;
import dev.bosun.charm.Status;
import dev.bosun.charm.event.RelationJoined;
import dev.bosun.model.charm.ActionParametersException;
import dev.bosun.runtime.ActionStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CharmContextTest {
  private final CharmContext ctx = CharmContext.fromClasspath("charms/demo");

  private static RelationState db() {
    return RelationState.builder("db", "app")
        .remoteUnit("app/0", Map.of("user", "alice"))
        .remoteUnit("app/1", Map.of("user", "bob"))
        .localUnitData(Map.of("stale", "x"))
        .build();
  }

  @Test
  void returnsTheInputStateWithOnlyWhatTheHookCommitted() {
    State before = State.builder().unitState("kept", "1").build();

    State after = ctx.run(Events.install(), before);

    assertThat(after.unitStatus()).isEqualTo(Status.maintenance("installing"));
    assertThat(after.unitState())
        .containsExactly(Map.entry("installed", "yes"), Map.entry("kept", "1"));
    assertThat(after.toBuilder().unitStatus(State.UNKNOWN).unitState(Map.of()).build())
        .isEqualTo(before.toBuilder().unitState("installed", "yes").build());
  }

  @Test
  void configChangedSeesOperatorValuesOverDefaultsAndCommitsPortsStateAndStatus() {
    State after = ctx.run(Events.configChanged(), State.builder().config("port", "9090").build());

    assertThat(after.openedPorts()).containsExactly("9090/tcp");
    assertThat(after.unitState()).containsEntry("port", "9090");
    assertThat(after.unitStatus()).isEqualTo(Status.active("serving on 9090"));
    assertThat(ctx.run(Events.configChanged(), State.empty()).openedPorts())
        .containsExactly("8080/tcp");
  }

  @Test
  void aHookThatThrowsCommitsNothingAndReportsTheFailureWithTheUnchangedState() {
    State before = State.builder().config("mode", "boom").build();

    HookFailedException failure =
        catchThrowableOfType(
            HookFailedException.class, () -> ctx.run(Events.configChanged(), before));

    assertThat(failure.state()).isEqualTo(before);
    assertThat(failure.hook()).isEqualTo("config-changed");
    assertThat(failure.unit()).isEqualTo("demo/0");
    assertThat(failure)
        .hasMessage("demo/0: hook failed: \"config-changed\": mode boom: failing after writing");
    assertThat(failure.getCause()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theMachineIsNotTransactionalSoAFailedHookLeavesItsFilesAndServices(@TempDir Path root)
      throws Exception {
    CharmContext onDisk = ctx.withMachineRoot(root);

    assertThatThrownBy(
            () ->
                onDisk.run(Events.configChanged(), State.builder().config("mode", "boom").build()))
        .isInstanceOf(HookFailedException.class);

    Path conf = root.resolve("machine-0/etc/demo/demo.conf");
    assertThat(Files.readString(conf, StandardCharsets.UTF_8))
        .isEqualTo("listen = 127.77.0.1:8080\nmode = boom\n");
    assertThat(onDisk.machine().path("etc/demo/demo.conf")).isEqualTo(conf);
    assertThat(onDisk.services().get("demo").command())
        .containsExactly("/usr/bin/demo", "--port=8080");
  }

  @Test
  void relationJoinedSeesTheJoiningUnitAndCommitsTheUnitAndLeaderApplicationBags() {
    RelationState db = db();
    State before = State.builder().leader(true).relation(db).build();

    State after = ctx.run(Events.relationJoined(db, "app/1"), before);

    assertThat(after.relation("db").localUnitData())
        .containsExactly(Map.entry("port", "8080"), Map.entry("stale", "x"));
    assertThat(after.relation("db").localApplicationData())
        .containsExactly(Map.entry("database", "main"));
    assertThat(after.unitState())
        .containsEntry("joined", "app/1 of app")
        .containsEntry("members", "app/0,app/1");
    assertThat(after.relation("db").remoteUnits()).isEqualTo(db.remoteUnits());
  }

  @Test
  void writingAnEmptyValueDeletesAKey() {
    RelationState db = db();

    State after =
        ctx.run(Events.relationChanged(db, "app/0"), State.builder().relation(db).build());

    assertThat(after.relation(db.id()).localUnitData()).containsExactly(Map.entry("user", "alice"));
  }

  @Test
  void anApplicationLevelChangedReadsTheRemoteApplicationBag() {
    RelationState db = db().toBuilder().remoteApplicationData(Map.of("version", "15")).build();

    State after = ctx.run(Events.relationChanged(db), State.builder().relation(db).build());

    assertThat(after.unitState()).containsEntry("remote-version", "15");
  }

  @Test
  void aUnitThatIsNotTheLeaderCannotWriteItsApplicationBag() {
    RelationState db = db();
    State minion = State.builder().config("mode", "app-write").relation(db).build();

    HookFailedException failure =
        catchThrowableOfType(
            HookFailedException.class, () -> ctx.run(Events.configChanged(), minion));

    assertThat(failure.getCause())
        .isInstanceOf(RelationDataAccessException.class)
        .hasMessageContaining("demo/0 is not leader and cannot write application data.");
    State leader = minion.toBuilder().leader(true).build();
    assertThat(ctx.run(Events.configChanged(), leader).relation("db").localApplicationData())
        .containsEntry("database", "from-demo/0");
  }

  @Test
  void aPeerEventCarriesTheUnitsOwnApplicationAndPeersReadTheApplicationBag() {
    RelationState cluster =
        RelationState.peerBuilder("cluster")
            .remoteUnits("demo/1")
            .localApplicationData(Map.of("token", "t-demo/1"))
            .build();
    State minion = State.builder().relation(cluster).build();

    RelationJoined joined = Events.relationJoined(cluster, "demo/1");
    State afterJoin = ctx.run(joined, minion);
    State afterChange = ctx.run(Events.relationChanged(cluster), minion);

    assertThat(joined.remoteApplication()).isEqualTo("demo");
    assertThat(afterJoin.unitState()).containsEntry("joined", "demo/1 of demo");
    assertThat(afterChange.unitState()).containsEntry("token", "t-demo/1");
  }

  @Test
  void theLeaderSetsTheApplicationStatus() {
    RelationState cluster = RelationState.peerBuilder("cluster").build();

    State after =
        ctx.run(Events.leaderElected(), State.builder().leader(true).relation(cluster).build());

    assertThat(after.applicationStatus()).isEqualTo(Status.active("led by demo/0"));
    assertThat(after.relation("cluster").localApplicationData()).containsEntry("token", "t-demo/0");
  }

  @Test
  void duringDepartedTheDepartingUnitIsGoneFromTheMembersButItsDataIsReadable() {
    RelationState db = db();

    State after =
        ctx.run(Events.relationDeparted(db, "app/1"), State.builder().relation(db).build());

    assertThat(after.unitState())
        .containsEntry("departed", "app/1 (departing app/1) user=bob members=[app/0]");
    assertThat(after.relation("db").remoteUnits()).containsOnlyKeys("app/0", "app/1");
  }

  @Test
  void duringBrokenTheRelationIsNoLongerLiveAndHasNoMembers() {
    RelationState db = db();

    State after = ctx.run(Events.relationBroken(db), State.builder().relation(db).build());

    assertThat(after.unitState()).containsEntry("broken", "live=0 members=[]");
  }

  @Test
  void anActionReturnsItsResultsAndLogWithTheSchemasDefaultsInserted() {
    ActionOutcome greet =
        ctx.runAction(Events.action("greet", Map.of("name", "Ann")), State.empty());

    assertThat(greet.status()).isEqualTo(ActionStatus.COMPLETED);
    assertThat(greet.succeeded()).isTrue();
    assertThat(greet.results()).containsExactly(Map.entry("message", "Hello, Ann!"));
    assertThat(greet.log()).containsExactly("greeting");
    assertThat(greet.message()).isEmpty();
    assertThat(greet.state()).isEqualTo(State.empty());
  }

  @Test
  void anActionThatFailsKeepsItsResultsAndCommitsItsWrites() {
    ActionOutcome refuse = ctx.runAction(Events.action("refuse"), State.empty());

    assertThat(refuse.status()).isEqualTo(ActionStatus.FAILED);
    assertThat(refuse.message()).isEqualTo("refused politely");
    assertThat(refuse.results()).containsEntry("partial", "yes");
    assertThat(refuse.state().unitState()).containsEntry("refused", "yes");
    assertThat(refuse.exception()).isEmpty();
  }

  @Test
  void anActionThatThrowsFailsWithItsMessageAndCommitsNothingButItsLog() {
    ActionOutcome explode = ctx.runAction(Events.action("explode"), State.empty());

    assertThat(explode.status()).isEqualTo(ActionStatus.FAILED);
    assertThat(explode.message()).isEqualTo("kaboom");
    assertThat(explode.log()).containsExactly("about to explode");
    assertThat(explode.state()).isEqualTo(State.empty());
    assertThat(explode.exception()).containsInstanceOf(IllegalStateException.class);
  }

  @Test
  void actionParametersAreValidatedAgainstTheSchema() {
    assertThatThrownBy(() -> ctx.runAction(Events.action("greet"), State.empty()))
        .isInstanceOf(ActionParametersException.class)
        .hasMessageStartingWith("validation failed: ");
  }

  @Test
  void anActionTheCharmDoesNotDefineIsRefused() {
    assertThatThrownBy(() -> ctx.runAction(Events.action("dance"), State.empty()))
        .isInstanceOf(InconsistentStateException.class)
        .hasMessageContaining(
            "action \"dance\" not defined on unit \"demo/0\"; charm \"demo\" defines greet,"
                + " explode, refuse");
  }

  @Test
  void anActionCannotRunAsAHook() {
    assertThatThrownBy(() -> ctx.run(Events.action("greet"), State.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("runAction");
  }

  @Test
  void reportsEveryInconsistencyOfStateAndEventAtOnce() {
    RelationState bogus = RelationState.builder("website", "web").build();
    RelationState db = db();
    State state =
        State.builder()
            .config("colour", "blue")
            .config("port", "many")
            .relation(bogus)
            .relation(db)
            .openedPort(70000)
            .resource("missing", Path.of("x"))
            .build();

    InconsistentStateException failure =
        catchThrowableOfType(
            InconsistentStateException.class,
            () -> ctx.run(Events.relationJoined(db, "app/7"), state));

    assertThat(failure.problems())
        .extracting(problem -> problem.message())
        .containsExactlyInAnyOrder(
            "unknown option \"colour\" (charm \"demo\" declares options port, mode)",
            "option \"port\" expected int, got \"many\" (charm \"demo\" declares options port,"
                + " mode)",
            "relation website:"
                + bogus.id()
                + ": charm \"demo\" has no endpoint \"website\"; its endpoints are db,"
                + " certificates, cluster, juju-info",
            "event \"db-relation-joined\" is about unit app/7, which is not among the remote"
                + " units of relation db:"
                + db.id()
                + " [app/0, app/1]; add it with remoteUnit(\"app/7\", data)",
            "opened port \"70000/tcp\" is not a port in [1, 65535] with protocol tcp or udp",
            "charm \"demo\" declares no resource \"missing\"; its resources are snapshot");
  }

  @Test
  void rejectsRelationsThatContradictTheCharmsEndpoints() {
    RelationState peerAsRegular = RelationState.builder("cluster", "demo").build();
    RelationState regularAsPeer = RelationState.peerBuilder("db").build();
    RelationState certificates =
        RelationState.builder("certificates", "easyrsa").remoteUnits("vault/0").build();
    RelationState secondCertificates = RelationState.builder("certificates", "vault").build();

    InconsistentStateException failure =
        catchThrowableOfType(
            InconsistentStateException.class,
            () ->
                ctx.run(
                    Events.leaderSettingsChanged(),
                    State.builder()
                        .leader(true)
                        .relation(peerAsRegular)
                        .relation(regularAsPeer)
                        .relation(certificates)
                        .relation(secondCertificates)
                        .build()));

    assertThat(failure.problems())
        .extracting(problem -> problem.message())
        .containsExactlyInAnyOrder(
            "relation cluster:"
                + peerAsRegular.id()
                + " has remote application \"demo\", but endpoint \"cluster\" is a peer endpoint:"
                + " use RelationState.peerBuilder(\"cluster\")",
            "relation db:"
                + regularAsPeer.id()
                + " is built as a peer relation, but endpoint \"db\" is the provider side of"
                + " interface \"sql\": use RelationState.builder(\"db\", remoteApplication)",
            "relation certificates:"
                + certificates.id()
                + ": remote unit vault/0 is not a unit of \"easyrsa\"",
            "endpoint \"certificates\" accepts at most 1 relation, but the state has more",
            "leader-settings-changed runs only on units that do not lead: build the state with"
                + " leader(false)");
  }

  @Test
  void leaderElectedNeedsALeaderAndBrokenNeverRunsForPeers() {
    RelationState cluster = RelationState.peerBuilder("cluster").build();

    assertThatThrownBy(() -> ctx.run(Events.leaderElected(), State.empty()))
        .isInstanceOf(InconsistentStateException.class)
        .hasMessageContaining("leader-elected runs only on the leader");
    assertThatThrownBy(
            () ->
                ctx.run(Events.relationBroken(cluster), State.builder().relation(cluster).build()))
        .isInstanceOf(InconsistentStateException.class)
        .hasMessageContaining("relation-broken never runs for a peer relation");
  }

  @Test
  void anEventForARelationTheStateLacksIsRefused() {
    RelationState db = db();

    assertThatThrownBy(() -> ctx.run(Events.relationCreated(db), State.empty()))
        .isInstanceOf(InconsistentStateException.class)
        .hasMessageContaining(
            "event \"db-relation-created\" is about relation "
                + db.id()
                + ", which the state does not have; its relations are []");
  }

  @Test
  void runsAsAnotherUnitOfAnotherApplication() {
    CharmContext other = ctx.withUnit("shop/3");
    RelationState db = db();

    State after =
        other.run(Events.relationJoined(db, "app/0"), State.builder().relation(db).build());

    assertThat(other.unitName()).isEqualTo("shop/3");
    assertThat(after.relation("db").localUnitData()).containsEntry("port", "8080");
    assertThatThrownBy(() -> ctx.withUnit("shop"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("\"shop\" is not a unit name (application/number), such as etcd/0");
  }

  @Test
  void aCharmClassWithMetadataRunsWithoutPackaging() {
    CharmContext bare = CharmContext.of(DemoCharmWithoutTemplates.class, ctx.charm().meta());

    State after = bare.run(Events.install(), State.empty());

    assertThat(after.unitStatus()).isEqualTo(Status.maintenance("bare install"));
    assertThatThrownBy(() -> CharmContext.of(NoDefaultConstructor.class, ctx.charm().meta()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a public no-argument constructor");
  }

  /** A charm given by class, without templates. */
  public static final class DemoCharmWithoutTemplates implements dev.bosun.charm.Charm {
    @Override
    public void handle(dev.bosun.charm.HookContext hook) {
      hook.status().unit(Status.maintenance("bare install"));
    }
  }

  /** A charm class the kit cannot instantiate. */
  public static final class NoDefaultConstructor implements dev.bosun.charm.Charm {
    public NoDefaultConstructor(String unused) {}

    @Override
    public void handle(dev.bosun.charm.HookContext hook) {}
  }
}
