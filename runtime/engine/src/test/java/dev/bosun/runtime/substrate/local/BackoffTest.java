package dev.bosun.runtime.substrate.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final Backoff backoff =
      new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(10));

  @Test
  void delaysDoubleUpToTheMaximumWhileTheServiceCrashesQuickly() {
    List<Duration> delays = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      delays.add(backoff.afterCrash(Duration.ofSeconds(1)));
    }

    assertThat(delays)
        .containsExactly(
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(8),
            Duration.ofSeconds(16),
            Duration.ofSeconds(30),
            Duration.ofSeconds(30),
            Duration.ofSeconds(30));
  }

  @Test
  void aServiceThatRanStablyStartsAgainFromTheInitialDelay() {
    backoff.afterCrash(Duration.ZERO);
    backoff.afterCrash(Duration.ZERO);
    backoff.afterCrash(null);

    assertThat(backoff.afterCrash(Duration.ofSeconds(10))).isEqualTo(Duration.ofMillis(500));
    assertThat(backoff.afterCrash(Duration.ofSeconds(9))).isEqualTo(Duration.ofSeconds(1));
  }
}
