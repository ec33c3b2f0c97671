package dev.bosun.cli;

import dev.bosun.charm.CharmDefinition;
import dev.bosun.model.plan.ApplicationState;
import dev.bosun.runtime.NotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bosun refresh APP [--path DIR]}: upgrade an application's charm. */
@Command(
    name = "refresh",
    mixinStandardHelpOptions = true,
    header = "Refresh an application to a new revision of its charm.",
    description = {
      "",
      "With --path, the charm in DIR (metadata.yaml and bosun.yaml, its code on the classpath or",
      "in DIR/lib); otherwise the charm of the same name this bosun ships. Every unit runs",
      "upgrade-charm, then config-changed."
    })
final class RefreshCommand extends WaitingCommand {

  @Parameters(index = "0", paramLabel = "APP", description = "The application.")
  String application;

  @Option(names = "--path", paramLabel = "DIR", description = "A charm directory.")
  Path path;

  @Override
  int execute(Session session) {
    ApplicationState app = session.runtime().modelState().applications().get(application);
    if (app == null) {
      throw new NotFoundException("application", application);
    }
    CharmDefinition charm;
    if (path != null) {
      Path directory = file(path);
      if (!Files.isRegularFile(directory.resolve("metadata.yaml"))) {
        throw new UsageException(
            directory + " is not a charm directory (no metadata.yaml); --path needs one");
      }
      charm =
          ModelCommand.CharmDirectories.load(directory, getClass().getClassLoader())
              .orElseThrow(
                  () ->
                      new UsageException(
                          "charm in "
                              + directory
                              + " has no code (no bosun.yaml naming its class); Bosun can plan"
                              + " with it but not run it"));
      session.directory().recordCharmDirectories(java.util.List.of(directory.getParent()));
    } else {
      charm = session.charms().get(app.charm());
    }
    session.runtime().refresh(application, charm);
    out()
        .println(
            "Added charm \"" + charm.name() + "\" to the model; refreshing " + application + ".");
    return ExitCodes.OK;
  }
}
