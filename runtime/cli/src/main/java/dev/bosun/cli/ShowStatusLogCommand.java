package dev.bosun.cli;

import dev.bosun.runtime.StatusHistoryEntry;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code bosun show-status-log UNIT}: a unit's status history, oldest first. */
@Command(
    name = "show-status-log",
    mixinStandardHelpOptions = true,
    header = "Show a unit's status history.")
final class ShowStatusLogCommand extends ModelCommand {
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("dd MMM yyyy HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  @Parameters(index = "0", paramLabel = "UNIT", description = "The unit.")
  String unit;

  @Override
  boolean changesModel() {
    return false;
  }

  @Override
  int execute(Session session) {
    Table table =
        new Table(java.util.List.of("Time", "Type", "Status", "Message"), java.util.Set.of());
    for (StatusHistoryEntry entry : session.runtime().statusHistory(unit)) {
      table.row(
          TIME.format(entry.status().since()),
          entry.type(),
          entry.status().current(),
          entry.status().message());
    }
    out().print(table.render());
    return ExitCodes.OK;
  }
}
