package dev.bosun.model.charm;

import static dev.bosun.model.charm.CharmProblems.VALID_HEAD;
import static dev.bosun.model.charm.CharmProblems.errors;
import static dev.bosun.model.charm.CharmProblems.warnings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules of {@code config.yaml} and of option values, with Juju's messages. */
class ConfigRulesTest {

  private static CharmSource withConfig(String config) {
    return CharmSource.of("c", VALID_HEAD).withConfig(config);
  }

  private static ConfigSchema schema(String config) {
    return CharmMetaReader.read(withConfig(config)).config();
  }

  @Test
  void hasNoOptionsWithoutAConfigFile() {
    assertThat(CharmMetaReader.read(CharmSource.of("c", VALID_HEAD)).config())
        .isSameAs(ConfigSchema.EMPTY);
  }

  @Test
  void rejectsAnEmptyConfiguration() {
    assertThat(errors(withConfig("")))
        .containsExactly("c/config.yaml:1:1: invalid config: empty configuration");
    assertThat(errors(withConfig("null\n")))
        .containsExactly("c/config.yaml:1:1: invalid config: empty configuration");
    assertThat(errors(withConfig("other: 1\n")))
        .containsExactly("c/config.yaml:1:1: invalid config: empty configuration");
  }

  @Test
  void acceptsAnExplicitlyEmptyOptionsKey() {
    assertThat(schema("options:\n").options()).isEmpty();
  }

  @Test
  void defaultsTheTypeToString() {
    ConfigOption outlook =
        schema("options:\n  outlook:\n    description: No default.\n")
            .option("outlook")
            .orElseThrow();

    assertThat(outlook)
        .isEqualTo(new ConfigOption("outlook", OptionType.STRING, "No default.", null));
  }

  @Test
  void readsTypedDefaults() {
    ConfigSchema schema =
        schema(
            "options:\n"
                + "  b: {type: boolean, default: true}\n"
                + "  s: {type: string, default: golden grahams}\n"
                + "  e: {type: string, default: \"\"}\n"
                + "  f: {type: float, default: 2.2e11}\n"
                + "  i: {type: int, default: 99}\n"
                + "  h: {type: int, default: \"0x10\"}\n"
                + "  k: {type: secret, default: \"secret:cj4v5vm78ohs79o84r4g\"}\n"
                + "  n: {type: int}\n");

    assertThat(schema.defaults())
        .containsExactly(
            entry("b", true),
            entry("s", "golden grahams"),
            entry("e", ""),
            entry("f", 2.2e11),
            entry("i", 99L),
            entry("h", 16L),
            entry("k", "secret:cj4v5vm78ohs79o84r4g"));
    assertThat(schema.option("n").orElseThrow().defaultValue()).isNull();
  }

  @Test
  void keepsAnEmptyStringDefaultForSecrets() {
    assertThat(schema("options:\n  k: {type: secret, default: \"\"}\n").defaults())
        .containsExactly(entry("k", ""));
  }

  @Test
  void rejectsDefaultsOfTheWrongType() {
    assertThat(
            errors(
                withConfig(
                    "options:\n"
                        + "  b: {type: boolean, default: henry}\n"
                        + "  s: {type: string, default: 2.5}\n"
                        + "  f: {type: float, default: true}\n"
                        + "  i: {type: int, default: true}\n"
                        + "  k: {type: secret, default: cheese}\n"
                        + "  m: {type: int, default: {a: 1}}\n")))
        .containsExactly(
            "c/config.yaml:2:31: invalid config default: option \"b\" expected boolean, got \"henry\"",
            "c/config.yaml:3:30: invalid config default: option \"s\" expected string, got 2.5",
            "c/config.yaml:4:29: invalid config default: option \"f\" expected float, got true",
            "c/config.yaml:5:27: invalid config default: option \"i\" expected int, got true",
            "c/config.yaml:6:30: invalid config default: option \"k\" expected secret, got \"cheese\"",
            "c/config.yaml:7:27: invalid config default: option \"m\" expected int, got"
                + " map[interface {}]interface {}{\"a\":1}");
  }

