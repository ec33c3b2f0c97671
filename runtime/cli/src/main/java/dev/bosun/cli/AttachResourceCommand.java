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
      "ctx.resource(NAME). NAME must be a resource the charm's metadata.yaml declares. Units",
      "see the file from their next hook on (a config change, update-status)."
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
    dev.bosun.runtime.ApplicationStatus app =
        session.runtime().status().applications().get(application);
    if (app == null) {
      throw new NotFoundException("application", application);
    }
    java.util.Set<String> declared =
        session
            .charms()
            .find(app.charm())
            .map(charm -> charm.meta().resources().keySet())
            .orElse(java.util.Set.of());
    if (!declared.contains(name)) {
      throw new UsageException(
          "charm \""
              + app.charm()
              + "\" has no resource \""
              + name
              + "\""
              + (declared.isEmpty()
                  ? " (it declares none)"
                  : "; its resources: " + String.join(", ", new java.util.TreeSet<>(declared))));
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
