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
