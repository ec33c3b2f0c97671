package dev.bosun.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bosun.charm.CharmCatalog;
import dev.bosun.model.charm.CharmMeta;
import dev.bosun.model.charm.Endpoint;
import dev.bosun.model.charm.ResourceMeta;
import dev.bosun.model.charm.Role;
import dev.bosun.model.spec.ModelSpec;
import dev.bosun.runtime.substrate.local.AttachedResource;
import dev.bosun.runtime.substrate.local.LocalSubstrate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On the local substrate, {@code ctx.resource(name)} is the file attached to the application. */
class AttachedResourceTest {
  @TempDir Path temp;

  /**
   * The client test charm declaring a file resource {@code payload}, as its metadata.yaml would.
   */
  private static CharmMeta withPayload() {
    return CharmMeta.builder("client")
        .requires(Endpoint.of("db", Role.REQUIRER, "sql"))
        .resource(new ResourceMeta("payload", "file", "payload.bin", "a test payload"))
        .build();
  }

  @Test
  void hooksSeeTheFileAttachedToTheirApplicationFromTheirNextHookOn() throws Exception {
    ManualClock clock = new ManualClock();
    Script client = new Script();
    Map<String, Optional<Path>> seen = new ConcurrentHashMap<>();
    client.always(ctx -> seen.put(ctx.unitName(), ctx.resource("payload")));
    try (LocalSubstrate substrate = LocalSubstrate.open(temp.resolve("machines"));
        Runtime runtime =
            Runtime.builder()
                .substrate(substrate)
                .clock(clock)
                .settings(RuntimeSettings.deterministic(7))
                .charms(
                    CharmCatalog.builder().add(TestCharms.define(withPayload(), client)).build())
                .build()) {
      runtime.apply(ModelSpec.builder().application("client", app -> app.units(1)).build());
      runtime.awaitSettled(Duration.ofSeconds(30));
      Optional<Path> before = seen.get("client/0");
      Path file = temp.resolve("payload.bin");
      Files.writeString(file, "payload v1", StandardCharsets.UTF_8);

      AttachedResource attached = substrate.resources().attach("client", "payload", file);
      clock.advance(Duration.ofMinutes(6)); // update-status: the unit's next hook
      runtime.awaitSettled(Duration.ofSeconds(30));

      assertThat(before).isEmpty();
      assertThat(seen.get("client/0")).contains(attached.path());
      assertThat(Files.readString(attached.path())).isEqualTo("payload v1");
      assertThat(runtime.hookLog("client/0").get(runtime.hookLog("client/0").size() - 1).hook())
          .isEqualTo("update-status");
    }
  }
}
