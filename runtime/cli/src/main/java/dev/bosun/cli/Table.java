package dev.bosun.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A text table as Juju's tabular output draws it: columns two spaces apart, no borders. */
final class Table {
  private final List<String> header;
  private final Set<Integer> rightAligned;
  private final List<List<String>> rows = new ArrayList<>();

  Table(List<String> header, Set<Integer> rightAligned) {
    this.header = header;
    this.rightAligned = rightAligned;
  }

  void row(String... cells) {
    rows.add(List.of(cells));
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  /** Renders the table, each line without trailing spaces. */
  String render() {
    int[] widths = new int[header.size()];
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    for (List<String> row : all) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (List<String> row : all) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        String cell = row.get(i);
        String pad = " ".repeat(widths[i] - cell.length());
        boolean right = rightAligned.contains(i) && row != header;
        line.append(right ? pad + cell : cell + pad);
        if (i < row.size() - 1) {
          line.append("  ");
        }
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }
}
