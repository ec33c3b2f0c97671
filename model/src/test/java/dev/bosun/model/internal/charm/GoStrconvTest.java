package dev.bosun.model.internal.charm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Go's strconv grammar, which Juju applies to configuration text. */
class GoStrconvTest {

  @Test
  void parsesDecimalIntegersOnly() {
    assertThat(GoStrconv.parseDecimalInt("+5")).isEqualTo(5L);
    assertThat(GoStrconv.parseDecimalInt("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
    assertThat(GoStrconv.parseDecimalInt("9223372036854775808")).isNull();
    assertThat(GoStrconv.parseDecimalInt(" 5")).isNull();
    assertThat(GoStrconv.parseDecimalInt("1_0")).isNull();
    assertThat(GoStrconv.parseDecimalInt("0x10")).isNull();
    assertThat(GoStrconv.parseDecimalInt("٣")).isNull();
    assertThat(GoStrconv.parseDecimalInt("-")).isNull();
  }

  @Test
  void parsesIntegersInAnyBaseAsJujuSchemaDoes() {
    assertThat(GoStrconv.parseIntAnyBase("0x1F")).isEqualTo(31L);
    assertThat(GoStrconv.parseIntAnyBase("0o17")).isEqualTo(15L);
    assertThat(GoStrconv.parseIntAnyBase("017")).isEqualTo(15L);
    assertThat(GoStrconv.parseIntAnyBase("-0b101")).isEqualTo(-5L);
    assertThat(GoStrconv.parseIntAnyBase("1_000")).isEqualTo(1000L);
    assertThat(GoStrconv.parseIntAnyBase("0x_ff")).isEqualTo(255L);
    assertThat(GoStrconv.parseIntAnyBase("_1")).isNull();
    assertThat(GoStrconv.parseIntAnyBase("1__0")).isNull();
    assertThat(GoStrconv.parseIntAnyBase("08")).isNull();
    assertThat(GoStrconv.parseIntAnyBase("0x")).isNull();
  }

  @Test
  void parsesFloatsWithGoSyntax() {
    assertThat(GoStrconv.parseFloat("1_000.5")).isEqualTo(1000.5);
    assertThat(GoStrconv.parseFloat(".5")).isEqualTo(0.5);
    assertThat(GoStrconv.parseFloat("5.")).isEqualTo(5.0);
    assertThat(GoStrconv.parseFloat("1E3")).isEqualTo(1000.0);
    assertThat(GoStrconv.parseFloat("0x1p-2")).isEqualTo(0.25);
    assertThat(GoStrconv.parseFloat("-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(GoStrconv.parseFloat("+inf")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(GoStrconv.parseFloat("NaN")).isNaN();
    assertThat(GoStrconv.parseFloat("+nan")).isNull();
    assertThat(GoStrconv.parseFloat("1e400")).isNull();
    assertThat(GoStrconv.parseFloat("1d")).isNull();
    assertThat(GoStrconv.parseFloat("0xp1")).isNull();
    assertThat(GoStrconv.parseFloat("123_.5")).isNull();
    assertThat(GoStrconv.parseFloat(" 1")).isNull();
  }

  @Test
  void parsesBooleansAsGoDoes() {
    assertThat(GoStrconv.parseBool("T")).isTrue();
    assertThat(GoStrconv.parseBool("False")).isFalse();
    assertThat(GoStrconv.parseBool("yes")).isNull();
    assertThat(GoStrconv.parseBool("tRUE")).isNull();
  }
}
