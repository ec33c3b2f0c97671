package dev.bosun.charms.easyrsa.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TarArchiveTest {
  private static byte[] write(List<TarArchive.Entry> entries) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TarArchive.write(out, entries, 1_700_000_000L);
    return out.toByteArray();
  }

  @Test
  void filesRoundTrip() {
    qt().withExamples(100)
        .forAll(
            lists()
                .of(strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 60))
                .ofSizeBetween(1, 5),
            integers().between(0, 2000))
        .checkAssert(
            (names, size) -> {
              List<TarArchive.Entry> entries = new ArrayList<>();
              int i = 0;
              for (String name : names) {
                byte[] content = new byte[size + i];
                java.util.Arrays.fill(content, (byte) ('a' + i % 26));
                entries.add(
                    TarArchive.Entry.file("pki/" + i++ + "/" + name + ".crt", 0644, content));
              }
              try {
                List<TarArchive.Entry> read =
                    TarArchive.read(new ByteArrayInputStream(write(entries)));
                assertThat(read).hasSameSizeAs(entries);
                for (int j = 0; j < entries.size(); j++) {
                  assertThat(read.get(j).name()).isEqualTo(entries.get(j).name());
                  assertThat(read.get(j).content()).isEqualTo(entries.get(j).content());
                  assertThat(read.get(j).mode()).isEqualTo(0644);
                }
              } catch (Exception e) {
                throw new AssertionError(e);
              }
            });
  }

  @Test
  void longPathsUseTheUstarPrefixOrAPaxHeader() throws Exception {
    String prefixed = "pki/" + "d".repeat(100) + "/" + "x".repeat(90) + ".crt";
    String pax = "pki/issued/" + "x".repeat(300) + "\u00e9.crt";

    List<TarArchive.Entry> read =
        TarArchive.read(
            new ByteArrayInputStream(
                write(
                    List.of(
                        TarArchive.Entry.file(prefixed, 0600, new byte[] {1}),
                        TarArchive.Entry.file(pax, 0600, new byte[] {2})))));

    assertThat(read).extracting(TarArchive.Entry::name).containsExactly(prefixed, pax);
    assertThat(read.get(1).content()).containsExactly(2);
  }

  @Test
  void paxRecordsCountTheirOwnLength() {
    for (int size = 1; size < 300; size++) {
      byte[] record = TarArchive.paxRecord("path", "p".repeat(size));
      String text = new String(record, StandardCharsets.UTF_8);
      assertThat(Integer.parseInt(text.substring(0, text.indexOf(' ')))).isEqualTo(record.length);
    }
  }

  @Test
  void directoriesRoundTrip() throws Exception {
    List<TarArchive.Entry> read =
        TarArchive.read(
            new ByteArrayInputStream(
                write(List.of(TarArchive.Entry.directory("pki/private", 0700)))));

    assertThat(read.get(0).directory()).isTrue();
    assertThat(read.get(0).name()).isEqualTo("pki/private");
    assertThat(read.get(0).mode()).isEqualTo(0700);
  }

  @Test
  void readsPaxPathsAsPythonWritesThem() throws Exception {
    byte[] archive =
        write(
            List.of(
                TarArchive.Entry.file("short", 0644, "body".getBytes(StandardCharsets.US_ASCII))));
    String record = " path=pki/issued/long-name.crt\n";
    int length = record.length() + 2;
    byte[] pax = (length + record).getBytes(StandardCharsets.UTF_8);
    byte[] paxHeader = write(List.of(TarArchive.Entry.file("././@PaxHeader", 0644, pax)));
    paxHeader[156] = 'x';
    fixChecksum(paxHeader);
    ByteArrayOutputStream combined = new ByteArrayOutputStream();
    combined.write(paxHeader, 0, 1024);
    combined.write(archive);

    List<TarArchive.Entry> read = TarArchive.read(new ByteArrayInputStream(combined.toByteArray()));

    assertThat(read).hasSize(1);
    assertThat(read.get(0).name()).isEqualTo("pki/issued/long-name.crt");
    assertThat(new String(read.get(0).content(), StandardCharsets.US_ASCII)).isEqualTo("body");
  }

  @Test
  void refusesLinksAndDamagedHeaders() throws Exception {
    byte[] link = write(List.of(TarArchive.Entry.file("pki/ca.crt", 0644, new byte[0])));
    link[156] = '2';
    fixChecksum(link);
    assertThatThrownBy(() -> TarArchive.read(new ByteArrayInputStream(link)))
        .isInstanceOf(TarArchive.FormatException.class)
        .hasMessage("the archive holds an entry of type '2' (links and devices are refused)");

    byte[] damaged = write(List.of(TarArchive.Entry.file("pki/ca.crt", 0644, new byte[] {1})));
    damaged[10] = 'z';
    assertThatThrownBy(() -> TarArchive.read(new ByteArrayInputStream(damaged)))
        .hasMessage("a tar header has a wrong checksum; the archive is damaged");
  }

  private static void fixChecksum(byte[] archive) {
    java.util.Arrays.fill(archive, 148, 156, (byte) ' ');
    long sum = 0;
    for (int i = 0; i < 512; i++) {
      sum += archive[i] & 0xff;
    }
    String octal = String.format("%06o", sum);
    System.arraycopy(octal.getBytes(StandardCharsets.US_ASCII), 0, archive, 148, 6);
    archive[154] = 0;
    archive[155] = ' ';
  }
}
