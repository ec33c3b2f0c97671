package dev.bosun.model.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bosun.model.internal.yaml.YamlParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Go's formatting, which Juju's messages are made of. */
class GoFormatTest {

  @Test
  void quotesAsGoQuotes() {
    assertThat(GoFormat.quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
    assertThat(GoFormat.quote("tab\tnl\n\u0007\u0001\u007f"))
        .isEqualTo("\"tab\\tnl\\n\\a\\x01\\x7f\"");
    assertThat(GoFormat.quote("héllo ✓")).isEqualTo("\"héllo ✓\"");
    assertThat(GoFormat.quote("\u200b")).isEqualTo("\"\\u200b\"");
  }

  @Test
  void formatsFloatsAsGoPercentV() {
    assertThat(GoFormat.formatFloat(2.5)).isEqualTo("2.5");
    assertThat(GoFormat.formatFloat(123.4)).isEqualTo("123.4");
    assertThat(GoFormat.formatFloat(100000.0)).isEqualTo("100000");
    assertThat(GoFormat.formatFloat(1e6)).isEqualTo("1e+06");
    assertThat(GoFormat.formatFloat(1234567.0)).isEqualTo("1.234567e+06");
    assertThat(GoFormat.formatFloat(2.2e11)).isEqualTo("2.2e+11");
    assertThat(GoFormat.formatFloat(0.0001)).isEqualTo("0.0001");
    assertThat(GoFormat.formatFloat(0.00001)).isEqualTo("1e-05");
    assertThat(GoFormat.formatFloat(-1.5e-300)).isEqualTo("-1.5e-300");
    assertThat(GoFormat.formatFloat(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
  }

  @Test
  void formatsFloatsAsGoJson() {
    assertThat(GoFormat.formatJsonFloat(5.0)).isEqualTo("5");
    assertThat(GoFormat.formatJsonFloat(0.5)).isEqualTo("0.5");
    assertThat(GoFormat.formatJsonFloat(1234567.0)).isEqualTo("1234567");
    assertThat(GoFormat.formatJsonFloat(1e21)).isEqualTo("1e+21");
    assertThat(GoFormat.formatJsonFloat(1e-7)).isEqualTo("1e-7");
  }

  @Test
  void rendersValuesAsJujuSchemaErrorsDo() {
    assertThat(GoFormat.typed((Object) 42L)).isEqualTo("int(42)");
    assertThat(GoFormat.typed((Object) "x")).isEqualTo("string(\"x\")");
    assertThat(GoFormat.typed((Object) 2.0)).isEqualTo("float64(2)");
    assertThat(GoFormat.typed((Object) null)).isEqualTo("nothing");
    assertThat(GoFormat.goSyntax(List.of("a", 1L))).isEqualTo("[]interface {}{\"a\", 1}");
    assertThat(GoFormat.goSyntax(Map.of("b", true)))
        .isEqualTo("map[interface {}]interface {}{\"b\":true}");
  }

  @Test
  void keepsTheTypesOfMappingKeys() {
    var node = YamlParser.parseAll("{1: a, b: 2}", "t.yaml").documents().get(0);

    assertThat(GoFormat.typed(node))
        .isEqualTo(
            "map[interface {}]interface {}(map[interface {}]interface {}{1:\"a\", \"b\":2})");
  }
}
