package dev.bosun.cli;

import dev.bosun.model.bundle.BundleWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bosun export-bundle [-o FILE]}. */
@Command(
    name = "export-bundle",
    mixinStandardHelpOptions = true,
    header = "Write the model as a bundle.",
    description = {
      "",
      "Applications with their charm, unit count, placement, options and expose flag; machines;",
      "relations. Deploying the result on this model changes nothing."
    })
final class ExportBundleCommand extends ModelCommand {

  @Option(
      names = {"-o", "--filename"},
      paramLabel = "FILE",
      description = "Write to FILE instead of standard output.")
  Path output;

  @Override
  boolean changesModel() {
    return false;
  }

  @Override
  int execute(Session session) {
    String yaml = BundleWriter.write(ModelExport.toSpec(session.runtime().modelState(), true));
    if (output == null) {
      out().print(yaml);
      return ExitCodes.OK;
    }
    Path target = file(output);
    try {
      Files.writeString(target, yaml, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException("cannot write " + target + ": " + e.getMessage());
    }
    out().println("Bundle successfully exported to " + target);
    return ExitCodes.OK;
  }
}
