package dev.bosun.model.internal.validation;

import dev.bosun.model.Location;
import dev.bosun.model.Problem;
import dev.bosun.model.SourceMap;
import java.util.ArrayList;
import java.util.List;

/** Collects problems, locating each with a {@link SourceMap}. */
final class Findings {
  private final SourceMap sources;
  private final List<Problem> problems = new ArrayList<>();

  Findings(SourceMap sources) {
    this.sources = sources;
  }

  /** Returns the location of the key or list element at the path (or an ancestor's). */
  Location at(String... path) {
    return sources.at(path);
  }

  /** Returns the location of the value at the path (or the key's, or an ancestor's). */
  Location valueAt(String... path) {
    return sources.valueAt(path);
  }

  void error(Location where, String format, Object... args) {
    problems.add(Problem.error(where, String.format(format, args)));
  }

  void warning(Location where, String format, Object... args) {
    problems.add(Problem.warning(where, String.format(format, args)));
  }

  void addAll(List<Problem> more) {
    problems.addAll(more);
  }

  List<Problem> problems() {
    return problems;
  }
}
