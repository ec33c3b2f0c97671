package dev.bosun.model.charm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * For every option type, text rendered from a value parses back to the value, and text of another
 * type is rejected with Juju's message.
 */
class ConfigSchemaPropertyTest {
  private static final ConfigSchema SCHEMA =
      ConfigSchema.of(
          Map.of(
              "i", new ConfigOption("i", OptionType.INT, "", null),
              "f", new ConfigOption("f", OptionType.FLOAT, "", null),
              "b", new ConfigOption("b", OptionType.BOOLEAN, "", null),
              "s", new ConfigOption("s", OptionType.STRING, "", null),
              "k", new ConfigOption("k", OptionType.SECRET, "", null)));

  /** Letters that never make a number, a boolean, an infinity or a NaN. */
  private static final Gen<String> NOT_A_NUMBER =
      lists()
          .of(Generate.pick(List.of("g", "h", "k", "m", "q", "w", "1", "2", ".", "-", "_")))
          .ofSizeBetween(1, 8)
          .map(parts -> String.join("", parts) + "z");

  @Test
  void integersRoundTrip() {
    qt().forAll(longs().all(), Generate.booleans())
        .checkAssert(
            (value, plusSign) -> {
              String text = (plusSign && value >= 0 ? "+" : "") + value;
              assertThat(SCHEMA.parse("i", text)).isEqualTo(value);
            });
  }

  @Test
  void floatsRoundTripInEveryNotation() {
    qt().forAll(doubles().any(), integers().between(0, 3))
        .checkAssert(
            (value, notation) -> {
              String text = render(value, notation);
              assertThat((Double) SCHEMA.parse("f", text)).as(text).isEqualTo(value);
            });
  }

  private static String render(double value, int notation) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return notation % 2 == 0
          ? Double.toString(value)
          : Double.toString(value).toLowerCase(Locale.ROOT);
    }
    return switch (notation) {
      case 0 -> Double.toString(value); // 1.0E10
      case 1 -> String.format(Locale.ROOT, "%.17e", value); // 1.00000000000000000e+10
      case 2 -> new BigDecimal(value).toPlainString(); // the exact decimal expansion
      default -> Double.toHexString(value); // 0x1.2a05f2p33
    };
  }

  @Test
  void booleansRoundTripInEveryGoSpelling() {
    qt().forAll(booleans().all(), integers().between(0, 4))
        .checkAssert(
            (value, spelling) -> {
              String text =
                  List.of(
                          value ? "1" : "0",
                          value ? "t" : "f",
                          value ? "T" : "F",
                          value ? "TRUE" : "FALSE",
                          value ? "True" : "False")
                      .get(spelling);
              assertThat(SCHEMA.parse("b", text)).isEqualTo(value);
            });
  }

  @Test
  void stringsAndSecretsAreTakenAsTheyAre() {
    qt().forAll(strings().allPossible().ofLengthBetween(0, 20))
        .checkAssert(
            text -> {
              assertThat(SCHEMA.parse("s", text)).isEqualTo(text);
              assertThat(SCHEMA.parse("k", text)).isEqualTo(text);
            });
  }

  @Test
  void rejectsTextThatIsNotANumberOrABoolean() {
    qt().forAll(NOT_A_NUMBER)
        .checkAssert(
            text -> {
              for (String[] option :
                  new String[][] {{"i", "int"}, {"f", "float"}, {"b", "boolean"}}) {
                assertThatThrownBy(() -> SCHEMA.parse(option[0], text))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage(
                        "option \""
                            + option[0]
                            + "\" expected "
                            + option[1]
                            + ", got \""
                            + text
                            + "\"");
              }
            });
  }

  @Test
  void rejectsIntegersOutsideSixtyFourBits() {
    BigInteger justAbove = BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE);
    BigInteger justBelow = BigInteger.valueOf(Long.MIN_VALUE).subtract(BigInteger.ONE);
    qt().forAll(longs().between(0, Long.MAX_VALUE), Generate.booleans())
        .checkAssert(
            (distance, negative) -> {
              BigInteger beyond = BigInteger.valueOf(distance);
              String text =
                  (negative ? justBelow.subtract(beyond) : justAbove.add(beyond)).toString();
              assertThatThrownBy(() -> SCHEMA.parse("i", text))
                  .hasMessage("option \"i\" expected int, got \"" + text + "\"");
            });
  }

  @Test
  void rejectsFractionsForIntegers() {
    qt().forAll(longs().between(-1_000_000, 1_000_000), integers().between(1, 9))
        .checkAssert(
            (whole, fraction) -> {
              String text = whole + "." + fraction;
              assertThatThrownBy(() -> SCHEMA.parse("i", text))
                  .hasMessage("option \"i\" expected int, got \"" + text + "\"");
              assertThat(SCHEMA.parse("f", text)).isEqualTo(Double.parseDouble(text));
            });
  }
}
