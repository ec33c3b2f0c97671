package dev.bosun.cli;

import dev.bosun.runtime.NotFoundException;
import dev.bosun.runtime.substrate.local.AttachedResource;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code bosun attach-resource APP NAME=PATH}. */
@Command(
    name = "attach-resource",
    mixinStandardHelpOptions = true,
    header = "Attach a file as an application's resource.",
    description = {
      "",
      "Copies the file into the model (machines/resources/APP/NAME); the charm reads it with",
      "ctx.resource(NAME). Units see it in their next hook."
    })
final class AttachResourceCommand extends WaitingCommand {

  @Parameters(index = "0", paramLabel = "APP", description = "The application.")
  String application;

  @Parameters(index = "1", paramLabel = "NAME=PATH", description = "The resource and its file.")
  String resource;

  @Override
  int execute(Session session) {
    int equals = resource.indexOf('=');
    if (equals <= 0 || equals == resource.length() - 1) {
      throw new UsageException(
          "\"" + resource + "\" is not NAME=PATH; give the resource as name=path/to/file");
    }
    String name = resource.substring(0, equals);
    Path file = file(Path.of(resource.substring(equals + 1)));
    if (!Files.isRegularFile(file)) {
      throw new UsageException("resource file " + file + " not found");
    }
    if (!session.runtime().status().applications().containsKey(application)) {
      throw new NotFoundException("application", application);
    }
    AttachedResource attached = session.substrate().resources().attach(application, name, file);
    out()
        .println(
            "attached "
                + name
                + " to "
                + application
                + " ("
                + attached.size()
                + " bytes, sha256 "
                + attached.fingerprint()
                + ")");
    return ExitCodes.OK;
  }
}
