package dev.bosun.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bosun.charm.Status;
import dev.bosun.model.spec.ModelSpec;
import dev.bosun.runtime.store.KeyValue;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Application-owned secrets: written by the leader with its hook, read by every unit, kept across
 * runtime restarts and leader changes, stored under their own key and shown nowhere else.
 */
class ApplicationSecretsTest {
  private static final String KEY_MATERIAL = "-----BEGIN PRIVATE KEY-----very-secret";
  private final Harness h = new Harness();
  private final Map<String, Optional<Map<String, String>>> seen = new ConcurrentHashMap<>();

  @AfterEach
  void close() {
    h.close();
  }

  private void deploy(int units) {
    h.client.always(
        ctx -> {
          if (ctx.isLeader() && ctx.secrets().get("ca").isEmpty()) {
            ctx.secrets().set("ca", Map.of("private-key", KEY_MATERIAL, "owner", ctx.unitName()));
          }
          seen.put(ctx.unitName(), ctx.secrets().get("ca"));
          ctx.status().unit(Status.active("secret " + ctx.secrets().get("ca")));
        });
    h.apply(ModelSpec.builder().application("client", app -> app.units(units)).build());
    h.settled();
  }

  @Test
  void theLeaderSetsASecretEveryUnitReadsIt() {
    deploy(3);
    h.advance(Duration.ofMinutes(6)); // update-status: every unit runs a hook after the commit

    for (String unit : new String[] {"client/0", "client/1", "client/2"}) {
      assertThat(seen.get(unit)).as(unit).isPresent();
      assertThat(seen.get(unit).get())
          .containsEntry("private-key", KEY_MATERIAL)
          .containsEntry("owner", "client/0");
    }
  }

  @Test
  void aSecretIsStoredUnderItsOwnKeyAndNeverInStatusOrRelationData() {
    deploy(2);

    Optional<KeyValue> stored = h.store.get("m/secret/client");
    assertThat(stored).isPresent();
    assertThat(new String(stored.get().value(), UTF_8)).contains("private-key");
    for (KeyValue kv : h.store.range("m/").entries()) {
      if (!kv.key().equals("m/secret/client")) {
        assertThat(new String(kv.value(), UTF_8)).as(kv.key()).doesNotContain("very-secret");
      }
    }
    assertThat(h.runtime.status().toString()).doesNotContain("very-secret");
    assertThat(h.runtime.status().unit("client/0").orElseThrow().workload().message())
        .isEqualTo("secret Optional[{<redacted: 2 keys>}]");
  }

  @Test
  void aSecretSurvivesARuntimeRestartAndALeaderChange() {
    deploy(2);
    h.restart();
    h.runtime.stopUnitAgent("client/0");
    h.advance(Duration.ofSeconds(61));
    h.advance(Duration.ofMinutes(6));

    assertThat(seen.get("client/1")).isPresent();
    assertThat(seen.get("client/1").get()).containsEntry("owner", "client/0");
  }

  @Test
  void aNonLeaderCannotSetASecretAndItsHookFails() {
    h.client.on(
        "install",
        ctx -> {
          if (!ctx.isLeader()) {
            assertThatThrownBy(() -> ctx.secrets().set("ca", Map.of("k", "v")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                    ctx.unitName() + " is not the leader and cannot set application secret \"ca\"");
            seen.put(ctx.unitName(), Optional.of(Map.of("refused", "yes")));
          }
        });
    deploy(2);

    assertThat(seen.get("client/1").get()).containsEntry("owner", "client/0");
  }

  @Test
  void removingTheApplicationDeletesItsSecrets() {
    deploy(1);
    assertThat(h.store.get("m/secret/client")).isPresent();

    h.runtime.removeApplication("client");
    h.settled();

    assertThat(h.store.get("m/secret/client")).isEmpty();
  }
}
