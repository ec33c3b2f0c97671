package dev.bosun.charm;

import static java.util.Objects.requireNonNull;

import dev.bosun.charm.internal.PebbleTemplates;
import dev.bosun.model.charm.CharmMeta;
import java.util.function.Supplier;

/**
 * A charm Bosun can deploy: its metadata (from {@code metadata.yaml}, {@code config.yaml}, {@code
 * actions.yaml}), a factory that makes a fresh {@link Charm} for every hook, and where its
 * templates and files come from.
 *
 * <p>Load a packaged charm with {@link #fromClasspath} or {@link #fromDirectory} (see {@link
 * CharmCatalog} for the layout), or assemble one in Java:
 *
 * <pre>{@code
 * CharmDefinition echo = new CharmDefinition(
 *     CharmMeta.builder("echo").build(), EchoCharm::new, CharmFiles.of("echo", Map.of()));
 * }</pre>
 *
 * <p>A definition owns the compiled-template cache of its charm ({@link #templates()}), so keep one
 * definition per charm for the life of the runtime. Instances are immutable and thread-safe.
 */
public final class CharmDefinition {
  private final CharmMeta meta;
  private final Supplier<? extends Charm> factory;
  private final CharmFiles files;
  private volatile Templates templates;

  /**
   * Creates a definition.
   *
   * @param meta the charm's metadata
   * @param factory makes a fresh charm instance for each hook
   * @param files where the charm's templates and files are: a classpath location or a directory
   */
  public CharmDefinition(CharmMeta meta, Supplier<? extends Charm> factory, CharmFiles files) {
    this.meta = requireNonNull(meta, "meta");
    this.factory = requireNonNull(factory, "factory");
    this.files = requireNonNull(files, "files");
  }

  /**
   * Loads a charm packaged on the classpath: {@code metadata.yaml}, optional {@code config.yaml},
   * {@code actions.yaml} and {@code templates/}, and {@code bosun.yaml} naming the charm class, all
   * under {@code location}.
   *
   * <pre>{@code
   * CharmDefinition etcd = CharmDefinition.fromClasspath("charms/etcd", EtcdCharm.class.getClassLoader());
   * }</pre>
   *
   * @param location the resource directory, for example {@code charms/etcd}
   * @param classLoader where the charm's files and class are
   * @throws CharmLoadException when a file is missing or invalid, or the class cannot be used,
   *     saying which charm and what to do
   */
  public static CharmDefinition fromClasspath(String location, ClassLoader classLoader) {
    return dev.bosun.charm.internal.CharmLoader.fromClasspath(location, classLoader);
  }

  /**
   * Loads a charm from a directory: the same files as {@link #fromClasspath}; the charm class is
   * loaded from the jars in the directory's {@code lib/} with a class loader of their own when that
   * directory has jars, otherwise from the given class loader.
   *
   * @param directory the charm directory
   * @param parent the class loader for the SDK, the charm's dependencies and, when {@code lib/} has
   *     no jars, the charm class itself
   * @throws CharmLoadException when a file is missing or invalid, or the class cannot be used
   */
  public static CharmDefinition fromDirectory(java.nio.file.Path directory, ClassLoader parent) {
    return dev.bosun.charm.internal.CharmLoader.fromDirectory(directory, parent);
  }

  /**
   * Loads a charm from a directory as {@link #fromDirectory(java.nio.file.Path, ClassLoader)} does,
   * with the SDK's class loader as the parent.
   */
  public static CharmDefinition fromDirectory(java.nio.file.Path directory) {
    return fromDirectory(directory, CharmDefinition.class.getClassLoader());
  }

  /** Returns the charm's metadata. */
  public CharmMeta meta() {
    return meta;
  }

  /** Returns the factory that makes a fresh charm instance for each hook. */
  public Supplier<? extends Charm> factory() {
    return factory;
  }

  /** Returns where the charm's templates and files are. */
  public CharmFiles files() {
    return files;
  }

  /** Returns the charm's name. */
  public String name() {
    return meta.name();
  }

  /**
   * Returns the charm's templates ({@code templates/} in its files), rendered with Pebble. Compiled
   * templates are cached here, once per definition.
   */
  public Templates templates() {
    Templates result = templates;
    if (result == null) {
      synchronized (this) {
        result = templates;
        if (result == null) {
          result = new PebbleTemplates(files);
          templates = result;
        }
      }
    }
    return result;
  }

  @Override
  public String toString() {
    return "CharmDefinition[" + meta.name() + " from " + files.describe() + "]";
  }
}
