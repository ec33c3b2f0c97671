package dev.bosun.charm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bosun.charm.event.ConfigChanged;
import dev.bosun.charm.fake.FakeBackend;
import dev.bosun.charm.fake.TestCharms;
import dev.bosun.charm.spi.HookOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The application's secrets as a hook sees them: buffered, leader-written, redacted. */
class ApplicationSecretsTest {
  private static final String VALUE = "-----BEGIN PRIVATE KEY-----abc";

  private static HookOutcome run(boolean leader, Consumer<HookContext> body) {
    return FakeBackend.builder(TestCharms.etcd(body::accept), new ConfigChanged())
        .leader(leader)
        .run();
  }

  @Test
  void theLeaderSetsASecretThatTheHookReadsBackAndTheChangesCarry() {
    List<Optional<Map<String, String>>> read = new ArrayList<>();
    HookOutcome outcome =
        run(
            true,
            ctx -> {
              read.add(ctx.secrets().get("ca"));
              ctx.secrets().set("ca", Map.of("private-key", VALUE));
              read.add(ctx.secrets().get("ca"));
            });

    assertThat(outcome.succeeded()).isTrue();
    assertThat(read.get(0)).isEmpty();
    assertThat(read.get(1).orElseThrow()).containsExactly(Map.entry("private-key", VALUE));
    assertThat(outcome.changes().applicationSecrets())
        .containsOnlyKeys("ca")
        .extractingByKey("ca")
        .isEqualTo(Map.of("private-key", VALUE));
    assertThat(outcome.changes().isEmpty()).isFalse();
  }

  @Test
  void secretsAreRedactedInEveryToString() {
    List<String> printed = new ArrayList<>();
    HookOutcome outcome =
        run(
            true,
            ctx -> {
              ctx.secrets().set("ca", Map.of("private-key", VALUE, "certificate", "pem"));
              printed.add(String.valueOf(ctx.secrets().get("ca")));
            });

    assertThat(printed).containsExactly("Optional[{<redacted: 2 keys>}]");
    assertThat(outcome.changes().toString())
        .contains("applicationSecrets={ca=<redacted: 2 keys>}")
        .doesNotContain("BEGIN");
  }

  @Test
  void aNonLeaderCannotSetASecretAndAFailedHookCommitsNone() {
    HookOutcome outcome = run(false, ctx -> ctx.secrets().set("ca", Map.of("k", "v")));

    assertThat(outcome.succeeded()).isFalse();
    assertThat(outcome.failure())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("etcd/0 is not the leader and cannot set application secret \"ca\"");
    assertThat(outcome.changes().applicationSecrets()).isEmpty();
  }

  @Test
  void badLabelsKeysAndValuesAreRefusedWithoutShowingTheValue() {
    HookOutcome badLabel = run(true, ctx -> ctx.secrets().set("CA key", Map.of("k", "v")));
    HookOutcome badKey = run(true, ctx -> ctx.secrets().set("ca", Map.of("Key", VALUE)));
    HookOutcome empty = run(true, ctx -> ctx.secrets().set("ca", Map.of("key", "")));

    assertThat(badLabel.failure()).hasMessageContaining("is not a valid secret label");
    assertThat(badKey.failure()).hasMessageContaining("key \"Key\" is not valid");
    assertThat(badKey.failure().getMessage()).doesNotContain("BEGIN");
    assertThat(empty.failure()).hasMessageContaining("key \"key\" has an empty value");
  }
}
