package dev.bosun.charms.easyrsa.pki;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reversible file names for arbitrary ids: letters, digits, {@code .}, {@code _} and {@code -}
 * stay, every other byte becomes {@code %XX}; a leading dot is encoded too, so no name is hidden or
 * {@code ..}.
 */
final class FileNames {
  private FileNames() {}

  static String encode(String id) {
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException("an id must not be empty");
    }
    StringBuilder name = new StringBuilder();
    byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xff;
      boolean plain =
          (b >= 'a' && b <= 'z')
              || (b >= 'A' && b <= 'Z')
              || (b >= '0' && b <= '9')
              || b == '_'
              || b == '-'
              || (b == '.' && i > 0);
      if (plain) {
        name.append((char) b);
      } else {
        name.append('%').append(String.format("%02X", b));
      }
    }
    return name.toString();
  }

  /** The longest file name {@link #forId} returns, leaving room for a temporary-file suffix. */
  static final int MAX_NAME = 160;

  /**
   * Returns a file name for an id: {@link #encode} when that is short enough for every file system,
   * else a readable start of it followed by {@code ~} and a SHA-256 digest of the id.
   */
  static String forId(String id) {
    String encoded = encode(id);
    if (encoded.length() <= MAX_NAME) {
      return encoded;
    }
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(id.getBytes(StandardCharsets.UTF_8));
      String start = encoded.substring(0, 80);
      int cut = start.lastIndexOf('%');
      if (cut >= 78) {
        start = start.substring(0, cut);
      }
      return start + "~" + java.util.HexFormat.of().formatHex(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  static String decode(String name) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int i = 0;
    while (i < name.length()) {
      int c = name.codePointAt(i);
      if (c == '%' && isHex(name, i + 1) && isHex(name, i + 2)) {
        bytes.write(Integer.parseInt(name.substring(i + 1, i + 3), 16));
        i += 3;
      } else {
        byte[] encoded = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
        i += Character.charCount(c);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static boolean isHex(String text, int index) {
    return index < text.length() && Character.digit(text.charAt(index), 16) >= 0;
  }
}
