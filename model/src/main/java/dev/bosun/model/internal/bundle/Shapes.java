package dev.bosun.model.internal.bundle;

import dev.bosun.model.internal.GoFormat;
import dev.bosun.model.internal.yaml.YamlMapping;
import dev.bosun.model.internal.yaml.YamlNode;
import dev.bosun.model.internal.yaml.YamlScalar;
import dev.bosun.model.internal.yaml.YamlSequence;

/** Words for node shapes in type errors: {@code must be an integer, got string "three"}. */
final class Shapes {
  private Shapes() {}

  /**
   * Describes what a node is: {@code a mapping}, {@code null}, {@code string "x"}, {@code int 3}.
   */
  static String describe(YamlNode node) {
    if (node instanceof YamlMapping) {
      return "a mapping";
    }
    if (node instanceof YamlSequence) {
      return "a sequence";
    }
    YamlScalar scalar = (YamlScalar) node;
    if (scalar.value() == null) {
      return "null";
    }
    return scalar.type() + " " + GoFormat.quote(scalar.text());
  }

  /** Names what a kind expects: {@code an integer}, {@code a mapping}. */
  static String expected(Kind kind) {
    return switch (kind) {
      case STRING -> "a string";
      case INT -> "an integer";
      case BOOL -> "a boolean (true or false)";
      case STRING_LIST -> "a sequence of strings";
      default -> "a mapping";
    };
  }

  /** Whether the node is a scalar other than null. */
  static boolean isText(YamlNode node) {
    return node instanceof YamlScalar scalar && scalar.value() != null;
  }
}
