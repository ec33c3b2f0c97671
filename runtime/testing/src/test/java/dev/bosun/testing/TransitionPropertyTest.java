package dev.bosun.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.bosun.charm.CharmDefinition;
import dev.bosun.charm.CharmFiles;
import dev.bosun.charm.HookContext;
import dev.bosun.charm.Relation;
import dev.bosun.model.charm.CharmMeta;
import dev.bosun.model.charm.Endpoint;
import dev.bosun.model.charm.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Whatever a hook writes, the output state is the input with exactly those writes applied, in
 * order: the last write of a key wins, an empty value deletes it, and the bags the unit may not
 * write are left alone.
 */
class TransitionPropertyTest {
  private static final List<String> KEYS = List.of("a", "b", "c", "d");
  private static final List<String> VALUES = List.of("", "1", "2", "x y");

  private static final CharmMeta META =
      CharmMeta.builder("writer")
          .provides(Endpoint.of("db", Role.PROVIDER, "sql"))
          .peers(Endpoint.of("cluster", Role.PEER, "writer-peers"))
          .build();

  /** One write: a key of the unit bag, the application bag or the unit state, and a value. */
  record Write(int target, String key, String value) {}

  private static Gen<Write> writes() {
    return integers()
        .between(0, 2)
        .zip(
            integers().between(0, KEYS.size() - 1),
            integers().between(0, VALUES.size() - 1),
            (target, key, value) -> new Write(target, KEYS.get(key), VALUES.get(value)));
  }

  private static Gen<Map<String, String>> bags() {
    return lists()
        .of(integers().between(0, KEYS.size() - 1).zip(integers().between(1, 3), List::of))
        .ofSizeBetween(0, 4)
        .map(
            entries -> {
              Map<String, String> bag = new TreeMap<>();
              entries.forEach(entry -> bag.put(KEYS.get(entry.get(0)), VALUES.get(entry.get(1))));
              return bag;
            });
  }

  private static void apply(HookContext ctx, List<Write> writes) {
    Relation db = ctx.relation("db").orElseThrow();
    for (Write write : writes) {
      switch (write.target()) {
        case 0 -> db.localUnitData().put(write.key(), write.value());
        case 1 -> db.applicationData().put(write.key(), write.value());
        default -> {
          if (write.value().isEmpty()) {
            ctx.state().delete(write.key());
          } else {
            ctx.state().set(write.key(), write.value());
          }
        }
      }
    }
  }

  private static Map<String, String> expected(
      Map<String, String> before, List<Write> writes, int target) {
    Map<String, String> bag = new LinkedHashMap<>(before);
    for (Write write : writes) {
      if (write.target() == target) {
        if (write.value().isEmpty()) {
          bag.remove(write.key());
        } else {
          bag.put(write.key(), write.value());
        }
      }
    }
    return new TreeMap<>(bag);
  }

  @Test
  void theOutputStateIsTheInputWithTheHooksWritesApplied() {
    qt().forAll(bags(), bags(), lists().of(writes()).ofSizeBetween(0, 12))
        .checkAssert(
            (unitBag, appBag, writes) -> {
              CharmDefinition charm =
                  new CharmDefinition(
                      META, () -> ctx -> apply(ctx, writes), CharmFiles.of("writer", Map.of()));
              RelationState db =
                  RelationState.builder("db", "app")
                      .remoteUnit("app/0", Map.of("k", "v"))
                      .localUnitData(unitBag)
                      .localApplicationData(appBag)
                      .build();
              State before = State.builder().leader(true).relation(db).unitState(unitBag).build();

              State after = CharmContext.of(charm).run(Events.relationChanged(db, "app/0"), before);

              State expected =
                  before.toBuilder()
                      .relation(
                          new RelationState(
                              db.id(),
                              "db",
                              "app",
                              false,
                              db.remoteUnits(),
                              Map.of(),
                              expected(unitBag, writes, 0),
                              expected(appBag, writes, 1)))
                      .build();
              assertThat(after)
                  .isEqualTo(
                      new State(
                          expected.leader(),
                          expected.config(),
                          expected.relations(),
                          expected(unitBag, writes, 2),
                          expected.unitStatus(),
                          expected.applicationStatus(),
                          expected.openedPorts(),
                          expected.resources()));
            });
  }
}