  @Test
  void rejectsUnknownTypes() {
    assertThat(errors(withConfig("options: {t: {type: foo}}\n")))
        .containsExactly(
            "c/config.yaml:1:21: invalid config: option \"t\" has unknown type \"foo\"");
  }

  @Test
  void rejectsOptionsOfTheWrongShape() {
    assertThat(errors(withConfig("options:\n  a: 5\n  b:\n    description: [x]\n")))
        .containsExactly(
            "c/config.yaml:2:6: cannot unmarshal !!int `5` into charm.Option",
            "c/config.yaml:4:18: cannot unmarshal !!seq into string");
    assertThat(errors(withConfig("- a\n")))
        .containsExactly("c/config.yaml:1:1: cannot unmarshal !!seq into charm.Config");
  }

  @Test
  void warnsAboutUnknownKeys() {
    assertThat(warnings(withConfig("options:\n  a:\n    type: int\n    defualt: 3\nextra: 1\n")))
        .containsExactly(
            "c/config.yaml:4:5: warning: config: option \"a\": unknown key \"defualt\" ignored",
            "c/config.yaml:5:1: warning: config: unknown key \"extra\" ignored");
  }

  @Test
  void parsesCommandLineTextAsJujuDoes() {
    ConfigSchema schema =
        schema(
            "options:\n  i: {type: int}\n  f: {type: float}\n  b: {type: boolean}\n"
                + "  s: {type: string}\n");

    assertThat(schema.parse("i", "-42")).isEqualTo(-42L);
    assertThat(schema.parse("f", "1e-3")).isEqualTo(0.001);
    assertThat(schema.parse("b", "T")).isEqualTo(true);
    assertThat(schema.parse("s", " x ")).isEqualTo(" x ");
    assertThatThrownBy(() -> schema.parse("i", " 42"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("option \"i\" expected int, got \" 42\"");
    assertThatThrownBy(() -> schema.parse("i", "0x10"))
        .hasMessage("option \"i\" expected int, got \"0x10\"");
    assertThatThrownBy(() -> schema.parse("b", "yes"))
        .hasMessage("option \"b\" expected boolean, got \"yes\"");
    assertThatThrownBy(() -> schema.parse("nope", "1"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("unknown option \"nope\"")
        .extracting(e -> ((ConfigException) e).option())
        .isEqualTo("nope");
  }

  @Test
  void validatesTypedValuesAsJujuValidatesBundleOptions() {
    ConfigSchema schema =
        schema(
            "options:\n  i: {type: int}\n  f: {type: float}\n  b: {type: boolean}\n"
                + "  s: {type: string}\n");

    assertThat(schema.validate("i", 123)).isEqualTo(123L);
    assertThat(schema.validate("i", "123")).isEqualTo(123L);
    assertThat(schema.validate("f", "2.22")).isEqualTo(2.22);
    assertThat(schema.validate("f", 0.5f)).isEqualTo(0.5);
    assertThat(schema.validate("f", 1L)).isEqualTo(1.0);
    assertThat(schema.validate("b", true)).isEqualTo(true);
    assertThat(schema.validate("s", null)).isNull();
    for (Object[] c :
        List.of(
            new Object[] {"s", false, "option \"s\" expected string, got false"},
            new Object[] {"i", 123.4, "option \"i\" expected int, got 123.4"},
            new Object[] {"i", "cheese", "option \"i\" expected int, got \"cheese\""},
            new Object[] {"f", "blob", "option \"f\" expected float, got \"blob\""},
            new Object[] {"f", true, "option \"f\" expected float, got true"},
            new Object[] {"b", 101L, "option \"b\" expected boolean, got 101"},
            new Object[] {"b", "", "option \"b\" expected boolean, got \"\""},
            new Object[] {
              "i", List.of("a"), "option \"i\" expected int, got []interface {}{\"a\"}"
            },
            new Object[] {
              "i",
              Map.of("k", 1),
              "option \"i\" expected int, got map[interface {}]interface {}{\"k\":1}"
            })) {
      assertThatThrownBy(() -> schema.validate((String) c[0], c[1]))
          .as("%s", c[1])
          .isInstanceOf(ConfigException.class)
          .hasMessage((String) c[2]);
    }
  }
}
