package dev.bosun.model.internal.charm;

import dev.bosun.model.Location;
import dev.bosun.model.Problem;
import dev.bosun.model.internal.GoFormat;
import dev.bosun.model.internal.yaml.YamlMapping;
import dev.bosun.model.internal.yaml.YamlNode;
import dev.bosun.model.internal.yaml.YamlScalar;
import dev.bosun.model.internal.yaml.YamlSequence;
import java.util.List;

/**
 * The checkers of juju/schema ({@code String}, {@code Int}, {@code Bool}, {@code List}, {@code
 * StringMap}, {@code OneOf(Const...)}) applied to YAML nodes, with juju/schema's messages: {@code
 * <path>: expected <kind>, got <%T(%#v)>} or {@code got nothing}, and {@code <path>: unexpected
 * value <%#v>}. Each problem is placed at the offending node.
 *
 * <p>Unlike juju/schema, which stops at the first error, a checker records the error and returns
 * null, so the caller goes on and reports every problem.
 */
public final class SchemaChecker {
  private final List<Problem> problems;
  private final String prefix;

  /**
   * Creates a checker.
   *
   * @param problems where problems are added
   * @param prefix the text put before every message, for example {@code metadata: }
   */
  public SchemaChecker(List<Problem> problems, String prefix) {
    this.problems = problems;
    this.prefix = prefix;
  }

  /** Returns a null node placed at {@code where}: the value of a key that is absent. */
  public static YamlNode nothingAt(YamlNode where) {
    return new YamlScalar("", YamlScalar.Type.NULL, null, false, where.location());
  }

  /** Joins a path and a key as juju/schema does: {@code provides.db}. */
  public static String path(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }

  /** Joins a path and a list index as juju/schema does: {@code properties[1]}. */
  public static String index(String parent, int index) {
    return parent + "[" + index + "]";
  }

  /** Records an error at a node, with the prefix and the path. */
  public void error(YamlNode at, String path, String message) {
    error(at.location(), path, message);
  }

  /** Records an error at a location, with the prefix and the path. */
  public void error(Location at, String path, String message) {
    problems.add(Problem.error(at, prefix + (path.isEmpty() ? "" : path + ": ") + message));
  }

  /** Records {@code expected <want>, got <value>}. */
  public void expected(YamlNode node, String path, String want) {
    error(node, path, "expected " + want + ", got " + GoFormat.typed(node));
  }

  /** Records {@code unexpected value <%#v>}. */
  public void unexpected(YamlNode node, String path) {
    error(node, path, "unexpected value " + GoFormat.goSyntax(node));
  }

  /** juju/schema's {@code String()}: a string scalar (quoted or not); null otherwise. */
  public String string(YamlNode node, String path) {
    if (node instanceof YamlScalar scalar && scalar.value() instanceof String text) {
      return text;
    }
    expected(node, path, "string");
    return null;
  }

  /**
   * juju/schema's {@code Int()}: an integer, or a string Go's {@code ParseInt(s, 0, 64)} accepts;
   * null otherwise.
   */
  public Long integer(YamlNode node, String path) {
    if (node instanceof YamlScalar scalar) {
      if (scalar.value() instanceof Long number) {
        return number;
      }
      if (scalar.value() instanceof String text) {
        Long parsed = GoStrconv.parseIntAnyBase(text);
        if (parsed != null) {
          return parsed;
        }
      }
    }
    expected(node, path, "int");
    return null;
  }

  /**
   * juju/schema's {@code Bool()}: a boolean, or a string Go's {@code ParseBool} accepts; null
   * otherwise.
   */
  public Boolean bool(YamlNode node, String path) {
    if (node instanceof YamlScalar scalar) {
      if (scalar.value() instanceof Boolean value) {
        return value;
      }
      if (scalar.value() instanceof String text) {
        Boolean parsed = GoStrconv.parseBool(text);
        if (parsed != null) {
          return parsed;
        }
      }
    }
    expected(node, path, "bool");
    return null;
  }

  /** juju/schema's {@code List(...)} shape: a sequence; null otherwise. */
  public YamlSequence list(YamlNode node, String path) {
    if (node instanceof YamlSequence sequence) {
      return sequence;
    }
    expected(node, path, "list");
    return null;
  }

  /** juju/schema's {@code List(String())}: every item a string; null if any is not. */
  public List<String> stringList(YamlNode node, String path) {
    YamlSequence sequence = list(node, path);
    if (sequence == null) {
      return null;
    }
    List<String> items = new java.util.ArrayList<>(sequence.items().size());
    boolean valid = true;
    for (int i = 0; i < sequence.items().size(); i++) {
      String item = string(sequence.items().get(i), index(path, i));
      valid &= item != null;
      items.add(item);
    }
    return valid ? items : null;
  }

  /**
   * juju/schema's {@code StringMap(...)} shape: a mapping whose keys are strings; null if the node
   * is not a mapping. A non-string key is reported ({@code expected string, got int(1)}) and the
   * caller should skip its entry ({@link #isStringKey}).
   */
  public YamlMapping stringMap(YamlNode node, String path) {
    if (!(node instanceof YamlMapping mapping)) {
      expected(node, path, "map");
      return null;
    }
    for (YamlMapping.Entry entry : mapping.entries()) {
      if (!isStringKey(entry)) {
        expected(entry.key(), path, "string");
      }
    }
    return mapping;
  }

  /** juju/schema's {@code FieldMap(...)} shape: a mapping; null otherwise. */
  public YamlMapping fieldMap(YamlNode node, String path) {
    if (node instanceof YamlMapping mapping) {
      return mapping;
    }
    expected(node, path, "map");
    return null;
  }

  /** Whether an entry's key is a string, as yaml.v2 decodes it (quoted or a plain string). */
  public static boolean isStringKey(YamlMapping.Entry entry) {
    return entry.key().value() instanceof String;
  }

  /**
   * juju/schema's {@code OneOf(Const(a), Const(b)...)} over strings: the value when it is one of
   * the allowed strings; otherwise records {@code unexpected value} and returns null.
   */
  public String oneOf(YamlNode node, String path, String... allowed) {
    if (node instanceof YamlScalar scalar && scalar.value() instanceof String text) {
      for (String candidate : allowed) {
        if (candidate.equals(text)) {
          return text;
        }
      }
    }
    unexpected(node, path);
    return null;
  }
}
