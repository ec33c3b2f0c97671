package dev.bosun.testing.charms;

import dev.bosun.charm.CharmCatalog;
import dev.bosun.model.spec.ModelSpec;

/** The charms of the kit's whole-model tests, and the models they run in. */
public final class TestCharms {
  private TestCharms() {}

  /** Returns {@code server} and {@code client}, loaded from the test classpath. */
  public static CharmCatalog serverAndClient() {
    ClassLoader loader = TestCharms.class.getClassLoader();
    return CharmCatalog.builder()
        .addClasspath("charms/server", loader)
        .addClasspath("charms/client", loader)
        .build();
  }

  /** Returns one server unit alone. */
  public static ModelSpec serverOnly() {
    return ModelSpec.builder().application("server", app -> app.units(1)).build();
  }

  /** Returns servers and clients related on {@code db}. */
  public static ModelSpec related(int servers, int clients) {
    return ModelSpec.builder()
        .application("server", app -> app.units(servers))
        .application("client", app -> app.units(clients))
        .relate("client:db", "server:db")
        .build();
  }
}
