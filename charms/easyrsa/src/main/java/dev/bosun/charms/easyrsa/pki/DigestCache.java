package dev.bosun.charms.easyrsa.pki;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the process already made from a text — a parsed key, a parsed certificate — by a SHA-256
 * digest of the text, so a unit that reads the same files in every hook parses them once. Only the
 * digest is kept of the text, never the text itself, which may be a private key. Holds at most
 * {@code capacity} values, dropping the least recently used.
 *
 * @param <V> what is made from a text; immutable, as callers share it
 */
final class DigestCache<V> {
  private final Map<String, V> values;

  DigestCache(int capacity) {
    this.values =
        Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
              @Override
              protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
              }
            });
  }

  /**
   * Returns the value made earlier from the same text, else makes it; a value {@code make} throws
   * for is not kept, so the same text throws again.
   */
  V get(String text, Supplier<V> make) {
    return byDigest(digest(text.getBytes(StandardCharsets.UTF_8)), make);
  }

  /** Returns the value kept under a digest the caller computed, else makes and keeps it. */
  V byDigest(String digest, Supplier<V> make) {
    V value = values.get(digest);
    if (value == null) {
      value = make.get();
      values.put(digest, value);
    }
    return value;
  }

  /** Keeps a value made elsewhere under a digest the caller computed. */
  void put(String digest, V value) {
    values.put(digest, value);
  }

  /** How many values are kept. */
  int size() {
    return values.size();
  }

  /** A SHA-256 digest of the bytes, as lower-case hex. */
  static String digest(byte[]... parts) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      for (byte[] part : parts) {
        sha256.update(part);
      }
      return HexFormat.of().formatHex(sha256.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
