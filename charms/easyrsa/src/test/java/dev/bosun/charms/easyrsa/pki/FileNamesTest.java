package dev.bosun.charms.easyrsa.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.Test;

class FileNamesTest {
  @Test
  void encodingIsReversibleAndSafe() {
    qt().withExamples(500)
        .forAll(
            strings()
                .betweenCodePoints(1, Character.MAX_CODE_POINT)
                .ofLengthBetween(1, 40)
                .assuming(id -> id.codePoints().noneMatch(c -> c >= 0xD800 && c <= 0xDFFF)))
        .checkAssert(
            id -> {
              String name = FileNames.encode(id);
              assertThat(name).matches("[A-Za-z0-9_%-][A-Za-z0-9._%-]*");
              assertThat(FileNames.decode(name)).isEqualTo(id);
            });
  }

  @Test
  void longIdsGetShortDistinctNames() {
    qt().withExamples(200)
        .forAll(strings().betweenCodePoints(0x20, 0x7ff).ofLengthBetween(1, 300))
        .checkAssert(
            id -> {
              String name = FileNames.forId(id);
              assertThat(name.length()).isLessThanOrEqualTo(FileNames.MAX_NAME);
              assertThat(name).doesNotStartWith(".").doesNotContain("/");
              assertThat(FileNames.forId(id + "x")).isNotEqualTo(name);
            });
  }

  @Test
  void keepsReadableNamesReadable() {
    assertThat(FileNames.encode("etcd_0/server/10.0.0.1")).isEqualTo("etcd_0%2Fserver%2F10.0.0.1");
    assertThat(FileNames.encode("..")).isEqualTo("%2E.");
    assertThat(FileNames.decode("10.0.0.1")).isEqualTo("10.0.0.1");
  }
}
