package dev.bosun.cli;

import dev.bosun.model.Problem;
import dev.bosun.model.bundle.BundleReader;
import dev.bosun.model.bundle.LoadedBundle;
import dev.bosun.model.charm.CharmRepository;
import dev.bosun.model.graph.RelationGraph;
import dev.bosun.model.plan.ModelState;
import dev.bosun.model.plan.Plan;
import dev.bosun.model.plan.Planner;
import dev.bosun.model.spec.ModelSpec;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bosun deploy BUNDLE [--overlay FILE]... --dry-run}: prints the changes deploying the
 * bundle would make, in Juju's order and wording.
 */
@Command(
    name = "deploy",
    mixinStandardHelpOptions = true,
    header = "Deploy a bundle (this build: print the plan with --dry-run).",
    description = {
      "",
      "Reads the bundle and its overlays as 'bosun validate' does, resolves every relation",
      "against the charms' metadata, and plans the changes in Juju's order. With --dry-run it",
      "prints the plan and changes nothing. Plans are made against an empty model until the",
      "runtime keeps a live one."
    })
final class DeployCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private BundleArguments bundle;

  @Mixin private CharmOptions charms;

  @Option(names = "--dry-run", description = "Print the changes without making them.")
  private boolean dryRun;

  @Override
  public Integer call() {
    if (!dryRun) {
      throw new UsageException(
          "this build of bosun plans deployments but has no runtime to apply them yet;"
              + " run 'bosun deploy "
              + bundle.bundle
              + " --dry-run' to see the plan");
    }
    bundle.requireFiles();
    CharmRepository repository = charms.repository();
    LoadedBundle loaded =
        BundleReader.builder().charms(repository).build().read(bundle.bundle, bundle.overlays);
    PrintWriter err = spec.commandLine().getErr();
    for (Problem warning : loaded.warnings()) {
      err.println(warning);
    }
    ModelSpec desired = withInferredEndpoints(loaded.model(), repository);
    Plan plan = Planner.plan(desired, ModelState.EMPTY);
    PrintWriter out = spec.commandLine().getOut();
    if (plan.isEmpty()) {
      out.println("No changes to apply.");
      return ExitCodes.OK;
    }
    out.println("Changes to deploy bundle:");
    for (String line : plan.descriptions()) {
      out.println("- " + line);
    }
    return ExitCodes.OK;
  }

  /**
   * Fills in the endpoints relations leave to inference when every charm's metadata is known;
   * otherwise plans the relations as written, as Juju does without charm metadata (the reader has
   * already warned about the unknown charms).
   */
  private static ModelSpec withInferredEndpoints(ModelSpec model, CharmRepository repository) {
    boolean allKnown =
        model.applications().values().stream()
            .allMatch(app -> repository.find(app.charm()).isPresent());
    return allKnown ? RelationGraph.resolve(model, repository).resolvedModel() : model;
  }
}
