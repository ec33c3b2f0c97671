package dev.bosun.store.sqlite;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Keys as stored: UTF-8 bytes in a BLOB column, so SQLite orders them byte by byte (which is code
 * point order, as in etcd) and a prefix is a byte range.
 */
final class Keys {
  private Keys() {}

  static byte[] encode(String key) {
    return key.getBytes(StandardCharsets.UTF_8);
  }

  static String decode(byte[] key) {
    return new String(key, StandardCharsets.UTF_8);
  }

  /**
   * Returns the smallest key greater than every key that starts with {@code prefix}, or {@code
   * null} when there is none (the prefix is empty or all {@code 0xff}).
   */
  static byte[] prefixEnd(byte[] prefix) {
    for (int i = prefix.length - 1; i >= 0; i--) {
      if (prefix[i] != (byte) 0xff) {
        byte[] end = Arrays.copyOf(prefix, i + 1);
        end[i]++;
        return end;
      }
    }
    return null;
  }
}
