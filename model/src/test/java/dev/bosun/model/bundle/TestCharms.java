package dev.bosun.model.bundle;

import dev.bosun.model.charm.CharmMeta;
import dev.bosun.model.charm.CharmRepository;
import dev.bosun.model.charm.ConfigOption;
import dev.bosun.model.charm.ConfigSchema;
import dev.bosun.model.charm.Endpoint;
import dev.bosun.model.charm.OptionType;
import dev.bosun.model.charm.Role;
import dev.bosun.model.charm.Scope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Charm metadata for tests: the five Kubernetes charms of {@code charms/}, and Juju's compact test
 * charms built in Java ({@code testCharm("test", "prova:a provb:b | reqa:a reqb:b")}).
 */
public final class TestCharms {
  private TestCharms() {}

  private static CharmRepository kubernetes;

  /**
   * The five Kubernetes charms, read from {@code charms/} at the repository root by the real charm
   * reader, so tests check bundles against the metadata Bosun ships.
   */
  public static synchronized CharmRepository kubernetes() {
    if (kubernetes == null) {
      kubernetes = CharmRepository.directories(List.of(repositoryRoot().resolve("charms")));
    }
    return kubernetes;
  }

  /**
   * Returns one of the five Kubernetes charms of {@code charms/} by name.
   *
   * @throws java.util.NoSuchElementException when there is no such charm
   */
  public static CharmMeta kubernetesCharm(String name) {
    return kubernetes().find(name).orElseThrow();
  }

  /**
   * Returns the repository root: the nearest directory, from the working directory up, that holds
   * {@code charms/} and {@code bundles/}.
   */
  public static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("charms")) && Files.isDirectory(dir.resolve("bundles"))) {
        return dir;
      }
    }
    throw new IllegalStateException("run the tests inside the Bosun repository");
  }

  /**
   * Juju's compact test charm: {@code "prova:a provb:b | reqa:a reqb:b"} declares providers before
   * the bar and requirers after it, each {@code name:interface}; a name ending in {@code -sub}
   * makes a subordinate. Options: {@code title} (string, default "My Title") and {@code
   * skill-level} (int).
   */
  public static CharmMeta testCharm(String name, String relations) {
    String[] parts = relations.split("\\|", -1);
    CharmMeta.Builder builder =
        CharmMeta.builder(name)
            .subordinate(name.endsWith("-sub"))
            .config(
                ConfigSchema.of(
                    Map.of(
                        "title",
                        new ConfigOption("title", OptionType.STRING, "title", "My Title"),
                        "skill-level",
                        new ConfigOption("skill-level", OptionType.INT, "skill", null))));
    for (String spec : parts[0].trim().split("\\s+")) {
      if (!spec.isEmpty()) {
        String[] pair = spec.split(":");
        builder.provides(Endpoint.of(pair[0], Role.PROVIDER, pair[1]));
      }
    }
    if (parts.length > 1) {
      for (String spec : parts[1].trim().split("\\s+")) {
        if (!spec.isEmpty()) {
          String[] pair = spec.split(":");
          builder.requires(Endpoint.of(pair[0], Role.REQUIRER, pair[1]));
        }
      }
    }
    return builder.build();
  }

  /** Returns a container-scoped endpoint with no limit. */
  public static Endpoint container(String name, Role role, String interfaceName) {
    return new Endpoint(name, role, interfaceName, Scope.CONTAINER, 0, false);
  }
}
