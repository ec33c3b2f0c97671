package dev.bosun.model.charm;

import dev.bosun.model.Problem;
import dev.bosun.model.internal.GoFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A {@link CharmRepository} of charm directories on disk: what the CLI's {@code --charm-dir DIR}
 * gives.
 *
 * <p>{@link #scan} reads every charm at once: each subdirectory of a scanned directory that holds a
 * {@code metadata.yaml} is a charm (other subdirectories are skipped), and so is a scanned
 * directory that holds one itself. Subdirectories are read in name order.
 *
 * <p>Charms are found by the {@code name} in their metadata: the references {@code etcd}, {@code
 * ch:etcd} and {@code cs:~containers/etcd-449} all find the charm named {@code etcd} (see {@link
 * CharmReferences#charmName}). A local path reference ({@code /abs/charms/etcd}, or {@code
 * ./charms/etcd}, which is resolved against the working directory; bundle readers resolve it
 * against the bundle's directory first and pass the absolute path) finds the charm in that
 * directory: a scanned one, or one read on demand (and then kept) even if it lies outside the
 * scanned directories.
 *
 * <pre>{@code
 * CharmRepository charms = CharmRepository.directories(List.of(Path.of("charms")));
 * CharmMeta etcd = charms.find("ch:etcd").orElseThrow();
 * }</pre>
 *
 * <p>Instances are immutable apart from the cache of charms read on demand, and safe for use by
 * several threads.
 */
public final class DirectoryCharmRepository implements CharmRepository {
  private final Map<String, CharmMeta> byName;
  private final Map<String, Path> directoriesByName;
  private final Map<Path, CharmMeta> byPath;
  private final Map<Path, Optional<CharmMeta>> readOnDemand = new ConcurrentHashMap<>();
  private final List<Problem> warnings;

  private DirectoryCharmRepository(
      Map<String, CharmMeta> byName,
      Map<String, Path> directoriesByName,
      Map<Path, CharmMeta> byPath,
      List<Problem> warnings) {
    this.byName = Collections.unmodifiableMap(byName);
    this.directoriesByName = Collections.unmodifiableMap(directoriesByName);
    this.byPath = Map.copyOf(byPath);
    this.warnings = List.copyOf(warnings);
  }

  /**
   * Scans directories of charms and reads every charm found.
   *
   * <p>Every problem of every charm is collected; if any is an error, nothing is returned and one
   * {@link CharmMetaException} lists them all, each with its {@code file:line:column}. A scanned
   * directory that does not exist, and two charms with the same name (the problem names both
   * directories), are errors too.
   *
   * @param directories the directories to scan, as the user named them
   * @return the repository
   * @throws CharmMetaException when a directory cannot be read or a charm has errors
   */
  public static DirectoryCharmRepository scan(List<Path> directories) {
    List<Problem> problems = new ArrayList<>();
    Map<String, CharmMeta> byName = new LinkedHashMap<>();
    Map<String, Path> directoriesByName = new LinkedHashMap<>();
    Map<Path, CharmMeta> byPath = new LinkedHashMap<>();
    for (Path directory : directories) {
      for (Path charmDirectory : charmDirectories(directory, problems)) {
        CharmMetaReader.Result result;
        try {
          result = CharmMetaReader.readWithWarnings(charmDirectory);
        } catch (CharmMetaException e) {
          problems.addAll(e.problems());
          continue;
        }
        problems.addAll(result.warnings());
        CharmMeta meta = result.meta();
        Path previous = directoriesByName.get(meta.name());
        if (previous != null) {
          problems.add(
              Problem.error(
                  null,
                  "charm "
                      + GoFormat.quote(meta.name())
                      + " is defined twice: in "
                      + GoFormat.quote(previous.toString())
                      + " and in "
                      + GoFormat.quote(charmDirectory.toString())));
          continue;
        }
        byName.put(meta.name(), meta);
        directoriesByName.put(meta.name(), charmDirectory);
        byPath.put(key(charmDirectory), meta);
      }
    }
    if (problems.stream().anyMatch(Problem::isError)) {
      throw new CharmMetaException(
          String.join(", ", directories.stream().map(Path::toString).toList()),
          "charms in "
              + String.join(
                  ", ", directories.stream().map(d -> GoFormat.quote(d.toString())).toList())
              + " have the following errors:",
          problems);
    }
    return new DirectoryCharmRepository(
        byName, directoriesByName, byPath, problems.stream().filter(p -> !p.isError()).toList());
  }

  private static List<Path> charmDirectories(Path directory, List<Problem> problems) {
    if (!Files.isDirectory(directory)) {
      problems.add(
          Problem.error(
              null, "charm directory " + GoFormat.quote(directory.toString()) + " does not exist"));
      return List.of();
    }
    if (Files.isRegularFile(directory.resolve(CharmMetaReader.METADATA))) {
      return List.of(directory);
    }
    try (Stream<Path> children = Files.list(directory)) {
      return children
          .filter(Files::isDirectory)
          .filter(child -> Files.isRegularFile(child.resolve(CharmMetaReader.METADATA)))
          .sorted()
          .toList();
    } catch (IOException e) {
      problems.add(
          Problem.error(
              null,
              "cannot list charm directory "
                  + GoFormat.quote(directory.toString())
                  + ": "
                  + e.getMessage()));
      return List.of();
    }
  }

  private static Path key(Path directory) {
    return directory.toAbsolutePath().normalize();
  }

  /**
   * Finds a charm by name or by local path.
   *
   * @param reference a charm name ({@code etcd}, {@code ch:etcd}, {@code cs:~user/etcd-4}) or a
   *     local path ({@code /abs/charms/etcd}, {@code ./charms/etcd})
   * @return the charm, or empty when no scanned charm has that name, or the path holds no {@code
   *     metadata.yaml}
   * @throws CharmMetaException when a charm read on demand from a path has errors
   */
  @Override
  public Optional<CharmMeta> find(String reference) {
    if (CharmReferences.isLocalPath(reference)) {
      Path path = key(Path.of(reference));
      CharmMeta scanned = byPath.get(path);
      if (scanned != null) {
        return Optional.of(scanned);
      }
      return readOnDemand.computeIfAbsent(path, this::readAt);
    }
    return Optional.ofNullable(byName.get(CharmReferences.charmName(reference)));
  }

  private Optional<CharmMeta> readAt(Path directory) {
    if (!Files.isRegularFile(directory.resolve(CharmMetaReader.METADATA))) {
      return Optional.empty();
    }
    return Optional.of(CharmMetaReader.read(directory));
  }

  /** Returns the scanned charms by name, in the order they were found. */
  public Map<String, CharmMeta> charms() {
    return byName;
  }

  /** Returns the directory a scanned charm was read from, as the scan named it. */
  public Optional<Path> directoryOf(String charmName) {
    return Optional.ofNullable(directoriesByName.get(charmName));
  }

  /** Returns the warnings of every scanned charm (unknown keys and the like). */
  public List<Problem> warnings() {
    return warnings;
  }
}
