package dev.bosun.cli;

import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bosun status [--format tabular|yaml|json] [--relations] [--watch]}. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    header = "Show the model's applications, units, machines and relations.",
    description = {
      "",
      "Tabular by default, as 'juju status' draws it: the leader unit is marked *, subordinate",
      "units are indented under their principal. --format yaml|json gives the shape of",
      "'juju status --format yaml'. Reading the status never runs hooks."
    })
final class StatusCommand extends ModelCommand {

  /** Output formats. */
  enum Format {
    tabular,
    yaml,
    json
  }

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "tabular (default), yaml or json.")
  Format format = Format.tabular;

  @Option(
      names = {"--relations", "--integrations"},
      description = "Show the Integration section (tabular).")
  boolean relations;

  @Option(names = "--watch", description = "Redraw the status every 2 seconds until interrupted.")
  boolean watch;

  @Override
  boolean changesModel() {
    return false;
  }

  @Override
  public Integer call() {
    if (!watch || access().isAttached()) {
      return super.call();
    }
    boolean terminal = access().terminal();
    return repeatUntilInterrupted(
        Duration.ofSeconds(2),
        round -> {
          if (terminal) {
            out().print("\033[H\033[2J");
          }
          out().print(round.out());
          err().print(round.err());
          if (!terminal) {
            out().println();
          }
        });
  }

  @Override
  int execute(Session session) {
    StatusFormatter formatter =
        new StatusFormatter(
            session.runtime().status(), session.charms(), VersionProvider.version());
    out()
        .print(
            switch (format) {
              case tabular -> formatter.tabular(relations);
              case yaml -> formatter.yaml();
              case json -> formatter.json();
            });
    return ExitCodes.OK;
  }
}
