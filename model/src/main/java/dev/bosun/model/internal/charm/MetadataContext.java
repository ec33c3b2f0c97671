package dev.bosun.model.internal.charm;

import dev.bosun.model.Location;
import dev.bosun.model.Problem;
import dev.bosun.model.internal.GoFormat;
import dev.bosun.model.internal.yaml.YamlMapping;
import java.util.List;
import java.util.Set;

/**
 * What the readers of the parts of {@code metadata.yaml} share: where errors and warnings go,
 * juju/schema's checks with the {@code metadata: } prefix, and the charm's name for messages.
 */
final class MetadataContext {
  static final String PREFIX = "metadata: ";

  final List<Problem> problems;
  final List<Problem> warnings;
  final SchemaChecker schema;
  private String charmName = "";

  MetadataContext(List<Problem> problems, List<Problem> warnings) {
    this.problems = problems;
    this.warnings = warnings;
    this.schema = new SchemaChecker(problems, PREFIX);
  }

  /** Sets the charm's name, once read; it starts empty, as Juju's zero value. */
  void charmName(String name) {
    this.charmName = name;
  }

  String charmName() {
    return charmName;
  }

  /** Returns {@code charm "<name>"}, the start of many of Juju's {@code Check} messages. */
  String charm() {
    return "charm " + GoFormat.quote(charmName);
  }

  void error(Location at, String message) {
    problems.add(Problem.error(at, message));
  }

  void warning(Location at, String message) {
    warnings.add(Problem.warning(at, message));
  }

  /** Warns about every string key of a mapping that is not among the known ones. */
  void warnUnknown(YamlMapping map, String path, Set<String> known) {
    for (YamlMapping.Entry entry : map.entries()) {
      if (SchemaChecker.isStringKey(entry) && !known.contains(entry.key().text())) {
        warning(
            entry.key().location(),
            PREFIX
                + (path.isEmpty() ? "" : path + ": ")
                + "unknown key "
                + GoFormat.quote(entry.key().text())
                + " ignored");
      }
    }
  }
}
