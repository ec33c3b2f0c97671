package dev.bosun.charm;

import static java.util.Objects.requireNonNull;

import dev.bosun.charm.internal.CharmIndex;
import dev.bosun.model.charm.CharmReferences;
import dev.bosun.model.charm.CharmRepository;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The charms a runtime can deploy, by name: built-in charms found on the classpath, charm
 * directories, and definitions assembled in Java. Immutable and thread-safe.
 *
 * <pre>{@code
 * CharmCatalog charms = CharmCatalog.builder()
 *     .discover(getClass().getClassLoader())      // every built-in charm on the classpath
 *     .addDirectory(Path.of("charms/my-app"))     // a charm in a directory
 *     .build();
 * CharmDefinition etcd = charms.get("etcd");
 * }</pre>
 *
 * <h2>How charms are packaged</h2>
 *
 * A charm is a directory, or a classpath location, holding Juju's {@code metadata.yaml} (required),
 * {@code config.yaml}, {@code actions.yaml} and {@code templates/} (optional), and {@code
 * bosun.yaml}, which names the charm's Java class:
 *
 * <pre>
 * class: dev.bosun.charms.etcd.EtcdCharm
 * </pre>
 *
 * The class implements {@link Charm} (or extends {@link HandlerCharm}, or implements {@link
 * ReconcilerCharm}), is public, and has a public no-argument constructor. A directory charm's code
 * is either on the classpath or in jars in its {@code lib/} directory, which get a class loader of
 * their own.
 *
 * <h2>How built-in charms are found</h2>
 *
 * A jar that ships charms lists their classpath locations in the resource {@value #INDEX}, one per
 * line ({@code #} starts a comment). {@link Builder#discover} reads every such resource the class
 * loader sees, so each charm jar on the classpath contributes its charms. A fat jar that merges
 * several charm jars must concatenate these files (for the Maven Shade plugin, an {@code
 * AppendingTransformer} for {@value #INDEX}).
 */
public final class CharmCatalog {
  /** The resource that lists the classpath locations of the charms a jar ships. */
  public static final String INDEX = CharmIndex.RESOURCE;

  private static final CharmCatalog EMPTY = new CharmCatalog(Map.of());

  private final Map<String, CharmDefinition> byName;

  private CharmCatalog(Map<String, CharmDefinition> byName) {
    this.byName = Collections.unmodifiableMap(new TreeMap<>(byName));
  }

  /** Returns a builder of an empty catalog. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a catalog with no charms. */
  public static CharmCatalog empty() {
    return EMPTY;
  }

  /**
   * Returns a catalog of every built-in charm the class loader sees (see {@link Builder#discover}).
   *
   * @throws CharmLoadException when a listed charm cannot be loaded, or two have one name
   */
  public static CharmCatalog discover(ClassLoader classLoader) {
    return builder().discover(classLoader).build();
  }

  /**
   * Returns the charm of a name or reference: {@code etcd}, {@code ch:etcd} and {@code
   * cs:~containers/etcd-449} all find the charm named {@code etcd}.
   */
  public Optional<CharmDefinition> find(String reference) {
    requireNonNull(reference, "reference");
    CharmDefinition found = byName.get(reference);
    if (found == null) {
      found = byName.get(CharmReferences.charmName(reference));
    }
    return Optional.ofNullable(found);
  }

  /**
   * Returns the charm of a name or reference, as {@link #find} does.
   *
   * @throws CharmNotFoundException when the catalog has no such charm, listing those it has
   */
  public CharmDefinition get(String reference) {
    return find(reference)
        .orElseThrow(() -> new CharmNotFoundException(reference, List.copyOf(byName.keySet())));
  }

  /** Returns the names of the charms, sorted. */
  public Set<String> names() {
    return byName.keySet();
  }

  /** Returns the charms, sorted by name. */
  public Collection<CharmDefinition> definitions() {
    return byName.values();
  }

  /** Returns how many charms there are. */
  public int size() {
    return byName.size();
  }

  /** Returns the charms' metadata as a repository for the model (bundle validation, planning). */
  public CharmRepository repository() {
    return reference -> find(reference).map(CharmDefinition::meta);
  }

  /** Returns a builder that starts with this catalog's charms. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    byName.values().forEach(builder::add);
    return builder;
  }

  @Override
  public String toString() {
    return "CharmCatalog" + byName.keySet();
  }

  /** Builds a {@link CharmCatalog}. Not thread-safe. */
  public static final class Builder {
    private final Map<String, CharmDefinition> byName = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Adds a charm.
     *
     * @throws IllegalArgumentException when a charm of that name was added already, naming both
     *     (use {@link #replace} to override one)
     */
    public Builder add(CharmDefinition charm) {
      requireNonNull(charm, "charm");
      CharmDefinition previous = byName.putIfAbsent(charm.name(), charm);
      if (previous != null) {
        throw new IllegalArgumentException(
            "two charms are named \""
                + charm.name()
                + "\": "
                + previous.files().describe()
                + " and "
                + charm.files().describe()
                + "; rename one, or use replace() to override the first");
      }
      return this;
    }

    /** Adds a charm, replacing any charm of the same name (to override a built-in charm). */
    public Builder replace(CharmDefinition charm) {
      requireNonNull(charm, "charm");
      byName.put(charm.name(), charm);
      return this;
    }

    /** Adds every charm, as {@link #add} does. */
    public Builder addAll(Collection<CharmDefinition> charms) {
      charms.forEach(this::add);
      return this;
    }

    /**
     * Adds the charm at a classpath location ({@link CharmDefinition#fromClasspath}).
     *
     * @throws CharmLoadException when it cannot be loaded
     */
    public Builder addClasspath(String location, ClassLoader classLoader) {
      return add(CharmDefinition.fromClasspath(location, classLoader));
    }

    /**
     * Adds the charm in a directory ({@link CharmDefinition#fromDirectory(Path)}).
     *
     * @throws CharmLoadException when it cannot be loaded
     */
    public Builder addDirectory(Path directory) {
      return add(CharmDefinition.fromDirectory(directory));
    }

    /**
     * Adds the charm in a directory, loading its class with the given class loader (or, when its
     * {@code lib/} has jars, a class loader over them whose parent is the given one).
     *
     * @throws CharmLoadException when it cannot be loaded
     */
    public Builder addDirectory(Path directory, ClassLoader parent) {
      return add(CharmDefinition.fromDirectory(directory, parent));
    }

    /**
     * Adds every charm under a directory, as the CLI's {@code --charm-dir} names them: each
     * subdirectory holding a {@code metadata.yaml}, in name order (other subdirectories are
     * skipped), or the directory itself when it holds one.
     *
     * @throws CharmLoadException when the directory cannot be read or a charm cannot be loaded,
     *     naming every charm that failed; nothing is added then
     */
    public Builder addDirectories(Path directory, ClassLoader parent) {
      requireNonNull(directory, "directory");
      List<CharmDefinition> found = new ArrayList<>();
      List<String> failures = new ArrayList<>();
      List<RuntimeException> causes = new ArrayList<>();
      for (Path charm : CharmIndex.charmDirectories(directory)) {
        try {
          found.add(CharmDefinition.fromDirectory(charm, parent));
        } catch (CharmLoadException | dev.bosun.model.ValidationException e) {
          failures.add(e.getMessage());
          causes.add(e);
        }
      }
      throwIfFailed(directory.toString(), "charm", failures, causes);
      return addAll(found);
    }

    /**
     * Adds every built-in charm the class loader sees: the locations listed in every {@value
     * #INDEX} resource, each loaded with {@link CharmDefinition#fromClasspath}. A location listed
     * twice (the same jar twice on the classpath) is loaded once.
     *
     * @throws CharmLoadException when an index cannot be read or a listed charm cannot be loaded,
     *     naming every charm that failed; nothing is added then
     * @throws IllegalArgumentException when two charms have one name
     */
    public Builder discover(ClassLoader classLoader) {
      requireNonNull(classLoader, "classLoader");
      List<CharmDefinition> found = new ArrayList<>();
      List<String> failures = new ArrayList<>();
      List<RuntimeException> causes = new ArrayList<>();
      for (String location : CharmIndex.locations(classLoader)) {
        try {
          found.add(CharmDefinition.fromClasspath(location, classLoader));
        } catch (CharmLoadException | dev.bosun.model.ValidationException e) {
          failures.add(e.getMessage());
          causes.add(e);
        }
      }
      throwIfFailed(INDEX, "built-in charm", failures, causes);
      return addAll(found);
    }

    private static void throwIfFailed(
        String where, String what, List<String> failures, List<RuntimeException> causes) {
      if (failures.isEmpty()) {
        return;
      }
      CharmLoadException failure =
          new CharmLoadException(
              where,
              (failures.size() == 1 ? "a " + what : failures.size() + " " + what + "s")
                  + " cannot be loaded:\n"
                  + String.join("\n", failures),
              causes.get(0));
      causes.stream().skip(1).forEach(failure::addSuppressed);
      throw failure;
    }

    /** Returns the catalog. */
    public CharmCatalog build() {
      return byName.isEmpty() ? EMPTY : new CharmCatalog(byName);
    }
  }
}
