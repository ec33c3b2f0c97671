package dev.bosun.charms.easyrsa.pki;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small reader and writer of POSIX ustar archives, enough for the CA backups: regular files and
 * directories. The reader also understands the PAX ({@code x}, {@code g}) and GNU long-name ({@code
 * L}) headers that Python's {@code tarfile} and GNU tar write, so EasyRSA backups made by the
 * original charm can be read; links, devices and anything else are refused.
 */
final class TarArchive {
  static final int BLOCK = 512;

  /** The most one archive may hold, uncompressed: a CA store is a few kilobytes per certificate. */
  static final long MAX_TOTAL_BYTES = 64L * 1024 * 1024;

  private TarArchive() {}

  /** One entry: a path with {@code /} separators, a directory flag, a mode and content. */
  record Entry(String name, boolean directory, int mode, byte[] content) {
    static Entry directory(String name, int mode) {
      return new Entry(name, true, mode, new byte[0]);
    }

    static Entry file(String name, int mode, byte[] content) {
      return new Entry(name, false, mode, content);
    }

    @Override
    public String toString() {
      return "Entry[" + name + (directory ? "/" : ", " + content.length + " bytes") + "]";
    }
  }

  /** Thrown when an archive does not parse or holds what a backup must not hold. */
  static final class FormatException extends IOException {
    private static final long serialVersionUID = 1L;

    FormatException(String message) {
      super(message);
    }
  }

  static void write(OutputStream out, List<Entry> entries, long modifiedEpochSeconds)
      throws IOException {
    for (Entry entry : entries) {
      String name =
          entry.directory() && !entry.name().endsWith("/") ? entry.name() + "/" : entry.name();
      byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
      String headerName = name;
      String prefix = "";
      if (nameBytes.length > 100) {
        int split = splitPoint(name);
        if (split > 0) {
          prefix = name.substring(0, split);
          headerName = name.substring(split + 1);
        } else {
          // Too long for ustar: a PAX header carries the real path (as GNU tar and Python do).
          byte[] record = paxRecord("path", name);
          writeEntry(
              out, "PaxHeader/" + shortName(name), "", 0644, 'x', record, modifiedEpochSeconds);
          headerName = shortName(name);
        }
      }
      writeEntry(
          out,
          headerName,
          prefix,
          entry.mode(),
          entry.directory() ? '5' : '0',
          entry.directory() ? new byte[0] : entry.content(),
          modifiedEpochSeconds);
    }
    out.write(new byte[2 * BLOCK]);
  }

  private static void writeEntry(
      OutputStream out,
      String name,
      String prefix,
      int mode,
      char type,
      byte[] content,
      long modifiedEpochSeconds)
      throws IOException {
    byte[] header = new byte[BLOCK];
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    byte[] prefixBytes = prefix.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(nameBytes, 0, header, 0, nameBytes.length);
    System.arraycopy(prefixBytes, 0, header, 345, prefixBytes.length);
    octal(header, 100, 8, mode);
    octal(header, 108, 8, 0);
    octal(header, 116, 8, 0);
    octal(header, 124, 12, content.length);
    octal(header, 136, 12, modifiedEpochSeconds);
    header[156] = (byte) type;
    System.arraycopy("ustar\0".getBytes(StandardCharsets.US_ASCII), 0, header, 257, 6);
    header[263] = '0';
    header[264] = '0';
    Arrays.fill(header, 148, 156, (byte) ' ');
    long sum = 0;
    for (byte b : header) {
      sum += b & 0xff;
    }
    octal(header, 148, 7, sum);
    header[155] = ' ';
    out.write(header);
    out.write(content);
    out.write(new byte[(BLOCK - content.length % BLOCK) % BLOCK]);
  }

  /** A PAX record: {@code "<length> <key>=<value>\n"}, the length counting itself. */
  static byte[] paxRecord(String key, String value) {
    byte[] body = (" " + key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8);
    int length = body.length + 1;
    while (String.valueOf(length).length() + body.length != length) {
      length = String.valueOf(length).length() + body.length;
    }
    byte[] digits = String.valueOf(length).getBytes(StandardCharsets.US_ASCII);
    byte[] record = new byte[length];
    System.arraycopy(digits, 0, record, 0, digits.length);
    System.arraycopy(body, 0, record, digits.length, body.length);
    return record;
  }

  /** The last 100 bytes of a name, for the ustar field that readers without PAX show. */
  private static String shortName(String name) {
    String shortName = name;
    while (shortName.getBytes(StandardCharsets.UTF_8).length > 99) {
      shortName = shortName.substring(shortName.offsetByCodePoints(0, 1));
    }
    return shortName;
  }

  /** Where to split a long name into ustar prefix and name, or -1 when it cannot be. */
  private static int splitPoint(String name) {
    for (int i = name.length() - 1; i > 0; i--) {
      if (name.charAt(i) == '/'
          && name.substring(0, i).getBytes(StandardCharsets.UTF_8).length <= 155
          && name.substring(i + 1).getBytes(StandardCharsets.UTF_8).length <= 100
          && i + 1 < name.length()) {
        return i;
      }
    }
    return -1;
  }

