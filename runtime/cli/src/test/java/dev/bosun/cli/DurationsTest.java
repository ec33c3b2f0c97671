package dev.bosun.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void readsJujuStyleDurationsAndWritesThemBack() {
    assertThat(Durations.parse("500ms", "--wait")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("30s", "--wait")).isEqualTo(Duration.ofSeconds(30));
    assertThat(Durations.parse("5m", "--wait")).isEqualTo(Duration.ofMinutes(5));
    assertThat(Durations.parse("2h", "--wait")).isEqualTo(Duration.ofHours(2));
    assertThat(Durations.format(Duration.ofMinutes(10))).isEqualTo("10m");
    assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
  }

  @Test
  void rejectsAnythingElseNamingTheOption() {
    assertThatThrownBy(() -> Durations.parse("soon", "--timeout"))
        .isInstanceOf(UsageException.class)
        .hasMessage("--timeout expects a duration such as 30s, 5m or 1h, got \"soon\"");
  }

  @Test
  void groupsPortsByProtocolAsJujuStatusDoes() {
    assertThat(Ports.group(java.util.List.of("80/tcp", "443/tcp", "53/udp")))
        .isEqualTo("80,443/tcp 53/udp");
    assertThat(Ports.group(java.util.List.of())).isEmpty();
  }
}
