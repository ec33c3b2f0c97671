package dev.bosun.model.internal.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bosun.model.Location;
import dev.bosun.model.Problem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlParserTest {

  @Test
  void recordsOneBasedLineAndColumnOfKeysAndValues() {
    YamlParser.Result result =
        YamlParser.parseAll("applications:\n  etcd:\n    num_units: 3\n", "b.yaml");

    YamlMapping root = (YamlMapping) result.documents().get(0);
    YamlMapping apps = (YamlMapping) root.get("applications").orElseThrow();
    YamlMapping.Entry etcd = apps.entry("etcd").orElseThrow();
    YamlMapping.Entry units = ((YamlMapping) etcd.value()).entry("num_units").orElseThrow();

    assertThat(result.problems()).isEmpty();
    assertThat(etcd.key().location()).isEqualTo(new Location("b.yaml", 2, 3));
    assertThat(units.key().location()).isEqualTo(new Location("b.yaml", 3, 5));
    assertThat(units.value().location()).isEqualTo(new Location("b.yaml", 3, 16));
  }

  @Test
  void typesScalarsAsYaml11Does() {
    YamlParser.Result result =
        YamlParser.parseAll(
            "a: 3\nb: 1.5\nc: yes\nd: ~\ne: '3'\nf: 2001-12-14\ng: off\nh: 99999999999999999999\n",
            "t.yaml");

    Object java = result.documents().get(0).toJava();

    assertThat(java)
        .isEqualTo(
            mapOf(
                "a",
                3L,
                "b",
                1.5,
                "c",
                true,
                "d",
                null,
                "e",
                "3",
                "f",
                "2001-12-14",
                "g",
                false,
                "h",
                new java.math.BigInteger("99999999999999999999")));
  }

  @Test
  void reportsDuplicateKeysWithBothPositions() {
    YamlParser.Result result = YamlParser.parseAll("a: 1\nb: 2\na: 3\n", "d.yaml");

    assertThat(result.problems())
        .containsExactly(
            Problem.error(
                new Location("d.yaml", 3, 1), "mapping key \"a\" already defined at line 1"));
    assertThat(result.documents().get(0).toJava()).isEqualTo(mapOf("b", 2L, "a", 3L));
  }

  @Test
  void reportsSyntaxErrorsAtTheirPositionWithoutThrowing() {
    YamlParser.Result result = YamlParser.parseAll("a: [1, 2\nb: 3\n", "s.yaml");

    assertThat(result.hasErrors()).isTrue();
    assertThat(result.problems().get(0).location().file()).isEqualTo("s.yaml");
    assertThat(result.problems().get(0).message()).startsWith("YAML syntax error: ");
  }

  @Test
  void expandsAliasesAndAppliesMergeKeysWithExplicitKeysWinning() {
    YamlParser.Result result =
        YamlParser.parseAll("base: &b {x: 1, y: 2}\nchild:\n  <<: *b\n  y: 3\nref: *b\n", "m.yaml");

    Map<?, ?> root = (Map<?, ?>) result.documents().get(0).toJava();

    assertThat(result.problems()).isEmpty();
    assertThat(root.get("child")).isEqualTo(mapOf("x", 1L, "y", 3L));
    assertThat(root.get("ref")).isEqualTo(mapOf("x", 1L, "y", 2L));
  }

  @Test
  void splitsMultiDocumentStreamsAndKeepsEmptyDocumentsAsNull() {
    YamlParser.Result result = YamlParser.parseAll("a: 1\n---\n---\nb: 2\n", "m.yaml");

    List<YamlNode> documents = result.documents();

    assertThat(documents).hasSize(3);
    assertThat(documents.get(1).isNull()).isTrue();
    assertThat(documents.get(2).location().line()).isEqualTo(4);
  }

  private static Map<String, Object> mapOf(Object... keysAndValues) {
    Map<String, Object> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
