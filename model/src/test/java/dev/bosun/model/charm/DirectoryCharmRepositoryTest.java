package dev.bosun.model.charm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bosun.model.Problem;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Charm directories scanned for the CLI's {@code --charm-dir}. */
class DirectoryCharmRepositoryTest {
  private static final Path FIXTURES = fixtures();

  private static Path fixtures() {
    try {
      return Path.of(DirectoryCharmRepositoryTest.class.getResource("/charm-fixtures").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static DirectoryCharmRepository basic() {
    return DirectoryCharmRepository.scan(List.of(FIXTURES.resolve("basic")));
  }

  @Test
  void findsCharmsByTheirMetadataName() {
    DirectoryCharmRepository charms = basic();

    assertThat(charms.find("alpha").orElseThrow().provides()).containsKey("db");
    assertThat(charms.find("beta").orElseThrow().requires()).containsKey("db");
    assertThat(charms.find("beta-dir")).isEmpty();
    assertThat(charms.directoryOf("beta")).contains(FIXTURES.resolve("basic").resolve("beta-dir"));
  }

  @Test
  void findsCharmsByStoreReference() {
    DirectoryCharmRepository charms = basic();

    assertThat(charms.find("ch:alpha")).containsSame(charms.find("alpha").orElseThrow());
    assertThat(charms.find("cs:~containers/alpha-449")).containsSame(charms.charms().get("alpha"));
    assertThat(charms.find("ch:amd64/jammy/beta-42")).containsSame(charms.charms().get("beta"));
    assertThat(charms.find("ch:delta")).isEmpty();
  }

  @Test
  void findsAScannedCharmByItsAbsolutePath() {
    DirectoryCharmRepository charms = basic();
    Path alpha = FIXTURES.resolve("basic").resolve("alpha").toAbsolutePath();

    assertThat(charms.find(alpha.toString())).containsSame(charms.charms().get("alpha"));
    assertThat(charms.find(alpha + "/../alpha/")).containsSame(charms.charms().get("alpha"));
  }

  @Test
  void readsACharmOutsideTheScannedDirectoriesOnDemand() {
    DirectoryCharmRepository charms = basic();
    Path gamma = FIXTURES.resolve("outside").resolve("gamma").toAbsolutePath();
    String relative = "./" + Path.of("").toAbsolutePath().relativize(gamma);

    CharmMeta found = charms.find(gamma.toString()).orElseThrow();

    assertThat(found.name()).isEqualTo("gamma");
    assertThat(found.subordinate()).isTrue();
    assertThat(charms.find(relative)).containsSame(found);
    assertThat(charms.find("gamma")).as("not scanned, so not known by name").isEmpty();
  }

  @Test
  void findsNothingAtAPathWithoutMetadata() {
    DirectoryCharmRepository charms = basic();

    assertThat(charms.find(FIXTURES.resolve("basic").resolve("not-a-charm").toString())).isEmpty();
    assertThat(charms.find("/no/such/charm")).isEmpty();
  }

  @Test
  void skipsSubdirectoriesWithoutMetadataAndFiles() {
    assertThat(basic().charms().keySet()).containsExactly("alpha", "beta");
  }

  @Test
  void readsADirectoryThatIsItselfACharm() {
    DirectoryCharmRepository charms =
        DirectoryCharmRepository.scan(List.of(FIXTURES.resolve("outside").resolve("gamma")));

    assertThat(charms.charms().keySet()).containsExactly("gamma");
  }

  @Test
  void scansSeveralDirectoriesThroughTheInterfaceFactory() {
    CharmRepository charms =
        CharmRepository.directories(
            List.of(FIXTURES.resolve("basic"), FIXTURES.resolve("outside")));

    assertThat(charms.find("gamma")).isPresent();
    assertThat(charms.find("alpha").orElseThrow().config().defaults()).containsEntry("port", 3306L);
  }

  @Test
  void reportsTwoCharmsWithTheSameNameNamingBothDirectories() {
    Path duplicate = FIXTURES.resolve("duplicate");

    CharmMetaException failure =
        catchThrowableOfType(
            CharmMetaException.class, () -> DirectoryCharmRepository.scan(List.of(duplicate)));

    assertThat(failure.errors())
        .extracting(Problem::message)
        .containsExactly(
            "charm \"twin\" is defined twice: in \""
                + duplicate.resolve("one")
                + "\" and in \""
                + duplicate.resolve("two")
                + "\"");
  }

  @Test
  void reportsEveryProblemOfEveryBrokenCharm() {
    Path broken = FIXTURES.resolve("broken");

    CharmMetaException failure =
        catchThrowableOfType(
            CharmMetaException.class, () -> DirectoryCharmRepository.scan(List.of(broken)));

    assertThat(failure.charmDirectory()).isEqualTo(broken.toString());
    assertThat(failure.getMessage())
        .isEqualTo(
            String.join(
                "\n",
                "charms in \"" + broken + "\" have the following errors:",
                broken
                    + "/bad/metadata.yaml:5:3: charm \"bad\" using a reserved relation name:"
                    + " \"juju-db\"",
                broken
                    + "/bad/config.yaml:4:14: invalid config default: option \"port\" expected"
                    + " int, got \"many\"",
                broken
                    + "/worse/metadata.yaml:1:1: metadata: summary: expected string, got"
                    + " nothing"));
  }

  @Test
  void reportsADirectoryThatDoesNotExist() {
    Path missing = FIXTURES.resolve("missing");

    CharmMetaException failure =
        catchThrowableOfType(
            CharmMetaException.class, () -> DirectoryCharmRepository.scan(List.of(missing)));

    assertThat(failure.errors())
        .extracting(Problem::message)
        .containsExactly("charm directory \"" + missing + "\" does not exist");
  }

  @Test
  void reportsAMissingMetadataFileWhenReadingOneCharm() {
    Path notACharm = FIXTURES.resolve("basic").resolve("not-a-charm");

    CharmMetaException failure =
        catchThrowableOfType(CharmMetaException.class, () -> CharmMetaReader.read(notACharm));

    assertThat(failure.getMessage())
        .isEqualTo(
            "charm \""
                + notACharm
                + "\" has the following errors:\nopen "
                + notACharm.resolve("metadata.yaml")
                + ": no such file or directory");
  }
}
