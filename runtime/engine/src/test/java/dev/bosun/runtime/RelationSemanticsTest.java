package dev.bosun.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.bosun.charm.RelationDataAccessException;
import dev.bosun.model.spec.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Juju's relation guarantees (§4.2, §5.1): hook order, own writes, databag access. */
class RelationSemanticsTest {

  private static ModelSpec related(int servers, int clients) {
    return ModelSpec.builder()
        .application("server", app -> app.units(servers))
        .application("client", app -> app.units(clients))
        .relate("client:db", "server:db")
        .build();
  }

  private static List<String> units(int servers, int clients) {
    List<String> units = new ArrayList<>();
    for (int i = 0; i < servers; i++) {
      units.add("server/" + i);
    }
    for (int i = 0; i < clients; i++) {
      units.add("client/" + i);
    }
    return units;
  }

  @Test
  void joinedIsAlwaysImmediatelyFollowedByChangedAndBrokenNeverHitsPeers() {
    qt().withExamples(12)
        .forAll(integers().between(1, 3), integers().between(1, 4), booleans().all())
        .checkAssert(
            (servers, clients, writes) -> {
              try (Harness h = new Harness()) {
                if (writes) {
                  h.client.on(
                      "db-relation-joined",
                      ctx -> ctx.relations("db").get(0).localUnitData().put("hello", "1"));
                  h.server.on(
                      "db-relation-joined",
                      ctx -> ctx.relations("db").get(0).localUnitData().put("port", "5432"));
                }
                h.apply(related(servers, clients));
                h.settled();
                h.runtime.addUnits("client", 1);
                h.settled();
                h.runtime.removeUnits("client/0");
                h.settled();
                h.runtime.removeRelation("client", "server");
                h.settled();
                Logs.checkGuarantees(
                    h.runtime, units(servers, clients + 1), List.of("p", "cluster"));
              }
            });
  }

  @Test
  void aUnitNeverGetsRelationChangedForItsOwnWrites() {
    try (Harness h = new Harness()) {
      // Every relation-changed writes the unit's own bag again; if that woke the unit itself, it
      // would never settle.
      h.client.on(
          "db-relation-changed",
          ctx -> {
            var data = ctx.relations("db").get(0).localUnitData();
            int count = Integer.parseInt(data.get("count").orElse("0"));
            data.put("count", Integer.toString(count + 1));
          });
      h.apply(related(1, 1));
      h.settled();

      assertThat(h.hooks("client/0"))
          .filteredOn(hook -> hook.startsWith("db-relation-changed"))
          .containsExactly("db-relation-changed server/0");
      assertThat(h.hooks("server/0"))
          .filteredOn(hook -> hook.startsWith("db-relation-changed"))
          .isNotEmpty()
          .allMatch(hook -> hook.equals("db-relation-changed client/0"));
    }
  }

  @Test
  void thePeerLeaderDoesNotSeeItsOwnApplicationBagWritesButTheOtherPeersDo() {
    try (Harness h = new Harness()) {
      h.client.on(
          "config-changed",
          ctx -> {
            if (ctx.isLeader()) {
              ctx.relations("p")
                  .get(0)
                  .applicationData()
                  .put("token", ctx.config().string("greeting"));
            }
          });
      h.apply(related(1, 3));
      h.settled();
      h.mark("client/0", "client/1", "client/2");

      h.runtime.setConfig("client", Map.of("greeting", "hello"));
      h.settled();

      assertThat(h.since("client/0")).containsExactly("config-changed");
      assertThat(h.since("client/1")).containsExactly("config-changed", "p-relation-changed");
      assertThat(h.since("client/2")).containsExactly("config-changed", "p-relation-changed");
      assertThat(h.hooks("client/0")).doesNotContain("p-relation-changed");
    }
  }

