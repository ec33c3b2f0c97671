package dev.bosun.charms.easyrsa.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.bosun.charm.WarmUp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@link PkiWarmUp}: registered for the runner to find, and runs through without side effects. */
class PkiWarmUpTest {
  @Test
  void isRegisteredAsAWarmUp() {
    assertThat(ServiceLoader.load(WarmUp.class, getClass().getClassLoader()).stream())
        .extracting(provider -> provider.type().getName())
        .containsExactly(PkiWarmUp.class.getName());
  }

  @Test
  void issuesAThrowawayCertificateWithoutWritingAFile() throws Exception {
    Path workingDirectory = Path.of("").toAbsolutePath();
    long before;
    try (Stream<Path> files = Files.list(workingDirectory)) {
      before = files.count();
    }

    assertThatCode(() -> new PkiWarmUp().run()).doesNotThrowAnyException();

    try (Stream<Path> files = Files.list(workingDirectory)) {
      assertThat(files.count()).isEqualTo(before);
    }
  }
}
