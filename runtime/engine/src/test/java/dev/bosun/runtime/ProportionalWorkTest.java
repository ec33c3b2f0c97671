package dev.bosun.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bosun.model.spec.ModelSpec;
import dev.bosun.runtime.store.WatchEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Work is proportional to the change: a new unit touches only itself and its counterparts. */
class ProportionalWorkTest {

  @Test
  void addingOneUnitToASettledModelRunsHooksOnlyOnItAndItsCounterparts() {
    try (Harness h = new Harness()) {
      h.apply(
          ModelSpec.builder()
              .application("server", app -> app.units(1))
              .application("client", app -> app.units(5))
              .application("other", app -> app.charm("client").units(2))
              .application("plain", app -> app.units(3))
              .relate("client:db", "server:db")
              .relate("other:db", "server:db")
              .build());
      h.settled();
      List<String> bystanders = List.of("other/0", "other/1", "plain/0", "plain/1", "plain/2");
      List<String> counterparts =
          List.of("client/0", "client/1", "client/2", "client/3", "client/4", "server/0");
      List<String> all = new ArrayList<>(bystanders);
      all.addAll(counterparts);
      h.mark(all.toArray(String[]::new));
      List<String> touched = new CopyOnWriteArrayList<>();
      h.store.watch(
          "m/",
          h.store.revision() + 1,
          (revision, events) -> events.stream().map(WatchEvent::key).forEach(touched::add));

      h.runtime.addUnits("client", 1);
      SettleResult result = h.settled();

      for (String bystander : bystanders) {
        assertThat(h.since(bystander)).as(bystander).isEmpty();
      }
      for (int i = 0; i < 5; i++) {
        assertThat(h.since("client/" + i))
            .containsExactly("p-relation-joined client/5", "p-relation-changed client/5");
      }
      assertThat(h.since("server/0"))
          .containsExactly("db-relation-joined client/5", "db-relation-changed client/5");
      assertThat(h.hooks("client/5")).hasSize(6 + 5 * 2 + 2);
      assertThat(result.hooksRun()).isEqualTo(18 + 5 * 2 + 2);
      assertThat(touched).isNotEmpty();
      assertThat(touched)
          .noneMatch(key -> key.contains("/other/") || key.contains("/plain/"))
          .noneMatch(key -> key.startsWith("m/app/other") || key.startsWith("m/app/plain"));
    }
  }
}