  @Test
  void aNonLeaderWritingApplicationDataFailsItsHook() {
    try (Harness h = new Harness()) {
      h.apply(related(1, 2));
      h.settled();
      h.mark("client/0", "client/1", "server/0");
      h.client.on(
          "config-changed", ctx -> ctx.relations("db").get(0).applicationData().put("x", "y"));

      h.runtime.setConfig("client", Map.of("greeting", "hello"));
      SettleResult result = h.settle();

      assertThat(result.settled()).isFalse();
      assertThat(result.errors())
          .containsExactly(Map.entry("client/1", "hook failed: \"config-changed\""));
      assertThat(h.since("client/0")).containsExactly("config-changed");
      assertThat(h.since("client/1")).containsExactly("config-changed FAILED");
      HookRecord failed =
          h.runtime.hookLog("client/1").get(h.runtime.hookLog("client/1").size() - 1);
      assertThat(failed.error())
          .contains("client/1 is not leader and cannot write application data.");
      assertThat(h.since("server/0")).containsExactly("db-relation-changed");
      UnitStatus minion = h.runtime.status().unit("client/1").orElseThrow();
      assertThat(minion.workload().current()).isEqualTo("error");
      assertThat(minion.workload().message()).isEqualTo("hook failed: \"config-changed\"");
      assertThat(minion.agent().current()).isEqualTo("idle");
    }
  }

  @Test
  void aNonLeaderCannotReadItsOwnApplicationBagInARegularRelationButCanInAPeerRelation() {
    try (Harness h = new Harness()) {
      Map<String, String> seen = new ConcurrentHashMap<>();
      h.client.on(
          "config-changed",
          ctx -> {
            try {
              seen.put(
                  ctx.unitName() + " db",
                  "read " + ctx.relations("db").get(0).applicationData().asMap());
            } catch (RelationDataAccessException e) {
              seen.put(ctx.unitName() + " db", e.getMessage());
            }
            seen.put(
                ctx.unitName() + " p",
                "read " + ctx.relations("p").get(0).applicationData().asMap());
          });
      h.apply(related(1, 2));
      h.settled();
      h.runtime.setConfig("client", Map.of("greeting", "again"));
      h.settled();

      assertThat(seen)
          .containsEntry("client/0 db", "read {}")
          .containsEntry(
              "client/1 db", "client/1 is not leader and cannot read its own application databag")
          .containsEntry("client/0 p", "read {}")
          .containsEntry("client/1 p", "read {}");
    }
  }

  @Test
  void remoteUnitsAndTheirDataAreVisibleOnlyOnceTheyJoined() {
    try (Harness h = new Harness()) {
      Map<String, String> seen = new ConcurrentHashMap<>();
      h.server.on(
          "db-relation-created",
          ctx -> ctx.relations("db").get(0).localUnitData().put("port", "5432"));
      h.client.on(
          "db-relation-joined",
          ctx -> {
            var relation = ctx.relations("db").get(0);
            seen.put("units", relation.units().toString());
            seen.put("port", relation.unitData("server/0").get("port").orElse("none"));
            seen.put(
                "address", relation.unitData("server/0").get("private-address").orElse("none"));
          });
      h.apply(related(1, 1));
      h.settled();

      assertThat(seen)
          .containsEntry("units", "[server/0]")
          .containsEntry("port", "5432")
          .containsEntry("address", h.runtime.status().unit("server/0").orElseThrow().address());
    }
  }

  @Test
  void aDepartedUnitsDataStaysReadableInItsDepartedHook() {
    try (Harness h = new Harness()) {
      Map<String, String> seen = new ConcurrentHashMap<>();
      h.client.on(
          "db-relation-created",
          ctx -> ctx.relations("db").get(0).localUnitData().put("name", ctx.unitName()));
      h.server.on(
          "db-relation-departed",
          ctx -> {
            var relation = ctx.relations("db").get(0);
            seen.put("units", relation.units().toString());
            seen.put("name", relation.unitData("client/1").get("name").orElse("none"));
          });
      h.apply(related(1, 2));
      h.settled();
      h.runtime.removeUnits("client/1");
      h.settled();

      assertThat(seen).containsEntry("units", "[client/0]").containsEntry("name", "client/1");
    }
  }
}
