package dev.bosun.runtime.internal.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.maps;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hand-written codec writes what the object mapper writes and reads back. */
class FastCodecTest {

  private static <T> T roundTrip(T document, Class<T> type) throws Exception {
    byte[] fast = FastCodec.encode(document);
    assertThat(fast).isNotNull();
    assertThat(Json.mapper().readTree(fast))
        .isEqualTo(Json.mapper().readTree(Json.mapper().writeValueAsBytes(document)));
    return Json.mapper().readValue(fast, type);
  }

  @Test
  void agentDocumentsRoundTrip() throws Exception {
    Documents.Agent agent =
        new Documents.Agent(
            "run-hook",
            "pending",
            new Documents.Hook("relation-joined", 4, "db", "mysql/0", "mysql", null),
            null,
            true,
            false,
            false,
            false,
            true,
            false,
            "abc",
            2,
            7,
            12,
            new Documents.UnitStatus(
                new Documents.StatusValue("active", "ready \"quoted\"", 5),
                new Documents.StatusValue("executing", "running install hook", 6),
                List.of("80/tcp"),
                9));
    assertThat(roundTrip(agent, Documents.Agent.class)).isEqualTo(agent);
    Documents.Agent minimal =
        new Documents.Agent(
            "continue",
            null,
            null,
            3L,
            false,
            false,
            false,
            false,
            false,
            false,
            null,
            0,
            0,
            0,
            null);
    assertThat(roundTrip(minimal, Documents.Agent.class)).isEqualTo(minimal);
  }

  @Test
  void entriesAndRelationStateRoundTrip() throws Exception {
    Documents.LogEntry log =
        new Documents.LogEntry(
            3, "db-relation-changed", 2, null, 10, 20, "FAILED", "boom\n", false);
    assertThat(roundTrip(log, Documents.LogEntry.class)).isEqualTo(log);
    Documents.HistoryEntry history = new Documents.HistoryEntry("workload", "active", "", 4);
    assertThat(roundTrip(history, Documents.HistoryEntry.class)).isEqualTo(history);
    Documents.Local local = new Documents.Local(true, 3, "app/1");
    assertThat(roundTrip(local, Documents.Local.class)).isEqualTo(local);
  }

  @Test
  void bagsRoundTripThroughBothCodecs() {
    qt().forAll(
            longs().between(0, 1_000_000),
            booleans().all(),
            maps()
                .of(
                    strings().betweenCodePoints(0, 0xD7FF).ofLengthBetween(0, 8),
                    strings().betweenCodePoints(0, 0xD7FF).ofLengthBetween(0, 12))
                .ofSizeBetween(0, 6))
        .checkAssert(
            (version, in, data) -> {
              Documents.Bag bag = new Documents.Bag(version, in, !in, data);
              try {
                Documents.Bag viaFast = FastCodec.decodeBag(FastCodec.encode(bag));
                Documents.Bag viaMapper = FastCodec.decodeBag(Json.mapper().writeValueAsBytes(bag));
                assertThat(viaFast).isEqualTo(bag);
                assertThat(viaMapper).isEqualTo(bag);
                assertThat(Json.mapper().readValue(FastCodec.encode(bag), Documents.Bag.class).d())
                    .isEqualTo(Map.copyOf(data));
              } catch (Exception e) {
                throw new AssertionError(e);
              }
            });
  }
}
