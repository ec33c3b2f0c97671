package dev.bosun.model.internal.bundle;

import dev.bosun.model.Location;
import dev.bosun.model.Problem;
import dev.bosun.model.SourceMap;
import dev.bosun.model.charm.CharmRepository;
import dev.bosun.model.internal.yaml.YamlMapping;
import dev.bosun.model.internal.yaml.YamlNode;
import dev.bosun.model.internal.yaml.YamlParser;
import dev.bosun.model.internal.yaml.YamlScalar;
import dev.bosun.model.spec.ModelSpec;
import dev.bosun.model.validation.ModelValidator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a bundle from its sources: parses every document, checks each one's shape, merges the
 * overlays into the base, converts the result into a model and validates it, collecting every
 * problem on the way.
 */
public final class BundleLoading {
  private BundleLoading() {}

  /**
   * The outcome of reading a bundle.
   *
   * @param model the model, or null when reading stopped before a model could be built
   * @param sources where the model's parts came from
   * @param problems every problem found, errors and warnings, sorted by location
   */
  public record Outcome(ModelSpec model, SourceMap sources, List<Problem> problems) {

    /** Whether any problem is an error. */
    public boolean hasErrors() {
      return problems.stream().anyMatch(Problem::isError);
    }
  }

  /**
   * Reads a bundle.
   *
   * @param sources the bundle (first) and its overlay files, in order
   * @param charms charm metadata for the checks that need it
   */
  public static Outcome load(List<BundleSource> sources, CharmRepository charms) {
    List<Problem> problems = new ArrayList<>();
    Map<String, Path> directories = new HashMap<>();
    List<YamlNode> documents = new ArrayList<>();
    boolean fatal = false;
    boolean bundleEmpty = false;
    for (int i = 0; i < sources.size(); i++) {
      BundleSource source = sources.get(i);
      directories.putIfAbsent(source.label(), source.baseDirectory());
      YamlParser.Result parsed = YamlParser.parseAll(source.content(), source.label());
      for (Problem problem : parsed.problems()) {
        problems.add(problem);
        fatal |= problem.isError() && problem.message().startsWith("YAML");
      }
      if (i == 0 && parsed.documents().isEmpty()) {
        bundleEmpty = true;
      }
      documents.addAll(parsed.documents());
    }
    Location start = new Location(sources.get(0).label(), 1, 1);
    if (!fatal && documents.isEmpty()) {
      problems.add(Problem.error(start, "malformed bundle: bundle is empty not valid"));
    } else if (!fatal && bundleEmpty) {
      problems.add(Problem.error(start, "empty bundle not valid"));
    }
    if (fatal || documents.isEmpty() || bundleEmpty) {
      return finish(null, SourceMap.EMPTY, problems);
    }
    boolean kubernetes = isKubernetes(documents.get(0));
    BundlePart base = PartReader.read(documents.get(0), 0, kubernetes, problems);
    for (int i = 1; i < documents.size(); i++) {
      OverlayMerger.merge(base, PartReader.read(documents.get(i), i, kubernetes, problems));
    }
    ModelConverter.Result converted = ModelConverter.convert(base, directories, problems);
    problems.addAll(ModelValidator.validate(converted.model(), converted.sources(), charms));
    return finish(converted.model(), converted.sources(), problems);
  }

  private static Outcome finish(ModelSpec model, SourceMap sources, List<Problem> problems) {
    List<Problem> sorted = new ArrayList<>(problems);
    sorted.sort(Problem.BY_LOCATION);
    return new Outcome(model, sources, List.copyOf(sorted));
  }

  private static boolean isKubernetes(YamlNode document) {
    return document instanceof YamlMapping root
        && root.get("bundle").orElse(null) instanceof YamlScalar type
        && "kubernetes".equals(type.text());
  }
}
