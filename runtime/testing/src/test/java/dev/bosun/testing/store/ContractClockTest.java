package dev.bosun.testing.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bosun.runtime.ManualClock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ContractClockTest {

  @Test
  void aManualClockMovesOnlyWhenAdvanced() {
    ContractClock clock = ContractClock.manual();
    assertThat(clock.isManual()).isTrue();
    assertThat(clock.clock()).isInstanceOf(ManualClock.class);
    assertThat(clock.timeToLive()).isEqualTo(ContractClock.MANUAL_TIME_TO_LIVE);
    long start = clock.clock().millis();
    clock.advance(Duration.ofSeconds(90));
    assertThat(clock.clock().millis() - start).isEqualTo(90_000);
  }

  @Test
  void awaitingOnAManualClockRunsAlarmsThatFellDueLate() {
    ContractClock clock = ContractClock.manual();
    ManualClock manual = (ManualClock) clock.clock();
    AtomicInteger ran = new AtomicInteger();
    manual.schedule(manual.instant().minusSeconds(1), ran::incrementAndGet);
    clock.await("the late alarm runs", () -> ran.get() == 1);
    assertThat(ran).hasValue(1);
  }

  @Test
  void awaitFailsClearlyWhenTheConditionNeverHolds() {
    assertThatThrownBy(() -> Eventually.await("pigs fly", Duration.ofMillis(20), () -> false))
        .isInstanceOf(AssertionError.class)
        .hasMessage("waited PT0.02S in vain until pigs fly");
  }

  @Test
  void theWallClockWaitsLongerTheLongerLeasesLive() {
    ContractClock clock = ContractClock.wall(Duration.ofSeconds(2));
    assertThat(clock.isManual()).isFalse();
    assertThat(clock.awaitTimeout()).isEqualTo(ContractClock.PROMPT.plusSeconds(4));
    assertThatThrownBy(() -> ContractClock.wall(Duration.ofMillis(10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 100 ms");
  }
}
