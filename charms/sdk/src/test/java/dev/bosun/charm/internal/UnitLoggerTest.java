package dev.bosun.charm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bosun.charm.fake.RecordingLogs;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.event.Level;

class UnitLoggerTest {

  @Test
  void putsTheUnitAndHookInFrontOfEveryMessageAndKeepsTheLoggerName() {
    RecordingLogs.clear();
    Logger logger =
        new UnitLogger(
            new RecordingLogs.RecordingLogger("bosun.unit.etcd"), "etcd/0", "config-changed");

    logger.info("port {} on {}", 2379, "10.0.0.1");
    logger.warn("plain");
    logger.error("failed", new IllegalStateException("x"));

    assertThat(logger.getName()).isEqualTo("bosun.unit.etcd");
    assertThat(RecordingLogs.entries())
        .extracting(RecordingLogs.Entry::level, RecordingLogs.Entry::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Level.INFO, "etcd/0 config-changed: port 2379 on 10.0.0.1"),
            org.assertj.core.groups.Tuple.tuple(Level.WARN, "etcd/0 config-changed: plain"),
            org.assertj.core.groups.Tuple.tuple(Level.ERROR, "etcd/0 config-changed: failed"));
    assertThat(RecordingLogs.entries()).allSatisfy(e -> assertThat(e.mdc()).isEqualTo(Map.of()));
  }

  @Test
  void charmsGetThePlainLoggerWhenTheBindingKeepsAnMdc() {
    Logger plain = new RecordingLogs.RecordingLogger("bosun.unit.etcd");

    assertThat(UnitLogger.forHook(plain, "etcd/0", "install")).isSameAs(plain);
  }
}
