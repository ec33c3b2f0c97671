package dev.bosun.cli;

import dev.bosun.model.Problem;
import dev.bosun.model.bundle.BundleReader;
import dev.bosun.model.bundle.LoadedBundle;
import dev.bosun.model.plan.BundleDiff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code bosun diff BUNDLE [--overlay F]...}: compare a bundle with the live model. */
@Command(
    name = "diff",
    aliases = "diff-bundle",
    mixinStandardHelpOptions = true,
    header = "Compare a bundle with the model.",
    description = {
      "",
      "Prints the differences as 'juju diff-bundle' does (YAML; 'missing: bundle' means present",
      "only in the model), or {} when there are none."
    })
final class DiffCommand extends ModelCommand {

  @Mixin BundleArguments bundle;

  @Mixin CharmOptions charms;

  @Override
  boolean changesModel() {
    return false;
  }

  @Override
  java.util.List<java.nio.file.Path> charmDirectories() {
    return charms.directories();
  }

  @Override
  int execute(Session session) {
    LoadedBundle loaded =
        BundleReader.builder()
            .charms(Deployments.repository(session, charms.directories(), this::file))
            .build()
            .read(file(bundle.bundle), bundle.overlays.stream().map(this::file).toList());
    for (Problem warning : loaded.warnings()) {
      err().println(warning);
    }
    BundleDiff diff =
        BundleDiff.compute(
            Deployments.withInferredEndpoints(
                loaded.model(), Deployments.repository(session, charms.directories(), this::file)),
            session.runtime().modelState());
    out().print(diff.isEmpty() ? "{}\n" : diff.toYaml());
    return ExitCodes.OK;
  }
}
