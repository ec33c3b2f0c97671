package dev.bosun.model.charm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bosun.model.Problem;
import java.util.List;

/** Helpers that read small charms from strings and return their problems as text. */
final class CharmProblems {
  /** Metadata that passes every check: tests append what they exercise. */
  static final String VALID_HEAD = "name: a\nsummary: b\ndescription: c\n";

  private CharmProblems() {}

  /** Returns the errors of a charm with only the given metadata, as {@code file:line:col: msg}. */
  static List<String> metadataErrors(String metadata) {
    return errors(CharmSource.of("c", metadata));
  }

  /** Returns the errors of a charm, each as {@code file:line:column: message}. */
  static List<String> errors(CharmSource source) {
    CharmMetaException failure =
        catchThrowableOfType(CharmMetaException.class, () -> CharmMetaReader.read(source));
    assertThat(failure).as("reading the charm should fail").isNotNull();
    assertThat(failure.charmDirectory()).isEqualTo(source.directory());
    return failure.errors().stream().map(Problem::toString).toList();
  }

  /** Returns the warnings of a charm that reads without errors. */
  static List<String> warnings(CharmSource source) {
    return CharmMetaReader.readWithWarnings(source).warnings().stream()
        .map(Problem::toString)
        .toList();
  }
}
