package dev.bosun.model.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.bosun.model.Problem;
import dev.bosun.model.spec.Placement;
import dev.bosun.model.spec.PlacementException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;

/** Juju's placement grammar, as bundles use it in {@code to:}. */
class PlacementGrammarTest {
  private static final String BUNDLE =
      """
      machines:
        "3": {}
      applications:
        wordpress:
          charm: wordpress
          num_units: 2
          to: ["3"]
        etcd:
          charm: etcd
          num_units: 1
          to: ["%s"]
      """;

  private static final Pattern GRAMMAR =
      Pattern.compile(
          "^(?:([a-z]+):)?(?:([a-z][a-z0-9]*(?:-[a-z0-9]*[a-z][a-z0-9]*)*)(?:/(0|[1-9][0-9]*))?"
              + "|(0|[1-9][0-9]*))$");

  private static List<String> errors(String directive) {
    try {
      BundleReader.builder().build().read(BUNDLE.formatted(directive), "b.yaml", Path.of("."));
      return List.of();
    } catch (BundleException e) {
      return e.errors().stream().map(Problem::toString).toList();
    }
  }

  private static Placement read(String directive) {
    return BundleReader.builder()
        .build()
        .read(BUNDLE.formatted(directive), "b.yaml", Path.of("."))
        .model()
        .applications()
        .get("etcd")
        .to()
        .get(0);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      nullValues = "-",
      value = {
        "new,         -,   new, -,         -1",
        "3,           -,   3,   -,         -1",
        "lxd:3,       lxd, 3,   -,         -1",
        "lxd,         lxd, new, -,         -1",
        "kvm,         kvm, new, -,         -1",
        "lxd:new,     lxd, new, -,         -1",
        "wordpress/1, -,   -,   wordpress, 1",
        "wordpress,   -,   -,   wordpress, -1",
        "lxd:wordpress/0, lxd, -, wordpress, 0",
        "kvm:wordpress,   kvm, -, wordpress, -1",
      })
  void readsEveryValidDirective(
      String directive, String container, String machine, String application, int unit) {
    Placement placement = read(directive);

    assertThat(placement).isEqualTo(new Placement(container, machine, application, unit));
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(
      strings = {
        ":0",
        "05",
        "new/2",
        "lxd:",
        "wordpress/",
        "Wordpress",
        "lxd:05",
        "0/1",
        "lxd:new/1",
        "a b",
        "lxd:wordpress/01",
        "wordpress-",
        "-3",
        "lxd:lxd:0",
        "LXD:0",
        "wordpress/-1",
        ""
      })
  void reportsEveryInvalidDirectiveAtItsPosition(String directive) {
    assertThat(errors(directive))
        .containsExactly("b.yaml:11:10: invalid placement syntax \"" + directive + "\"");
  }

  @Test
  void everyDirectiveOfTheGrammarParsesToItsCanonicalForm() {
    Gen<String> names =
        integers()
            .between(0, 5)
            .map(i -> List.of("a", "wordpress", "kube-master", "x1", "a-b-c", "n9ew").get(i));
    Gen<String> targets =
        integers()
            .between(0, 2)
            .zip(
                names,
                integers().between(-1, 1_000_000),
                (kind, name, number) ->
                    switch (kind) {
                      case 0 -> Integer.toString(Math.max(number, 0));
                      case 1 -> number < 0 ? name : name + "/" + number;
                      default -> "new";
                    });
    Gen<String> directives =
        integers()
            .between(0, 2)
            .zip(
                targets,
                (container, target) ->
                    container == 0
                        ? target
                        : List.of("", "lxd", "kvm").get(container) + ":" + target);

    qt().forAll(directives)
        .checkAssert(
            directive -> {
              Placement placement = Placement.parse(directive);
              assertThat(placement.toString()).isEqualTo(directive);
              assertThat(Placement.parse(placement.toString())).isEqualTo(placement);
            });
  }

  @Test
  void anyTextEitherMatchesTheGrammarOrIsRejectedWithJujusMessage() {
    qt().forAll(strings().betweenCodePoints('-', 'z').ofLengthBetween(0, 8))
        .checkAssert(
            text -> {
              boolean matches =
                  GRAMMAR.matcher(text).matches() && !text.matches("^(?:[a-z]+:)?new/.*$");
              try {
                Placement placement = Placement.parse(text);
                assertThat(matches).as(text).isTrue();
                assertThat(placement.toString()).isEqualTo(text);
              } catch (PlacementException e) {
                assertThat(matches).as(text).isFalse();
                assertThat(e.getMessage()).isEqualTo("invalid placement syntax \"" + text + "\"");
              }
            });
  }
}
