package dev.bosun.charms.etcd;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Writes a gzip-compressed ustar archive of small files, each with its own mode. */
final class Tarball {
  /**
   * One file of the archive.
   *
   * @param name the path in the archive (at most 100 bytes)
   * @param mode the POSIX mode, such as {@code 0600}
   * @param content the content
   */
  record Entry(String name, int mode, byte[] content) {}

  private Tarball() {}

  /** Writes the entries as {@code .tar.gz} to {@code out} (which it closes). */
  static void write(OutputStream out, List<Entry> entries, long modifiedEpochSeconds)
      throws IOException {
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      for (Entry entry : entries) {
        byte[] header = new byte[512];
        byte[] name = entry.name().getBytes(StandardCharsets.UTF_8);
        if (name.length > 100) {
          throw new IOException("archive entry name too long: " + entry.name());
        }
        System.arraycopy(name, 0, header, 0, name.length);
        octal(header, 100, 8, entry.mode());
        octal(header, 108, 8, 0);
        octal(header, 116, 8, 0);
        octal(header, 124, 12, entry.content().length);
        octal(header, 136, 12, modifiedEpochSeconds);
        header[156] = '0';
        byte[] magic = "ustar\u000000".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(magic, 0, header, 257, magic.length);
        for (int i = 148; i < 156; i++) {
          header[i] = ' ';
        }
        long sum = 0;
        for (byte b : header) {
          sum += b & 0xff;
        }
        octal(header, 148, 7, sum);
        header[155] = ' ';
        gzip.write(header);
        gzip.write(entry.content());
        int padding = (512 - entry.content().length % 512) % 512;
        gzip.write(new byte[padding]);
      }
      gzip.write(new byte[1024]);
    }
  }

  private static void octal(byte[] header, int offset, int length, long value) {
    String text = Long.toOctalString(value);
    int digits = length - 1;
    StringBuilder padded = new StringBuilder();
    for (int i = text.length(); i < digits; i++) {
      padded.append('0');
    }
    padded.append(text);
    byte[] bytes = padded.toString().getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, header, offset, Math.min(bytes.length, digits));
    header[offset + digits] = 0;
  }
}