  private static void octal(byte[] header, int offset, int length, long value) {
    String text = Long.toOctalString(value);
    if (text.length() > length - 1) {
      throw new IllegalArgumentException("value " + value + " does not fit a tar header field");
    }
    String padded = "0".repeat(length - 1 - text.length()) + text;
    System.arraycopy(padded.getBytes(StandardCharsets.US_ASCII), 0, header, offset, length - 1);
    header[offset + length - 1] = 0;
  }

  static List<Entry> read(InputStream in) throws IOException {
    List<Entry> entries = new ArrayList<>();
    long total = 0;
    String longName = null;
    String paxPath = null;
    while (true) {
      byte[] header = in.readNBytes(BLOCK);
      if (header.length == 0) {
        return entries;
      }
      if (header.length < BLOCK) {
        throw new FormatException("the archive ends in the middle of a header");
      }
      if (isZero(header)) {
        return entries;
      }
      checkChecksum(header);
      char type = (char) header[156];
      long size = parseOctal(header, 124, 12);
      total += size;
      if (size < 0 || total > MAX_TOTAL_BYTES) {
        throw new FormatException("the archive is larger than " + MAX_TOTAL_BYTES + " bytes");
      }
      byte[] content = readContent(in, size);
      switch (type) {
        case 'L' -> longName = cString(content, 0, content.length);
        case 'x' -> paxPath = paxPath(content);
        case 'g' -> {
          // global PAX header: nothing a backup needs
        }
        case '0', '\0', '5' -> {
          String name =
              longName != null ? longName : paxPath != null ? paxPath : headerName(header);
          longName = null;
          paxPath = null;
          int mode = (int) parseOctal(header, 100, 8);
          boolean directory = type == '5' || name.endsWith("/");
          entries.add(
              new Entry(stripSlash(name), directory, mode, directory ? new byte[0] : content));
        }
        default ->
            throw new FormatException(
                "the archive holds an entry of type '"
                    + type
                    + "' (links and devices are refused)");
      }
    }
  }

  private static byte[] readContent(InputStream in, long size) throws IOException {
    byte[] content = in.readNBytes((int) size);
    if (content.length < size) {
      throw new EOFException("the archive ends in the middle of an entry");
    }
    long padding = (BLOCK - size % BLOCK) % BLOCK;
    if (in.readNBytes((int) padding).length < padding) {
      throw new EOFException("the archive ends in the middle of an entry");
    }
    return content;
  }

  private static String paxPath(byte[] content) throws FormatException {
    String path = null;
    int index = 0;
    while (index < content.length) {
      int space = index;
      while (space < content.length && content[space] != ' ') {
        space++;
      }
      int length;
      try {
        length =
            Integer.parseInt(new String(content, index, space - index, StandardCharsets.US_ASCII));
      } catch (NumberFormatException e) {
        throw new FormatException("a PAX header record does not parse");
      }
      if (space >= content.length
          || length <= space - index
          || index + length > content.length
          || content[index + length - 1] != '\n') {
        throw new FormatException("a PAX header record does not parse");
      }
      String record =
          new String(content, space + 1, index + length - space - 2, StandardCharsets.UTF_8);
      int equals = record.indexOf('=');
      if (equals < 0) {
        throw new FormatException("a PAX header record does not parse");
      }
      if (record.substring(0, equals).equals("path")) {
        path = record.substring(equals + 1);
      }
      index += length;
    }
    return path;
  }

  private static String headerName(byte[] header) {
    String name = cString(header, 0, 100);
    boolean ustar = new String(header, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
    String prefix = ustar ? cString(header, 345, 155) : "";
    return prefix.isEmpty() ? name : prefix + "/" + name;
  }

  private static String stripSlash(String name) {
    String stripped = name;
    while (stripped.startsWith("./")) {
      stripped = stripped.substring(2);
    }
    while (stripped.endsWith("/")) {
      stripped = stripped.substring(0, stripped.length() - 1);
    }
    return stripped;
  }

  private static void checkChecksum(byte[] header) throws FormatException {
    long expected = parseOctal(header, 148, 8);
    long sum = 0;
    for (int i = 0; i < BLOCK; i++) {
      sum += (i >= 148 && i < 156) ? ' ' : header[i] & 0xff;
    }
    if (sum != expected) {
      throw new FormatException("a tar header has a wrong checksum; the archive is damaged");
    }
  }

  private static long parseOctal(byte[] header, int offset, int length) throws FormatException {
    String text = cString(header, offset, length).trim();
    if (text.isEmpty()) {
      return 0;
    }
    try {
      return Long.parseLong(text, 8);
    } catch (NumberFormatException e) {
      throw new FormatException("a tar header field is not an octal number");
    }
  }

  private static String cString(byte[] bytes, int offset, int length) {
    int end = offset;
    while (end < offset + length && bytes[end] != 0) {
      end++;
    }
    return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
  }

  private static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }
}
