package dev.bosun.model.internal.yaml;

import dev.bosun.model.Location;
import dev.bosun.model.Problem;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Parses YAML text into {@link YamlNode} trees that remember {@code file:line:column} for every
 * node, with YAML 1.1 scalar typing (as Go's yaml.v2, which Juju uses: {@code yes} is a boolean).
 *
 * <p>Parsing never throws on bad input: syntax errors, duplicate keys and non-scalar keys become
 * {@link Problem}s with locations. Anchors and aliases are expanded; merge keys ({@code <<}) are
 * applied, with explicit keys winning.
 */
public final class YamlParser {
  private static final int MAX_ALIASES = 100;

  private YamlParser() {}

  /**
   * Parses every document of a YAML stream.
   *
   * @param content the YAML text
   * @param file the file name to put in locations, as the user gave it
   * @return the documents (an empty document is a null scalar) and the problems found
   */
  public static Result parseAll(String content, String file) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setAllowDuplicateKeys(true);
    options.setProcessComments(false);
    Yaml yaml = new Yaml(options);
    Converter converter = new Converter(file, options);
    List<YamlNode> documents = new ArrayList<>();
    try {
      for (Node node : yaml.composeAll(new StringReader(content))) {
        documents.add(node == null ? converter.emptyDocument() : converter.convert(node));
      }
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
      String context = e.getContext() != null ? e.getContext() + ": " : "";
      converter.problems.add(
          Problem.error(converter.location(mark), "YAML syntax error: " + context + problem));
    } catch (YAMLException e) {
      converter.problems.add(
          Problem.error(new Location(file, 1, 1), "YAML error: " + e.getMessage()));
    }
    return new Result(documents, converter.problems);
  }

  /**
   * The documents of a stream and the problems found.
   *
   * @param documents the documents in order; empty when the stream had none
   * @param problems syntax errors, duplicate keys, non-scalar keys
   */
  public record Result(List<YamlNode> documents, List<Problem> problems) {

    /** Copies the lists. */
    public Result {
      documents = List.copyOf(documents);
      problems = List.copyOf(problems);
    }

    /** Whether any problem is an error. */
    public boolean hasErrors() {
      return problems.stream().anyMatch(Problem::isError);
    }
  }

  /** Converts SnakeYAML nodes; keeps converted nodes by identity so aliases share work. */
  private static final class Converter extends SafeConstructor {
    private final String file;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<Node, YamlNode> converted = new IdentityHashMap<>();

    Converter(String file, LoaderOptions options) {
      super(options);
      this.file = file;
    }

    YamlNode emptyDocument() {
      return new YamlScalar("", YamlScalar.Type.NULL, null, false, new Location(file, 1, 1));
    }

    Location location(Mark mark) {
      return mark == null
          ? new Location(file, 1, 1)
          : new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    YamlNode convert(Node node) {
      YamlNode done = converted.get(node);
      if (done != null) {
        return done;
      }
      YamlNode result =
          switch (node.getNodeId()) {
            case scalar -> scalar((ScalarNode) node);
            case sequence -> sequence((SequenceNode) node);
            case mapping -> mapping((MappingNode) node);
            default -> throw new IllegalStateException("unexpected node " + node.getNodeId());
          };
      converted.put(node, result);
      return result;
    }

    private YamlScalar scalar(ScalarNode node) {
      Location at = location(node.getStartMark());
      String text = node.getValue();
      boolean quoted = node.isPlain() ? false : true;
      Tag tag = node.getTag();
      if (quoted || Tag.STR.equals(tag)) {
        return new YamlScalar(text, YamlScalar.Type.STRING, text, quoted, at);
      }
      if (Tag.NULL.equals(tag)) {
        return new YamlScalar(text, YamlScalar.Type.NULL, null, false, at);
      }
      if (Tag.BOOL.equals(tag) || Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
        Object value;
        try {
          value = constructObject(node);
        } catch (RuntimeException e) {
          return new YamlScalar(text, YamlScalar.Type.STRING, text, false, at);
        }
        if (value instanceof Boolean) {
          return new YamlScalar(text, YamlScalar.Type.BOOLEAN, value, false, at);
        }
        if (value instanceof Integer || value instanceof Long) {
          return new YamlScalar(text, YamlScalar.Type.INT, ((Number) value).longValue(), false, at);
        }
        if (value instanceof BigInteger big) {
          Object narrowed = big.bitLength() < 64 ? (Object) big.longValue() : big;
          return new YamlScalar(text, YamlScalar.Type.INT, narrowed, false, at);
        }
        if (value instanceof Double || value instanceof Float) {
          return new YamlScalar(
              text, YamlScalar.Type.FLOAT, ((Number) value).doubleValue(), false, at);
        }
      }
      // Timestamps, binary and explicit custom tags stay text.
      return new YamlScalar(text, YamlScalar.Type.STRING, text, false, at);
    }

    private YamlSequence sequence(SequenceNode node) {
      List<YamlNode> items = new ArrayList<>(node.getValue().size());
      for (Node item : node.getValue()) {
        items.add(convert(item));
      }
      return new YamlSequence(items, location(node.getStartMark()));
    }

    private YamlMapping mapping(MappingNode node) {
      Map<String, YamlMapping.Entry> explicit = new LinkedHashMap<>();
      Map<String, YamlMapping.Entry> merged = new LinkedHashMap<>();
      for (NodeTuple tuple : node.getValue()) {
        Node keyNode = tuple.getKeyNode();
        Node valueNode = tuple.getValueNode();
        if (keyNode instanceof ScalarNode scalarKey && Tag.MERGE.equals(scalarKey.getTag())) {
          merge(valueNode, merged);
          continue;
        }
        if (!(keyNode instanceof ScalarNode scalarKey)) {
          problems.add(
              Problem.error(
                  location(keyNode.getStartMark()),
                  "mapping keys must be scalars, got a " + convert(keyNode).kind()));
          continue;
        }
        YamlScalar key = scalar(scalarKey);
        YamlNode value = convert(valueNode);
        YamlMapping.Entry previous = explicit.get(key.text());
        if (previous != null) {
          problems.add(
              Problem.error(
                  key.location(),
                  String.format(
                      "mapping key \"%s\" already defined at line %d",
                      key.text(), previous.key().location().line())));
          explicit.remove(key.text());
        }
        explicit.put(key.text(), new YamlMapping.Entry(key, value));
      }
      Map<String, YamlMapping.Entry> entries = new LinkedHashMap<>(merged);
      entries.keySet().removeAll(explicit.keySet());
      entries.putAll(explicit);
      return new YamlMapping(new ArrayList<>(entries.values()), location(node.getStartMark()));
    }

    private void merge(Node source, Map<String, YamlMapping.Entry> into) {
      if (source instanceof SequenceNode sequence) {
        // Earlier maps in a merge sequence win over later ones.
        List<Node> maps = new ArrayList<>(sequence.getValue());
        java.util.Collections.reverse(maps);
        for (Node map : maps) {
          merge(map, into);
        }
        return;
      }
      YamlNode converted = convert(source);
      if (converted instanceof YamlMapping mapping) {
        for (YamlMapping.Entry entry : mapping.entries()) {
          into.remove(entry.key().text());
          into.put(entry.key().text(), entry);
        }
      } else {
        problems.add(
            Problem.error(
                converted.location(),
                "a merge key (<<) needs a mapping, got a " + converted.kind()));
      }
    }
  }
}
