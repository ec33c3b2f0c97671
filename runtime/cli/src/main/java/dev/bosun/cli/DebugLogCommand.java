package dev.bosun.cli;

import dev.bosun.runtime.HookRecord;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bosun debug-log [--include UNIT]... [--follow]}: the hooks and actions units ran. */
@Command(
    name = "debug-log",
    mixinStandardHelpOptions = true,
    header = "Show the hooks and actions units ran, with their outcome.",
    description = {
      "",
      "One line per hook: time, unit, hook, outcome and, for a failure, the error. --follow",
      "keeps printing new lines until interrupted."
    })
final class DebugLogCommand extends ModelCommand {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

  @Option(
      names = {"-i", "--include"},
      paramLabel = "UNIT",
      description = "Only these units (or applications). Repeatable.")
  List<String> include = new ArrayList<>();

  @Option(names = "--follow", description = "Keep printing new entries until interrupted.")
  boolean follow;

  @Override
  boolean changesModel() {
    return false;
  }

  @Override
  public Integer call() {
    if (!follow || access().isAttached()) {
      return super.call();
    }
    Set<String> printed = new HashSet<>();
    return repeatUntilInterrupted(
        Duration.ofSeconds(1),
        round -> {
          for (String line : round.out().split("\n")) {
            if (!line.isEmpty() && printed.add(line)) {
              out().println(line);
            }
          }
          err().print(round.err());
        });
  }

  @Override
  int execute(Session session) {
    for (HookRecord record : session.runtime().hookLog()) {
      if (!included(record.unit())) {
        continue;
      }
      StringBuilder line =
          new StringBuilder()
              .append(TIME.format(record.start()))
              .append(" #")
              .append(record.sequence())
              .append(' ')
              .append(record.unit())
              .append(' ')
              .append(record.action() ? "action " : "")
              .append(record.hook());
      if (record.remoteUnit() != null) {
        line.append(" (").append(record.remoteUnit()).append(')');
      }
      line.append(' ').append(record.outcome().name().toLowerCase(java.util.Locale.ROOT));
      if (record.error() != null && !record.error().isEmpty()) {
        line.append(": ").append(record.error());
      }
      out().println(line);
    }
    return ExitCodes.OK;
  }

  private boolean included(String unit) {
    if (include.isEmpty()) {
      return true;
    }
    String app = unit.substring(0, unit.indexOf('/'));
    return include.contains(unit) || include.contains(app);
  }
}
