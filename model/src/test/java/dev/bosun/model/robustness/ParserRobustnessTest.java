package dev.bosun.model.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.bosun.model.bundle.BundleException;
import dev.bosun.model.bundle.BundleReader;
import dev.bosun.model.bundle.TestCharms;
import dev.bosun.model.charm.CharmMetaException;
import dev.bosun.model.charm.CharmMetaReader;
import dev.bosun.model.charm.CharmSource;
import dev.bosun.model.spec.Constraints;
import dev.bosun.model.spec.ConstraintsException;
import dev.bosun.model.spec.Placement;
import dev.bosun.model.spec.PlacementException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Every parser of user input either accepts its input or rejects it with its documented exception,
 * whatever the input: real bundles and charm files are mutated at random (spans deleted, duplicated
 * or overwritten with YAML-significant characters), and each result must be read or refused cleanly
 * — never a NullPointerException, a ClassCastException or a stack overflow.
 */
class ParserRobustnessTest {
  private static final Path ROOT = TestCharms.repositoryRoot();
  private static final String ALPHABET = ":-[]{},&*!|>'\"#%@?~<=\n\t 0aZ.\\/";
  private static final List<String> BUNDLES = corpus(ROOT.resolve("bundles"));
  private static final List<String> METADATA =
      Stream.of("easyrsa", "etcd", "flannel", "kubernetes-master", "kubernetes-worker")
          .map(name -> read(ROOT.resolve("charms").resolve(name).resolve("metadata.yaml")))
          .toList();

  private final BundleReader reader =
      BundleReader.builder().charms(TestCharms.kubernetes()).build();

  @Test
  void mutatedBundlesAreReadOrRejectedWithABundleException() {
    qt().withExamples(1500)
        .forAll(mutations(BUNDLES))
        .checkAssert(
            text -> {
              try {
                assertThat(reader.read(text, "fuzz.yaml", ROOT).model()).isNotNull();
              } catch (BundleException rejected) {
                assertThat(rejected.errors()).isNotEmpty();
              }
            });
  }

  @Test
  void mutatedCharmMetadataIsReadOrRejectedWithACharmMetaException() {
    qt().withExamples(1500)
        .forAll(mutations(METADATA))
        .checkAssert(
            text -> {
              try {
                assertThat(CharmMetaReader.read(CharmSource.of("fuzz", text))).isNotNull();
              } catch (CharmMetaException rejected) {
                assertThat(rejected.errors()).isNotEmpty();
              }
            });
  }

  @Test
  void constraintsAndPlacementsParseOrFailWithTheirOwnException() {
    qt().withExamples(3000)
        .forAll(randomText(40))
        .checkAssert(
            text -> {
              try {
                Constraints parsed = Constraints.parse(text);
                assertThat(Constraints.parse(parsed.toString())).isEqualTo(parsed);
              } catch (ConstraintsException expected) {
                assertThat(expected.getMessage()).isNotBlank();
              }
              try {
                Placement parsed = Placement.parse(text);
                assertThat(Placement.parse(parsed.toString())).isEqualTo(parsed);
              } catch (PlacementException expected) {
                assertThat(expected.directive()).isEqualTo(text);
              }
            });
  }

  /** Mutates one corpus entry: 1 to 4 edits, each a deletion, a duplication or an overwrite. */
  private static Gen<String> mutations(List<String> corpus) {
    return integers()
        .between(0, corpus.size() - 1)
        .zip(
            lists().of(integers().all()).ofSizeBetween(1, 4),
            integers().all(),
            (index, edits, seed) -> mutate(corpus.get(index), edits, seed));
  }

  private static String mutate(String text, List<Integer> edits, int seed) {
    StringBuilder mutated = new StringBuilder(text);
    java.util.Random random = new java.util.Random(seed);
    for (int edit : edits) {
      if (mutated.isEmpty()) {
        break;
      }
      int at = Math.floorMod(edit, mutated.length());
      int length = Math.min(1 + random.nextInt(12), mutated.length() - at);
      switch (Math.floorMod(edit >> 8, 3)) {
        case 0 -> mutated.delete(at, at + length);
        case 1 -> mutated.insert(at, mutated.substring(at, at + length));
        default -> {
          for (int i = at; i < at + length; i++) {
            mutated.setCharAt(i, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
          }
        }
      }
    }
    return mutated.toString();
  }

  private static Gen<String> randomText(int maxLength) {
    return lists()
        .of(integers().between(0, ALPHABET.length() - 1))
        .ofSizeBetween(0, maxLength)
        .map(
            indices -> {
              StringBuilder text = new StringBuilder();
              indices.forEach(i -> text.append(ALPHABET.charAt(i)));
              return text.toString().replace("\n", " ");
            });
  }

  private static List<String> corpus(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      return files
          .filter(f -> f.toString().endsWith(".yaml"))
          .sorted()
          .map(ParserRobustnessTest::read)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
