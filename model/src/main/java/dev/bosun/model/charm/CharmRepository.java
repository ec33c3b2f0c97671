package dev.bosun.model.charm;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Where charm metadata comes from: resolves the {@code charm} reference of an application to the
 * charm's {@link CharmMeta}.
 *
 * <p>A reference is what a bundle's {@code charm:} key holds: a name ({@code etcd}), a Charmhub
 * style name ({@code ch:etcd}) or a local path. A repository that does not know a charm returns
 * empty; the model then gets the structural checks only, with a warning.
 */
@FunctionalInterface
public interface CharmRepository {

  /** A repository that knows no charm. */
  CharmRepository NONE = reference -> Optional.empty();

  /**
   * Returns the metadata of the referenced charm, if this repository knows it.
   *
   * @param reference the charm reference, as written in a bundle or given to the Java API
   */
  Optional<CharmMeta> find(String reference);

  /**
   * Returns a repository that asks this one first, then {@code other}.
   *
   * @param other the repository to ask when this one does not know the charm
   */
  default CharmRepository orElse(CharmRepository other) {
    return reference -> {
      Optional<CharmMeta> found = find(reference);
      return found.isPresent() ? found : other.find(reference);
    };
  }

  /**
   * Returns a repository of the given charms, found by charm name. The references {@code ch:NAME}
   * and {@code NAME} both find the charm named {@code NAME}.
   */
  static CharmRepository of(CharmMeta... charms) {
    return of(Arrays.asList(charms));
  }

  /**
   * Returns a repository of the charm directories under the given directories, scanned now: see
   * {@link DirectoryCharmRepository}. Charms are found by their metadata name ({@code etcd}, {@code
   * ch:etcd}) and by absolute path.
   *
   * @param directories directories whose subdirectories are charms (what {@code --charm-dir} names)
   * @throws CharmMetaException when a directory is missing or a charm has errors, listing every
   *     problem of every charm
   */
  static CharmRepository directories(List<Path> directories) {
    return DirectoryCharmRepository.scan(directories);
  }

  /** Returns a repository of the given charms, found by charm name. */
  static CharmRepository of(List<CharmMeta> charms) {
    Map<String, CharmMeta> byName =
        charms.stream().collect(Collectors.toUnmodifiableMap(CharmMeta::name, Function.identity()));
    return reference -> Optional.ofNullable(byName.get(CharmReferences.charmName(reference)));
  }
}
