package dev.bosun.model.charm;

import dev.bosun.model.Location;
import dev.bosun.model.Problem;
import dev.bosun.model.internal.charm.ActionsReader;
import dev.bosun.model.internal.charm.ConfigReader;
import dev.bosun.model.internal.charm.Manifest;
import dev.bosun.model.internal.charm.ManifestReader;
import dev.bosun.model.internal.charm.Metadata;
import dev.bosun.model.internal.charm.MetadataReader;
import dev.bosun.model.internal.yaml.YamlNode;
import dev.bosun.model.internal.yaml.YamlParser;
import dev.bosun.model.internal.yaml.YamlScalar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Reads a charm directory into a {@link CharmMeta}, with Juju's rules and messages.
 *
 * <p>A charm directory holds {@code metadata.yaml} (required), {@code manifest.yaml} (optional;
 * with at least one base it makes the charm a metadata-v2 charm), {@code config.yaml} (optional;
 * absent means {@link ConfigSchema#EMPTY}) and {@code actions.yaml} (optional; absent means no
 * actions). Every file is read and every problem collected before anything is returned: reading
 * never half-succeeds. Problems carry {@code file:line:column}, where the file is the directory as
 * the caller named it joined with the file name ({@code charms/etcd/metadata.yaml}).
 *
 * <pre>{@code
 * CharmMeta etcd = CharmMetaReader.read(Path.of("charms/etcd"));
 *
 * CharmMetaReader.Result result = CharmMetaReader.readWithWarnings(Path.of("charms/etcd"));
 * result.warnings().forEach(w -> log(w.toString())); // charms/etcd/metadata.yaml:9:1: warning: ...
 * }</pre>
 *
 * <p>What is checked, in Juju's words (see {@code juju/charm} {@code meta.go}, {@code config.go},
 * {@code actions.go}):
 *
 * <ul>
 *   <li>{@code metadata.yaml}: the schema (required {@code name}, {@code summary}, {@code
 *       description}; the type of every key; errors prefixed {@code metadata: }), endpoints as an
 *       interface name or {@code {interface, scope, limit, optional}}, reserved and duplicated
 *       relation names, the subordinate's container-scoped requirer, series, storage, devices,
 *       resources, extra bindings, terms, the v1/v2 format rules against {@code manifest.yaml},
 *       {@code containers}, {@code assumes} and {@code charm-user};
 *   <li>{@code config.yaml}: option types and typed defaults;
 *   <li>{@code actions.yaml}: action names, the keys of each action, and that the resulting
 *       parameter schema is a valid draft-04 JSON Schema.
 * </ul>
 *
 * <p>Unknown keys are ignored, as Juju ignores them, and reported as warnings, which never make
 * reading fail; {@link #readWithWarnings} returns them.
 */
public final class CharmMetaReader {
  /** The file that must exist in a charm directory. */
  public static final String METADATA = "metadata.yaml";

  /** The optional file of options. */
  public static final String CONFIG = "config.yaml";

  /** The optional file of actions. */
  public static final String ACTIONS = "actions.yaml";

  /** The optional file that records the bases a charm was built for. */
  public static final String MANIFEST = "manifest.yaml";

  private static final Comparator<Problem> BY_POSITION =
      Comparator.comparing(
          Problem::location, Comparator.nullsFirst(Comparator.<Location>naturalOrder()));

  private CharmMetaReader() {}

  /**
   * The metadata read and the warnings found.
   *
   * @param meta the charm's metadata
   * @param warnings the warnings, by file ({@code metadata.yaml}, {@code manifest.yaml}, {@code
   *     config.yaml}, {@code actions.yaml}) and then by position
   */
  public record Result(CharmMeta meta, List<Problem> warnings) {

    /** Copies the list. */
    public Result {
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * Reads a charm directory.
   *
   * @param charmDirectory the directory, as the user named it (it appears in messages)
   * @return the charm's metadata
   * @throws CharmMetaException when a file is missing or unreadable or has errors, listing every
   *     problem of every file
   */
  public static CharmMeta read(Path charmDirectory) {
    return readWithWarnings(charmDirectory).meta();
  }

  /**
   * Reads a charm directory and returns the warnings too.
   *
   * @param charmDirectory the directory, as the user named it (it appears in messages)
   * @return the metadata and the warnings
   * @throws CharmMetaException when a file is missing or unreadable or has errors
   */
  public static Result readWithWarnings(Path charmDirectory) {
    String directory = charmDirectory.toString();
    List<Problem> problems = new ArrayList<>();
    String metadata = readFile(charmDirectory, METADATA, true, problems);
    String config = readFile(charmDirectory, CONFIG, false, problems);
    String actions = readFile(charmDirectory, ACTIONS, false, problems);
    String manifest = readFile(charmDirectory, MANIFEST, false, problems);
    if (!problems.isEmpty()) {
      throw new CharmMetaException(directory, problems);
    }
    return readWithWarnings(new CharmSource(directory, metadata, config, actions, manifest));
  }

  /**
   * Reads a charm from the texts of its files.
   *
   * @param source the files' texts and the directory label used in messages
   * @return the charm's metadata
   * @throws CharmMetaException when a file has errors, listing every problem of every file
   */
  public static CharmMeta read(CharmSource source) {
    return readWithWarnings(source).meta();
  }

  /**
   * Reads a charm from the texts of its files and returns the warnings too.
   *
   * @param source the files' texts and the directory label used in messages
   * @return the metadata and the warnings
   * @throws CharmMetaException when a file has errors, listing every problem of every file
   */
  public static Result readWithWarnings(CharmSource source) {
    List<Problem> all = new ArrayList<>();
    List<Problem> warnings = new ArrayList<>();

    boolean manifestPresent = source.manifest() != null;
    Manifest manifest = null;
    List<Problem> manifestProblems = new ArrayList<>();
    if (manifestPresent) {
      YamlNode document = document(source.manifest(), source.label(MANIFEST), manifestProblems);
      if (document != null) {
        manifest = ManifestReader.read(document, manifestProblems);
      }
    }

    List<Problem> metadataProblems = new ArrayList<>();
    Metadata metadata = null;
    YamlNode metadataDocument =
        document(source.metadata(), source.label(METADATA), metadataProblems);
    if (metadataDocument != null) {
      metadata =
          MetadataReader.read(
              metadataDocument, manifestPresent, manifest, metadataProblems, metadataProblems);
    }
    String charmName = metadata == null ? "" : metadata.name();

    List<Problem> configProblems = new ArrayList<>();
    ConfigSchema config = ConfigSchema.EMPTY;
    if (source.config() != null) {
      YamlNode document = document(source.config(), source.label(CONFIG), configProblems);
      if (document != null) {
        config = ConfigReader.read(document, configProblems, configProblems);
      }
    }

    List<Problem> actionProblems = new ArrayList<>();
    Map<String, ActionSpec> actions = Map.of();
    if (source.actions() != null) {
      YamlNode document = document(source.actions(), source.label(ACTIONS), actionProblems);
      if (document != null) {
        actions = ActionsReader.read(charmName, document, actionProblems);
      }
    }

    for (List<Problem> file :
        List.of(metadataProblems, manifestProblems, configProblems, actionProblems)) {
      file.sort(BY_POSITION);
      all.addAll(file);
      file.stream().filter(p -> !p.isError()).forEach(warnings::add);
    }
    if (all.stream().anyMatch(Problem::isError)) {
      throw new CharmMetaException(source.directory(), all);
    }
    CharmMeta meta =
        new CharmMeta(
            metadata.name(),
            metadata.summary(),
            metadata.description(),
            metadata.subordinate(),
            metadata.provides(),
            metadata.requires(),
            metadata.peers(),
            metadata.extraBindings(),
            metadata.resources(),
            metadata.storage(),
            metadata.series(),
            metadata.tags(),
            config,
            actions);
    return new Result(meta, warnings);
  }

  /**
   * Parses the first YAML document of a file: a null scalar at 1:1 when the file is empty, null
   * when it has a syntax error (reported in {@code problems}).
   */
  private static YamlNode document(String text, String label, List<Problem> problems) {
    YamlParser.Result parsed = YamlParser.parseAll(text, label);
    problems.addAll(parsed.problems());
    if (parsed.documents().isEmpty()) {
      return parsed.problems().isEmpty()
          ? new YamlScalar("", YamlScalar.Type.NULL, null, false, new Location(label, 1, 1))
          : null;
    }
    return parsed.documents().get(0);
  }

  private static String readFile(
      Path directory, String fileName, boolean required, List<Problem> problems) {
    Path file = directory.resolve(fileName);
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      if (required) {
        problems.add(Problem.error(null, "open " + file + ": no such file or directory"));
      }
      return null;
    } catch (IOException e) {
      problems.add(Problem.error(null, "cannot read " + file + ": " + e.getMessage()));
      return null;
    }
  }
}
