package dev.bosun.benchmarks;

import dev.bosun.model.charm.CharmMeta;
import dev.bosun.model.charm.CharmRepository;
import dev.bosun.model.charm.ConfigOption;
import dev.bosun.model.charm.ConfigSchema;
import dev.bosun.model.charm.Endpoint;
import dev.bosun.model.charm.OptionType;
import dev.bosun.model.charm.Role;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A synthetic bundle of the size the model's performance goal names: half the applications are
 * producers, half consumers; each producer relates to four consumers, so {@code applications}
 * applications carry {@code 2 * applications} relations. Names are {@code producer-nK} and {@code
 * consumer-nK}: Juju wants a letter in every hyphen-separated part. Every other relation leaves its
 * endpoints to inference, which has exactly one candidate (producer {@code out} to consumer {@code
 * in}).
 */
final class LargeBundle {
  static final CharmMeta PRODUCER =
      CharmMeta.builder("producer")
          .provides(Endpoint.of("out", Role.PROVIDER, "stream"))
          .requires(Endpoint.of("metrics", Role.REQUIRER, "prometheus"))
          .peers(Endpoint.of("ring", Role.PEER, "producer-ring"))
          .config(options())
          .build();

  static final CharmMeta CONSUMER =
      CharmMeta.builder("consumer")
          .requires(Endpoint.of("in", Role.REQUIRER, "stream"))
          .provides(Endpoint.of("website", Role.PROVIDER, "http"))
          .config(options())
          .build();

  static final CharmRepository CHARMS = CharmRepository.of(PRODUCER, CONSUMER);

  private LargeBundle() {}

  /** Returns bundle YAML with the given (even) number of applications. */
  static String yaml(int applications) {
    int half = applications / 2;
    StringBuilder yaml = new StringBuilder(applications * 160);
    yaml.append("description: synthetic bundle for benchmarks\napplications:\n");
    for (int i = 0; i < half; i++) {
      application(yaml, "producer-n" + i, "producer", i);
      application(yaml, "consumer-n" + i, "consumer", i);
    }
    yaml.append("relations:\n");
    for (int p = 0; p < half; p++) {
      for (int k = 0; k < 4; k++) {
        int c = (p + k * 131) % half;
        if ((p + k) % 2 == 0) {
          yaml.append("  - [producer-n")
              .append(p)
              .append(":out, consumer-n")
              .append(c)
              .append(":in]\n");
        } else {
          yaml.append("  - [producer-n").append(p).append(", consumer-n").append(c).append("]\n");
        }
      }
    }
    return yaml.toString();
  }

  private static void application(StringBuilder yaml, String name, String charm, int i) {
    yaml.append("  ").append(name).append(":\n");
    yaml.append("    charm: ").append(charm).append('\n');
    yaml.append("    num_units: ").append(1 + i % 3).append('\n');
    yaml.append("    constraints: cores=2 mem=4G\n");
    yaml.append("    options:\n");
    yaml.append("      port: ").append(8000 + i % 1000).append('\n');
    yaml.append("      debug: ").append(i % 2 == 0).append('\n');
    yaml.append("      name: svc-").append(i).append('\n');
  }

  private static ConfigSchema options() {
    Map<String, ConfigOption> options = new LinkedHashMap<>();
    options.put("port", new ConfigOption("port", OptionType.INT, "listen port", 8080L));
    options.put("debug", new ConfigOption("debug", OptionType.BOOLEAN, "debug logging", false));
    options.put("name", new ConfigOption("name", OptionType.STRING, "service name", ""));
    return ConfigSchema.of(options);
  }
}
