package dev.bosun.model.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlWriterTest {

  @Test
  void quotesStringsThatWouldReadBackAsSomethingElse() {
    assertThat(YamlWriter.scalar("")).isEqualTo("\"\"");
    assertThat(YamlWriter.scalar("0")).isEqualTo("\"0\"");
    assertThat(YamlWriter.scalar("-15")).isEqualTo("\"-15\"");
    assertThat(YamlWriter.scalar("1.5")).isEqualTo("\"1.5\"");
    assertThat(YamlWriter.scalar("yes")).isEqualTo("\"yes\"");
    assertThat(YamlWriter.scalar("null")).isEqualTo("\"null\"");
    assertThat(YamlWriter.scalar("a: b")).isEqualTo("\"a: b\"");
    assertThat(YamlWriter.scalar("*star")).isEqualTo("\"*star\"");
    assertThat(YamlWriter.scalar(" padded")).isEqualTo("\" padded\"");
    assertThat(YamlWriter.scalar("line\nbreak")).isEqualTo("\"line\\nbreak\"");
  }

  @Test
  void leavesOrdinaryStringsPlain() {
    assertThat(YamlWriter.scalar("ch:mediawiki")).isEqualTo("ch:mediawiki");
    assertThat(YamlWriter.scalar("::/0")).isEqualTo("::/0");
    assertThat(YamlWriter.scalar("Central library")).isEqualTo("Central library");
    assertThat(YamlWriter.scalar("-foo")).isEqualTo("-foo");
    assertThat(YamlWriter.scalar("cores=4 mem=8192M")).isEqualTo("cores=4 mem=8192M");
  }

  @Test
  void formatsFloatsAsGoDoes() {
    assertThat(YamlWriter.formatFloat(42.47)).isEqualTo("42.47");
    assertThat(YamlWriter.formatFloat(1.0)).isEqualTo("1");
    assertThat(YamlWriter.formatFloat(100000.0)).isEqualTo("100000");
    assertThat(YamlWriter.formatFloat(1e6)).isEqualTo("1e+06");
    assertThat(YamlWriter.formatFloat(1234567.0)).isEqualTo("1.234567e+06");
    assertThat(YamlWriter.formatFloat(0.0001)).isEqualTo("0.0001");
    assertThat(YamlWriter.formatFloat(0.00001)).isEqualTo("1e-05");
    assertThat(YamlWriter.formatFloat(-2.5)).isEqualTo("-2.5");
    assertThat(YamlWriter.formatFloat(Double.POSITIVE_INFINITY)).isEqualTo("+.inf");
  }

  @Test
  void writesBlockYamlWithSequencesAtTheirKeysIndentation() {
    Map<String, Object> document = new LinkedHashMap<>();
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("list", List.of("a", "b"));
    inner.put("pairs", List.of(List.of("x:1", "y:2")));
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("k", 1L);
    item.put("v", true);
    inner.put("maps", List.of(item));
    inner.put("empty", Map.of());
    inner.put("none", null);
    document.put("top", inner);

    assertThat(YamlWriter.write(document))
        .isEqualTo(
            """
            top:
              list:
              - a
              - b
              pairs:
              - - x:1
                - y:2
              maps:
              - k: 1
                v: true
              empty: {}
              none: null
            """);
    assertThat(YamlWriter.write(Map.of())).isEqualTo("{}\n");
  }
}
