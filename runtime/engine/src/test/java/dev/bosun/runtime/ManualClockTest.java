package dev.bosun.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualClockTest {

  @Test
  void onlyMovesWhenAdvanced() {
    ManualClock clock = new ManualClock();
    Instant start = clock.instant();
    assertThat(clock.instant()).isEqualTo(start);
    clock.advance(Duration.ofSeconds(5));
    assertThat(clock.instant()).isEqualTo(start.plusSeconds(5));
  }

  @Test
  void runsAlarmsInTimeOrderWithTheClockReadingTheirInstant() {
    ManualClock clock = new ManualClock();
    Instant start = clock.instant();
    List<String> fired = new ArrayList<>();
    clock.schedule(start.plusSeconds(30), () -> fired.add("30@" + clock.instant()));
    clock.schedule(start.plusSeconds(10), () -> fired.add("10@" + clock.instant()));
    clock.schedule(start.plusSeconds(10), () -> fired.add("10b@" + clock.instant()));
    clock.advance(Duration.ofSeconds(20));
    assertThat(fired)
        .containsExactly("10@" + start.plusSeconds(10), "10b@" + start.plusSeconds(10));
    clock.advance(Duration.ofSeconds(20));
    assertThat(fired).hasSize(3).last().isEqualTo("30@" + start.plusSeconds(30));
    assertThat(clock.instant()).isEqualTo(start.plusSeconds(40));
  }

  @Test
  void alarmsScheduledByAlarmsRunInTheSameAdvance() {
    ManualClock clock = new ManualClock();
    Instant start = clock.instant();
    List<Instant> fired = new ArrayList<>();
    Runnable[] renew = new Runnable[1];
    renew[0] =
        () -> {
          fired.add(clock.instant());
          clock.schedule(clock.instant().plusSeconds(30), renew[0]);
        };
    clock.schedule(start.plusSeconds(30), renew[0]);
    clock.advance(Duration.ofMinutes(2));
    assertThat(fired)
        .containsExactly(
            start.plusSeconds(30),
            start.plusSeconds(60),
            start.plusSeconds(90),
            start.plusSeconds(120));
  }

  @Test
  void cancelledAlarmsDoNotRun() {
    ManualClock clock = new ManualClock();
    List<String> fired = new ArrayList<>();
    ManualClock.Alarm alarm = clock.schedule(clock.instant().plusSeconds(1), () -> fired.add("x"));
    alarm.cancel();
    clock.advance(Duration.ofSeconds(2));
    assertThat(fired).isEmpty();
  }

  @Test
  void refusesToGoBackwards() {
    ManualClock clock = new ManualClock();
    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> clock.advanceTo(clock.instant().minusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
