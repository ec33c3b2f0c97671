package dev.bosun.charms.easyrsa.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.bosun.charms.easyrsa.pki.SubjectAlternativeName.Type;
import org.junit.jupiter.api.Test;

class SubjectAlternativeNameTest {
  @Test
  void everyDottedQuadIsAnIpAddress() {
    qt().withExamples(300)
        .forAll(
            integers().between(0, 255),
            integers().between(0, 255),
            integers().between(0, 255),
            integers().between(0, 255))
        .checkAssert(
            (a, b, c, d) ->
                assertThat(SubjectAlternativeName.of(a + "." + b + "." + c + "." + d).type())
                    .isEqualTo(Type.IP));
  }

  @Test
  void hostNamesAreDnsNames() {
    qt().withExamples(300)
        .forAll(strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 30))
        .checkAssert(
            label -> {
              SubjectAlternativeName name = SubjectAlternativeName.of(label + ".example");
              assertThat(name.type()).isEqualTo(Type.DNS);
              assertThat(name.toString()).isEqualTo("DNS:" + label + ".example");
            });
  }

  @Test
  void classifiesLikePythonsIpaddress() {
    assertThat(SubjectAlternativeName.of("::1").type()).isEqualTo(Type.IP);
    assertThat(SubjectAlternativeName.of("fd00::5:1").type()).isEqualTo(Type.IP);
    assertThat(SubjectAlternativeName.of("::ffff:10.0.0.1").type()).isEqualTo(Type.IP);
    assertThat(SubjectAlternativeName.of("10.0.0.1").toString()).isEqualTo("IP:10.0.0.1");
    assertThat(SubjectAlternativeName.of("256.0.0.1").type()).isEqualTo(Type.DNS);
    assertThat(SubjectAlternativeName.of("010.0.0.1").type()).isEqualTo(Type.DNS);
    assertThat(SubjectAlternativeName.of("10.0.0").type()).isEqualTo(Type.DNS);
    assertThat(SubjectAlternativeName.of("10.0.0.0/24").type()).isEqualTo(Type.DNS);
    assertThat(SubjectAlternativeName.of("fe80::1%eth0").type()).isEqualTo(Type.DNS);
    assertThat(SubjectAlternativeName.of("kubernetes.default.svc.cluster.local").type())
        .isEqualTo(Type.DNS);
    assertThat(SubjectAlternativeName.of("*.example").type()).isEqualTo(Type.DNS);
  }

  @Test
  void rejectsNamesThatAreNotPrintableAscii() {
    assertThatThrownBy(() -> SubjectAlternativeName.of(""))
        .isInstanceOf(InvalidNameException.class)
        .hasMessage("a subject alternative name must not be empty");
    assertThatThrownBy(() -> SubjectAlternativeName.of("bücher.example"))
        .hasMessage(
            "DNS name \"b?cher.example\" holds a character that is not printable ASCII (spaces"
                + " included)");
    assertThatThrownBy(() -> SubjectAlternativeName.of("a".repeat(254)))
        .hasMessage("DNS name has 254 characters; at most 253");
    assertThatThrownBy(() -> new SubjectAlternativeName(Type.IP, "example"))
        .hasMessage("\"example\" is not an IP address");
  }
}
