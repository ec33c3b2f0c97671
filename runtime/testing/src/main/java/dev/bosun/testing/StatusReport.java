package dev.bosun.testing;

import dev.bosun.runtime.ApplicationStatus;
import dev.bosun.runtime.HookRecord;
import dev.bosun.runtime.ModelStatus;
import dev.bosun.runtime.RelationStatus;
import dev.bosun.runtime.Runtime;
import dev.bosun.runtime.UnitStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model as a test failure shows it: a {@code juju status}-like table of applications, units and
 * relations, then the hooks each unit ran.
 */
final class StatusReport {
  /** How many of a unit's latest hooks a report lists. */
  static final int HOOKS_PER_UNIT = 60;

  private StatusReport() {}

  static String of(Runtime runtime) {
    ModelStatus status = runtime.status();
    StringBuilder text = new StringBuilder();
    text.append("Model \"").append(status.model()).append("\" at ").append(status.timestamp());
    text.append("\n\n");
    Table apps = new Table("App", "Charm", "Status", "Scale", "Message");
    Table units = new Table("Unit", "Workload", "Agent", "Machine", "Address", "Ports", "Message");
    for (ApplicationStatus app : status.applications().values()) {
      apps.row(
          app.name(),
          app.charm(),
          app.status().current(),
          Integer.toString(app.scale()),
          app.status().message());
      for (UnitStatus unit : app.units().values()) {
        addUnit(units, unit, "");
      }
    }
    text.append(apps).append('\n').append(units);
    if (!status.relations().isEmpty()) {
      Table relations = new Table("Id", "Relation", "Interface", "Type", "Status");
      for (RelationStatus relation : status.relations()) {
        relations.row(
            Integer.toString(relation.id()),
            relation.key(),
            relation.interfaceName(),
            relation.type(),
            relation.status());
      }
      text.append('\n').append(relations);
    }
    Map<String, List<String>> hooks = new LinkedHashMap<>();
    for (HookRecord record : runtime.hookLog()) {
      hooks.computeIfAbsent(record.unit(), k -> new ArrayList<>()).add(HookTraces.trace(record));
    }
    if (!hooks.isEmpty()) {
      text.append("\nHooks run, oldest first:\n");
      hooks.keySet().stream()
          .sorted()
          .forEach(
              unit -> {
                List<String> ran = hooks.get(unit);
                text.append("  ").append(unit).append(": ");
                if (ran.size() > HOOKS_PER_UNIT) {
                  text.append("(").append(ran.size() - HOOKS_PER_UNIT).append(" earlier) ");
                  ran = ran.subList(ran.size() - HOOKS_PER_UNIT, ran.size());
                }
                text.append(String.join(", ", ran)).append('\n');
              });
    }
    return text.toString();
  }

  private static void addUnit(Table units, UnitStatus unit, String indent) {
    units.row(
        indent + unit.name() + (unit.leader() ? "*" : ""),
        unit.workload().current(),
        unit.agent().current(),
        unit.machine(),
        unit.address(),
        String.join(",", unit.openPorts()),
        unit.workload().message());
    for (UnitStatus subordinate : unit.subordinates().values()) {
      addUnit(units, subordinate, indent + "  ");
    }
  }

  /** Columns padded to their widest cell, as {@code juju status} prints them. */
  private static final class Table {
    private final List<String[]> rows = new ArrayList<>();

    Table(String... header) {
      rows.add(header);
    }

    void row(String... cells) {
      rows.add(cells);
    }

    @Override
    public String toString() {
      int columns = rows.get(0).length;
      int[] widths = new int[columns];
      for (String[] row : rows) {
        for (int i = 0; i < columns; i++) {
          widths[i] = Math.max(widths[i], row[i] == null ? 0 : row[i].length());
        }
      }
      StringBuilder text = new StringBuilder();
      for (String[] row : rows) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < columns; i++) {
          String cell = row[i] == null ? "" : row[i];
          line.append(cell);
          if (i < columns - 1) {
            line.append(" ".repeat(widths[i] - cell.length() + 2));
          }
        }
        text.append(line.toString().stripTrailing()).append('\n');
      }
      return text.toString();
    }
  }
}
