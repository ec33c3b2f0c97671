package dev.bosun.charm;

import static java.util.Objects.requireNonNull;

import dev.bosun.model.charm.CharmMeta;
import java.util.function.Supplier;

/**
 * A charm Bosun can deploy: its metadata (from {@code metadata.yaml}, {@code config.yaml}, {@code
 * actions.yaml}), a factory that makes a fresh {@link Charm} for every hook, and where its
 * templates and files come from.
 *
 * @param meta the charm's metadata
 * @param factory makes a fresh charm instance for each hook
 * @param files where the charm's templates and files are: a classpath location or a directory
 */
public record CharmDefinition(CharmMeta meta, Supplier<? extends Charm> factory, CharmFiles files) {

  /** Checks the components. */
  public CharmDefinition {
    requireNonNull(meta, "meta");
    requireNonNull(factory, "factory");
    requireNonNull(files, "files");
  }

  /** Returns the charm's name. */
  public String name() {
    return meta.name();
  }
}
