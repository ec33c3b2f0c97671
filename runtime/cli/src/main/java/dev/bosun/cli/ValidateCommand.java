package dev.bosun.cli;

import dev.bosun.model.Problem;
import dev.bosun.model.bundle.BundleReader;
import dev.bosun.model.bundle.LoadedBundle;
import dev.bosun.model.spec.ModelSpec;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code bosun validate BUNDLE [--overlay FILE]... [--charm-dir DIR]...}: reads a bundle and its
 * overlays, checks everything Juju checks, and reports every problem at once as {@code
 * FILE:LINE:COL: message}.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    header = "Check a bundle and its overlays without deploying anything.",
    description = {
      "",
      "Reports every problem at once, one per line as FILE:LINE:COL: message. Checks that need",
      "charm metadata (options, endpoints, relations) run for charms found with --charm-dir;",
      "other applications get the structural checks and a warning.",
      "",
      "Exit code 0 when the bundle is valid (warnings are printed), 2 when it is not."
    })
final class ValidateCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private BundleArguments bundle;

  @Mixin private CharmOptions charms;

  @Override
  public Integer call() {
    bundle.requireFiles();
    LoadedBundle loaded =
        BundleReader.builder()
            .charms(charms.repository())
            .build()
            .read(bundle.bundle, bundle.overlays);
    PrintWriter err = spec.commandLine().getErr();
    for (Problem warning : loaded.warnings()) {
      err.println(warning);
    }
    ModelSpec model = loaded.model();
    spec.commandLine()
        .getOut()
        .printf(
            "%s is valid: %s, %s, %s%n",
            bundle.bundle,
            count(model.applications().size(), "application"),
            count(model.relations().size(), "relation"),
            count(model.machines().size(), "machine"));
    return ExitCodes.OK;
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
