package dev.bosun.cli;

import dev.bosun.model.charm.CharmRepository;
import dev.bosun.model.graph.RelationGraph;
import dev.bosun.model.spec.ApplicationSpec;
import dev.bosun.model.spec.ModelSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** What deploy, diff and the dry run share: where charm metadata comes from, endpoint inference. */
final class Deployments {
  private Deployments() {}

  /**
   * The charm metadata a bundle is read against: the session's charms (built-in and loaded
   * directory charms), then the metadata of every charm directory, including charms without code.
   */
  static CharmRepository repository(
      Session session, List<Path> charmDirectories, UnaryOperator<Path> resolve) {
    List<Path> directories = new ArrayList<>(session.directory().charmDirectories());
    charmDirectories.forEach(d -> directories.add(resolve.apply(d)));
    CharmRepository catalog = session.charms().repository();
    return directories.isEmpty()
        ? catalog
        : catalog.orElse(CharmRepository.directories(directories));
  }

  /**
   * Fills in the endpoints relations leave to inference when every charm's metadata is known;
   * otherwise keeps the relations as written, as Juju does without charm metadata (the reader has
   * already warned about the unknown charms).
   */
  static ModelSpec withInferredEndpoints(ModelSpec model, CharmRepository repository) {
    boolean allKnown =
        model.applications().values().stream()
            .map(ApplicationSpec::charm)
            .allMatch(charm -> repository.find(charm).isPresent());
    return allKnown ? RelationGraph.resolve(model, repository).resolvedModel() : model;
  }
}
