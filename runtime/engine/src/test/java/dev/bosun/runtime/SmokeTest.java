package dev.bosun.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bosun.model.spec.ModelSpec;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void deploysAndSettles() {
    try (Harness h = new Harness()) {
      h.apply(
          ModelSpec.builder()
              .application("server", app -> app.units(1))
              .application("client", app -> app.units(2))
              .relate("client:db", "server:db")
              .build());
      SettleResult result = h.settle();
      System.err.println(result);
      for (String unit : new String[] {"server/0", "client/0", "client/1"}) {
        System.err.println(unit + " " + h.hooks(unit));
      }
      System.err.println(h.runtime.status());
      assertThat(result.settled()).isTrue();
    }
  }
}
